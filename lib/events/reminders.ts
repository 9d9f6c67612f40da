import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { tellReminder } from "./tell";

// The reminder the day before an event, sent by a scheduled job. Each run claims a bounded
// batch of events starting within a day that have had no reminder, with FOR UPDATE SKIP
// LOCKED, so two runs at once never remind twice; each event is marked in the same
// transaction as its reminder, so a run that fails is retried by the next, never lost.

/** How many events one run reminds about: small enough for a serverless time limit. */
export const REMINDER_BATCH = 50;

/**
 * Sends the due reminders: events starting in the next 24 hours, not cancelled, whose post is
 * live and whose community is not archived. Returns how many went and whether more are waiting.
 */
export async function sendEventReminders({ limit = REMINDER_BATCH } = {}) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await selectRows<{ id: string }>(
      tx,
      sql`select e.id from events e
        join posts p on p.id = e.id
        join communities c on c.id = e.community_id
        where e.reminder_sent_at is null and e.cancelled_at is null
          and e.starts_at > now() and e.starts_at <= now() + interval '1 day'
          and p.deleted_at is null and p.hidden_at is null and p.status = 'published'
          and c.archived_at is null
          and not exists (select 1 from communities a where a.id = any(c.ancestor_ids) and a.archived_at is not null)
        order by e.starts_at, e.id
        limit ${limit + 1}
        for update of e skip locked`,
    );
    const batch = due.slice(0, limit);
    let people = 0;
    for (const { id } of batch) {
      people += (await tellReminder(tx, { eventId: id })).recipients.length;
      await tx.execute(sql`update events set reminder_sent_at = now() where id = ${id}`);
    }
    return { ok: true, events: batch.length, people, more: due.length > limit };
  });
}
