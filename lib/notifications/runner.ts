import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import type { MailTransport } from "@/lib/mail/send";
import { deliverDueEmails } from "./delivery";
import { queueDueDigests } from "./digest";
import { fanOutEvents } from "./fanout";

// One bounded run of notification work, in order: fan out recorded events, queue the digests
// that are due, send the emails that are due. The scheduled route runs it every minute with
// the platform's time limit in mind; each request's after() runs a short one without digests.

export type RunOptions = {
  /** Stop starting new work after this long: below the platform's limit for one function. */
  budgetMs?: number;
  digests?: boolean;
  /** At most this many digests queued per run: the digest run's batch. */
  digestLimit?: number;
  emailLimit?: number;
  now?: Date;
  transport?: MailTransport;
};

export async function runNotificationWork(options: RunOptions = {}) {
  const { budgetMs = 45_000, digests = true, digestLimit = 500, emailLimit = 500, now, transport } = options;
  const deadline = Date.now() + budgetMs;
  const fanout = await fanOutEvents({ deadline });
  const digestsQueued = digests && Date.now() < deadline ? await queueDueDigests({ limit: digestLimit, now }) : 0;
  const emails = await deliverDueEmails({ deadline, limit: emailLimit, now, transport });
  return { ok: true, fanout, digestsQueued, emails };
}

/** For the daily clean-up: finished events and emails after 30 days, spent reply addresses, read notifications after a year. */
export async function pruneNotifications(db: Db) {
  const count = async (query: ReturnType<typeof sql>) => (await selectRows(db, query)).length;
  return {
    events: await count(sql`delete from notification_events where processed_at < now() - interval '30 days' returning 1`),
    emails: await count(sql`delete from email_outbox where status in ('sent', 'skipped', 'failed') and created_at < now() - interval '30 days' returning 1`),
    replyAddresses: await count(sql`delete from reply_tokens where expires_at < now() returning 1`),
    notifications: await count(sql`delete from notifications where read_at < now() - interval '1 year' returning 1`),
  };
}
