import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { users } from "@/lib/db/schema";
import { sendMail, type Mail, type MailTransport } from "@/lib/mail/send";
import { isActiveViewer } from "@/lib/policy";
import { viewerColumns } from "@/lib/users/account";
import { composeDigestEmail } from "./digest-email";
import { composeNotificationEmail } from "./email";
import { logError } from "@/lib/log";

// Sending the outbox. A run claims due emails with a lease: FOR UPDATE SKIP LOCKED, so two
// overlapping runs never claim the same one, and a lease time, so an email whose run died
// between claiming and sending is claimed again once the lease runs out. An email is marked
// sent only by the run holding its claim. Failures are retried with backoff.

/** How long a claim lasts: longer than any one send can take (nodemailer gives up well before). */
export const LEASE_SECONDS = 300;
export const MAX_ATTEMPTS = 8;
/** Emails composed and sent at once within one run. */
const SENDERS = 4;

export type Claimed = { id: string; userId: string; batchKey: string; attempts: number; claimToken: string; data: Record<string, unknown> };

/** Claims up to `limit` due emails for this run. */
export async function claimDueEmails(db: Db, limit: number, now = new Date()): Promise<Claimed[]> {
  const token = randomUUID();
  return selectRows<Claimed>(
    db,
    sql`with due as (
      select id from email_outbox
      where status in ('pending', 'sending') and send_after <= ${now.toISOString()}::timestamptz
        and (claimed_until is null or claimed_until < ${now.toISOString()}::timestamptz)
      order by send_after limit ${limit} for update skip locked)
    update email_outbox o set status = 'sending', claim_token = ${token}::uuid, attempts = o.attempts + 1,
      claimed_until = ${now.toISOString()}::timestamptz + make_interval(secs => ${LEASE_SECONDS})
    from due where o.id = due.id
    returning o.id, o.user_id as "userId", o.batch_key as "batchKey", o.attempts, o.claim_token as "claimToken", o.data`,
  );
}

/** Records the outcome, only if this run still holds the claim. Returns whether it did. */
async function finish(db: Db, email: Claimed, outcome: { status: "sent" | "skipped"; messageId?: string; sentIds: string[]; skippedIds: string[] }) {
  return db.transaction(async (tx) => {
    const [held] = await selectRows<{ id: string }>(
      tx,
      sql`update email_outbox set status = ${outcome.status}, sent_at = case when ${outcome.status} = 'sent' then now() end,
        message_id = ${outcome.messageId ?? null}, claimed_until = null, last_error = null
      where id = ${email.id} and claim_token = ${email.claimToken}::uuid and status = 'sending' returning id`,
    );
    if (!held) return false;
    const mark = (ids: string[], state: "sent" | "skipped") =>
      ids.length
        ? tx.execute(sql`update notifications set email_state = ${state} where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`)
        : null;
    await mark(outcome.sentIds, "sent");
    await mark(outcome.skippedIds, "skipped");
    return true;
  });
}

/** A failed send waits longer each time: 1, 2, 4… minutes, at most six hours, then gives up. */
async function retryLater(db: Db, email: Claimed, error: unknown, now: Date) {
  const message = error instanceof Error ? error.message.slice(0, 500) : "Unknown error";
  const minutes = Math.min(2 ** (email.attempts - 1), 360);
  await db.execute(sql`update email_outbox set claimed_until = null, last_error = ${message},
    status = ${email.attempts >= MAX_ATTEMPTS ? "failed" : "pending"},
    send_after = ${now.toISOString()}::timestamptz + make_interval(mins => ${minutes})
    where id = ${email.id} and claim_token = ${email.claimToken}::uuid and status = 'sending'
      and not exists (select 1 from email_outbox o2 where o2.user_id = ${email.userId} and o2.batch_key = ${email.batchKey} and o2.status = 'pending')`);
  // If a newer email for the same batch is already waiting, it will carry these notifications.
  await db.execute(sql`update email_outbox set status = 'skipped', claimed_until = null, last_error = ${message}
    where id = ${email.id} and claim_token = ${email.claimToken}::uuid and status = 'sending'`);
}

/** The recipient as the policy sees them, and whether their address may be written to. */
async function recipientOf(db: Db, userId: string) {
  const [row] = await db.select({ ...viewerColumns, emailVerified: users.emailVerified }).from(users).where(eq(users.id, userId));
  if (!row || !isActiveViewer(row)) return null;
  // Only a proven address receives anything about the communities (the design guide's identity rule).
  if (!row.emailVerified) return null;
  const { emailVerified: _verified, ...viewer } = row;
  return viewer;
}

/** Composes and sends one claimed email; what it carries is judged again for its reader now. */
async function sendOne(db: Db, email: Claimed, transport: MailTransport | undefined, now: Date) {
  const recipient = await recipientOf(db, email.userId);
  let composed: { mail: Mail | null; sentIds: string[]; skippedIds: string[] };
  if (!recipient) {
    const ids = await selectRows<{ id: string }>(db, sql`select id from notifications where user_id = ${email.userId} and email_state = 'pending' and email_batch = ${email.batchKey}`);
    composed = { mail: null, sentIds: [], skippedIds: ids.map((r) => r.id) };
  } else if (email.batchKey.startsWith("digest:")) {
    composed = await composeDigestEmail(db, recipient, email, now);
  } else {
    composed = await composeNotificationEmail(db, recipient, email, now);
  }
  if (!composed.mail) return finish(db, email, { status: "skipped", sentIds: [], skippedIds: composed.skippedIds }).then(() => "skipped" as const);
  await sendMail(composed.mail, transport);
  await finish(db, email, { status: "sent", messageId: composed.mail.messageId, sentIds: composed.sentIds, skippedIds: composed.skippedIds });
  return "sent" as const;
}

/** Sends due emails until none are left, `limit` have been tried, or the deadline passes. */
export async function deliverDueEmails(options: { limit?: number; deadline?: number; now?: Date; transport?: MailTransport } = {}) {
  const { limit = 200, deadline = Infinity, transport } = options;
  const db = await getDb();
  const tally = { sent: 0, skipped: 0, failed: 0 };
  let tried = 0;
  while (tried < limit && Date.now() < deadline) {
    const now = options.now ?? new Date();
    const claimed = await claimDueEmails(db, Math.min(20, limit - tried), now);
    if (claimed.length === 0) break;
    tried += claimed.length;
    // A few at a time: each waits mostly on the database and the mail server, not on this process.
    const queue = [...claimed];
    const worker = async () => {
      for (let email = queue.shift(); email; email = queue.shift()) {
        try {
          tally[await sendOne(db, email, transport, now)] += 1;
        } catch (error) {
          tally.failed += 1;
          logError("email_not_sent", error, { emailId: email.id, retry: true });
          await retryLater(db, email, error, now);
        }
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, worker));
  }
  return tally;
}
