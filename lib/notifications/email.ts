import { and, asc, eq, sql } from "drizzle-orm";
import { hasState } from "@/lib/db/literals";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { notifications, type NotificationKind } from "@/lib/db/schema";
import { siteOrigin } from "@/lib/http/site-url";
import { renderEmail, type EmailItem, type EmailLink } from "@/lib/mail/compose";
import type { Mail } from "@/lib/mail/send";
import { emailMessageId, postThreadId, threadIndex } from "@/lib/mail/threading";
import { can, type Viewer } from "@/lib/policy";
import { loadPost } from "@/lib/posts/load";
import { describe, sentence, type Described } from "./describe";
import { kinds } from "./kinds";
import { issueReplyAddress } from "./reply-address";
import { selectSeen, type SeenQueryRow } from "./seen";
import { unsubscribeLinks } from "./unsubscribe";

// One email for the notifications that waited together (replies on one post within a few
// minutes, say), composed when it is sent: each is judged again by the policy for its reader
// now, and those already read on the site, or no longer readable, are left out.

const MAX_ITEMS = 50;

export type ComposedEmail = { mail: Mail | null; sentIds: string[]; skippedIds: string[] };

type Excerpt = { id: string; text: string };

/** Short extracts of what was written, for the notifications that may show them. */
async function excerpts(db: Db, shown: SeenQueryRow[]) {
  const commentIds = shown.filter((r) => r.commentId && r.commentOk).map((r) => r.commentId!);
  const postIds = shown.filter((r) => !r.commentId && r.postId && r.postOk && ["new_post", "mention", "post_pending"].includes(r.kind)).map((r) => r.postId!);
  const list = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const [fromComments, fromPosts] = await Promise.all([
    commentIds.length ? selectRows<Excerpt>(db, sql`select id, left(body_text, 600) as text from comments where id in (${list(commentIds)})`) : [],
    postIds.length ? selectRows<Excerpt>(db, sql`select id, left(body_text, 600) as text from posts where id in (${list(postIds)})`) : [],
  ]);
  return new Map([...fromComments, ...fromPosts].map((r) => [r.id, r.text]));
}

/** What the member still wants by email, now: their choice per kind and per community. */
async function stillWanted(db: Db, userId: string) {
  const rows = await selectRows<{ kind: NotificationKind | null; communityId: string | null }>(
    db,
    sql`select kind, null::uuid as "communityId" from email_preferences where user_id = ${userId} and delivery <> 'immediately'
      union all select null, community_id from community_watches where user_id = ${userId} and emails = false`,
  );
  const kindsOff = new Set(rows.map((r) => r.kind).filter(Boolean));
  const communitiesOff = new Set(rows.map((r) => r.communityId).filter(Boolean));
  return (row: SeenQueryRow) => !kindsOff.has(row.kind) && !(row.communityId && communitiesOff.has(row.communityId));
}

function linkFor(row: SeenQueryRow, d: Described, origin: string): EmailLink {
  const href = `${origin}/notifications/${d.id}`;
  if (row.commentId && row.commentOk) return { href, text: `Read ${row.actorName ?? "the"}${row.actorName ? "'s" : ""} reply on Roundtable` };
  if (d.title) return { href, text: `Open “${d.title}” on Roundtable` };
  return { href, text: `Go to ${row.communityName ?? "Roundtable"}` };
}

/** Composes the email for one waiting batch of a member's notifications, or null when nothing is left to send. */
export async function composeNotificationEmail(db: Db, recipient: Viewer, email: { id: string; batchKey: string }, sentAt: Date): Promise<ComposedEmail> {
  const { batchKey } = email;
  const rows = (await selectSeen(db, recipient)
    .where(and(eq(notifications.userId, recipient.id), hasState(notifications.emailState, "pending"), eq(notifications.emailBatch, batchKey)))
    .orderBy(asc(notifications.createdAt))
    .limit(MAX_ITEMS)) as SeenQueryRow[];
  const wanted = await stillWanted(db, recipient.id);
  const described = rows.map((row) => ({ row, d: describe(row) }));
  const send = described.filter(({ row, d }) => d.path !== null && row.readAt === null && wanted(row));
  const skippedIds = described.filter((x) => !send.includes(x)).map(({ row }) => row.id);
  if (send.length === 0) return { mail: null, sentIds: [], skippedIds };

  const origin = siteOrigin();
  const domain = new URL(origin).hostname;
  const texts = await excerpts(db, send.map((x) => x.row));
  const items: EmailItem[] = send.map(({ row, d }) => ({
    heading: sentence(d),
    excerpt: texts.get(row.commentId ?? row.postId ?? "") ?? null,
    detail: d.detail,
    link: linkFor(row, d, origin),
  }));
  const first = send[0]!;
  const postId = batchKey.startsWith("post:") ? first.d.postId : null;
  const communityName = first.row.communityName ?? "Roundtable";
  const subject = postId && first.d.title ? `[${communityName}] ${first.d.title}` : send.length === 1 ? sentence(first.d) : `${send.length} updates in ${communityName}`;
  const kindsHere = [...new Set(send.map(({ row }) => row.kind))];
  const communityId = first.row.communityId;
  const perKind = kindsHere.map((k) => ({ text: `Stop emails like this: ${kinds[k].label.toLowerCase()}`, href: unsubscribeLinks(recipient.id, { kind: k }).page }));
  const perCommunity = communityId ? [{ text: `Stop all emails about ${communityName}`, href: unsubscribeLinks(recipient.id, { communityId }).page }] : [];
  const oneClick = kindsHere.length === 1 && kindsHere[0] === "new_post" && communityId
    ? unsubscribeLinks(recipient.id, { communityId }).oneClick
    : unsubscribeLinks(recipient.id, { kind: first.row.kind }).oneClick;

  const mail: Mail = { to: recipient.email, subject, text: "", unsubscribeUrl: oneClick, messageId: emailMessageId(email.id, domain) };
  let closing: string | undefined;
  if (postId) {
    const loaded = await loadPost(db, recipient, postId);
    const root = postThreadId(postId, domain);
    if (kindsHere.includes("new_post")) mail.messageId = root;
    else Object.assign(mail, { inReplyTo: root, references: [root] });
    if (loaded) mail.headers = { "Thread-Topic": loaded.post.title, "Thread-Index": threadIndex(postId, loaded.post.createdAt, sentAt) };
    if (loaded && can(recipient, "post.comment", loaded.target)) {
      const replyTo = await issueReplyAddress(db, recipient.id, postId);
      if (replyTo) {
        mail.replyTo = replyTo;
        closing = "Reply to this email to post your reply on Roundtable. Write above the quoted text.";
      }
    }
  }
  const rendered = renderEmail({
    subject,
    preheader: sentence(first.d),
    heading: send.length === 1 ? sentence(first.d) : `${send.length} updates on Roundtable`,
    sections: [{ items }],
    closing,
    footer: {
      why: "You get this email because of your notification settings on Roundtable.",
      links: [...perKind, ...perCommunity, { text: "Choose which emails you get", href: `${origin}/settings/notifications` }],
    },
  });
  return { mail: { ...mail, ...rendered }, sentIds: send.map(({ row }) => row.id), skippedIds };
}
