import { createHash } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import EmailReplyParser from "email-reply-parser";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { htmlToText } from "@/lib/content/sanitize";
import { getDb } from "@/lib/db/client";
import { replyTokens, users } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { REPLY_TOKEN, replyTokenHash } from "@/lib/notifications/reply-address";
import { isActiveViewer } from "@/lib/policy";
import { loadAccount } from "@/lib/users/account";
import { createComment } from "./mutations";

// Reply by email. A reply that comes back to an email's reply address (see
// lib/notifications/reply-address.ts) through the inbound-mail route becomes a reply on the
// post under the recipient's account, through the same domain function as the web form: the
// same policy, rate limit and sanitizer.

export type InboundOutcome =
  | { outcome: "posted"; commentId: string; postId: string }
  | { outcome: "duplicate"; commentId: string; postId: string }
  | { outcome: "ignored"; reason: string };

const addressesOf = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));

/** Where a reply address could be: To, Cc, and the headers relays add for the envelope recipient. */
function tokenIn(mail: ParsedMail): string | null {
  const headers = ["delivered-to", "x-original-to", "envelope-to"].map((h) => String(mail.headers.get(h) ?? ""));
  for (const candidate of [...addressesOf(mail.to), ...addressesOf(mail.cc), ...headers]) {
    const match = REPLY_TOKEN.exec(candidate);
    if (match) return match[1]!.toLowerCase();
  }
  return null;
}

/** Only what the member wrote: quoted text and signatures trimmed by the reply parser. */
export function newText(mail: Pick<ParsedMail, "text" | "html">): string {
  const text = mail.text ?? (mail.html ? htmlToText(mail.html) : "");
  return new EmailReplyParser().parseReply(text.replace(/\r\n?/g, "\n")).trim();
}

/**
 * Takes one raw MIME message from the inbound-mail service. It becomes a reply only when its
 * token is real, unexpired, and was issued to the address it comes from; the same message
 * twice makes one reply (its Message-ID is the reply's idempotency key).
 */
export async function receiveReplyEmail(raw: Buffer | string): Promise<InboundOutcome> {
  const mail = await simpleParser(raw);
  const token = tokenIn(mail);
  if (!token) return { outcome: "ignored", reason: "no reply address" };
  const db = await getDb();
  const [row] = await db
    .select({ userId: replyTokens.userId, postId: replyTokens.postId, email: users.email })
    .from(replyTokens)
    .innerJoin(users, eq(users.id, replyTokens.userId))
    .where(and(eq(replyTokens.tokenHash, replyTokenHash(token)), gt(replyTokens.expiresAt, sql`now()`)));
  if (!row) return { outcome: "ignored", reason: "unknown or expired reply address" };
  const from = addressesOf(mail.from)[0]?.toLowerCase() ?? "";
  if (from !== row.email.toLowerCase()) return { outcome: "ignored", reason: "sent from another address" };
  const viewer = await loadAccount(row.userId);
  if (!viewer || !isActiveViewer(viewer)) return { outcome: "ignored", reason: "account not active" };
  const body = newText(mail);
  if (!body) return { outcome: "ignored", reason: "nothing new in the reply" };
  const key = `email:${createHash("sha256").update(mail.messageId ?? `${from}:${body}`).digest("hex").slice(0, 40)}`;
  try {
    const made = await createComment(viewer, row.postId, { body, bodyFormat: "plain", idempotencyKey: key });
    return { outcome: made.created ? "posted" : "duplicate", commentId: made.commentId, postId: made.postId };
  } catch (error) {
    if (!isAppError(error) || error.status >= 500) throw error;
    // Tell the sender, who wrote something, why it did not go up.
    await sendMail({
      to: viewer.email,
      subject: `Your reply was not posted: ${mail.subject ?? ""}`.trim(),
      text: `We could not post your emailed reply on Roundtable. ${error.message}\n\nWhat you wrote:\n\n${body}\n`,
    });
    return { outcome: "ignored", reason: error.message };
  }
}
