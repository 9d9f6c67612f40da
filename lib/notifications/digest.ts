import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { digestFrequencies } from "@/lib/db/schema";
import { assertActiveViewer, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";

// Digests: daily or weekly, per member. Each member's settings row says when their next
// digest is due, and that column is the run's cursor: a run takes at most `limit` members
// whose digest is due (FOR UPDATE SKIP LOCKED, so runs can overlap), moves each one's next
// date on and queues their digest in the outbox in the same statement. The digest itself is
// composed when it is sent (digest-email.ts), so it holds only what its reader may read then.

/** How far back a digest looks, at most, however long since the last one. */
const LOOK_BACK_DAYS = 7;

/** Queues the digests that are due, for at most `limit` members. Returns how many were queued. */
export async function queueDueDigests(options: { limit?: number; now?: Date } = {}): Promise<number> {
  const { limit = 500, now = new Date() } = options;
  const at = sql`${now.toISOString()}::timestamptz`;
  const db = await getDb();
  const [row] = await selectRows<{ queued: number }>(
    db,
    sql`with due as (
      select user_id, frequency, last_digest_at from digest_settings
      where frequency <> 'off' and next_digest_at <= ${at}
      order by next_digest_at, user_id limit ${limit} for update skip locked),
    moved as (
      update digest_settings d set last_digest_at = ${at}, next_digest_at = next_digest_at(d.frequency, ${at})
      from due where d.user_id = due.user_id returning d.user_id),
    queued as (
      insert into email_outbox (user_id, batch_key, send_after, data)
      select due.user_id, 'digest:' || to_char(${at} at time zone 'Europe/London', 'YYYY-MM-DD'), ${at},
        jsonb_build_object('since', greatest(
          coalesce(due.last_digest_at, ${at} - case when due.frequency = 'daily' then interval '1 day' else interval '7 days' end),
          ${at} - make_interval(days => ${LOOK_BACK_DAYS})), 'frequency', due.frequency)
      from due
      on conflict (user_id, batch_key) where status = 'pending' do nothing
      returning 1)
    select ((select count(*) from moved) + 0 * (select count(*) from queued))::int as queued`,
  );
  return row?.queued ?? 0;
}

const frequencySchema = z.object({ frequency: z.enum(digestFrequencies, { error: "Choose how often you get a digest." }) });

/** Sets how often the member gets a digest; the next one is due at the next slot. */
export async function setDigestFrequency(viewer: Viewer, input: unknown) {
  assertActiveViewer(viewer);
  const { frequency } = parseInput(frequencySchema, input);
  const db = await getDb();
  await db.execute(sql`insert into digest_settings (user_id, frequency, next_digest_at)
    values (${viewer.id}, ${frequency}, case when ${frequency} = 'off' then null else next_digest_at(${frequency}::digest_frequency, now()) end)
    on conflict (user_id) do update set frequency = excluded.frequency, next_digest_at = excluded.next_digest_at`);
  return { frequency };
}
