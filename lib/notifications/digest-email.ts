import { and, desc, eq, sql } from "drizzle-orm";
import { hasState } from "@/lib/db/literals";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { notifications, posts } from "@/lib/db/schema";
import { siteOrigin } from "@/lib/http/site-url";
import { renderEmail, type EmailItem, type EmailSection } from "@/lib/mail/compose";
import { emailMessageId } from "@/lib/mail/threading";
import { publicPosts, readableCommunityIds, type Viewer } from "@/lib/policy";
import { describe, sentence } from "./describe";
import { selectSeen, type SeenQueryRow } from "./seen";
import { unsubscribeLinks } from "./unsubscribe";
import type { ComposedEmail } from "./email";
import { replyLink } from "@/lib/posts/reply-link";

// What a digest holds, worked out for its reader when it is sent: new posts, unanswered
// questions and the most helpful answers from the communities they chose, and notifications
// they asked to get in the digest. Every query runs inside the reader's visibility scope.

const PER_COMMUNITY = 3;
const NEW_POSTS = 12;
const UNANSWERED = 5;
const HELPFUL = 5;

type PostLine = { id: string; title: string; slug: string; community: string; author: string | null; replies: number };
type AnswerLine = { postId: string; commentId: string; title: string; slug: string; author: string | null; helpful: number; text: string };

const p = alias(posts, "p");

/** The communities in the reader's digest: theirs, readable, not muted, not left out, not archived. */
function digestCommunities(viewer: Viewer) {
  return sql`select c.id, c.name, c.slug from memberships m join communities c on c.id = m.community_id
    left join community_watches cw on cw.user_id = m.user_id and cw.community_id = m.community_id
    where m.user_id = ${viewer.id} and m.status = 'active' and coalesce(cw.in_digest, true) and cw.level is distinct from 'muted'
      and c.archived_at is null and c.id in ${readableCommunityIds(viewer)}
    order by c.last_activity_at desc limit 50`;
}

/** Posts started since `since` in the digest's communities, newest first: each community's own index, a few each. */
function newPosts(db: Db, viewer: Viewer, since: string, questionsOnly: boolean) {
  const filter = questionsOnly ? sql`and p.kind = 'question' and p.accepted_comment_id is null` : sql``;
  return selectRows<PostLine>(
    db,
    sql`select p.id, p.title, dc.slug, dc.name as community, u.name as author, p.comment_count as replies
    from (${digestCommunities(viewer)}) dc
    cross join lateral (select * from posts p where p.community_id = dc.id and ${publicPosts(p)} ${filter}
      and p.last_activity_at > ${since}::timestamptz and p.created_at > ${since}::timestamptz and p.author_id is distinct from ${viewer.id}::uuid
      order by p.last_activity_at desc, p.id desc limit ${PER_COMMUNITY}) p
    left join users u on u.id = p.author_id
    order by p.created_at desc limit ${questionsOnly ? UNANSWERED : NEW_POSTS}`,
  );
}

/** The replies marked most helpful since `since`, on posts active in the digest's communities. */
function helpfulAnswers(db: Db, viewer: Viewer, since: string) {
  return selectRows<AnswerLine>(
    db,
    sql`select p.id as "postId", cm.id as "commentId", p.title, dc.slug, u.name as author, cm.helpful_count as helpful, left(cm.body_text, 300) as text
    from (${digestCommunities(viewer)}) dc
    cross join lateral (select * from posts p where p.community_id = dc.id and ${publicPosts(p)}
      and p.last_activity_at > ${since}::timestamptz order by p.last_activity_at desc, p.id desc limit 20) p
    join comments cm on cm.post_id = p.id and cm.created_at > ${since}::timestamptz and cm.helpful_count > 0
      and cm.deleted_at is null and cm.hidden_at is null
    left join users u on u.id = cm.author_id
    order by cm.helpful_count desc, cm.created_at desc limit ${HELPFUL}`,
  );
}

/**
 * Upcoming events in the digest's communities. Events are not built yet: when they are, return
 * the reader's next few here (inside their visibility scope) and the digest shows them.
 */
async function upcomingEvents(_db: Db, _viewer: Viewer): Promise<EmailItem[]> {
  return [];
}

/** Composes a member's digest, or nothing when nothing happened that they may read. */
export async function composeDigestEmail(db: Db, recipient: Viewer, email: { id: string; data: Record<string, unknown> }, now: Date): Promise<ComposedEmail> {
  const [settings] = await selectRows<{ frequency: string }>(db, sql`select frequency from digest_settings where user_id = ${recipient.id}`);
  // Turned off since it was queued: nothing goes.
  if (settings?.frequency === "off") return { mail: null, sentIds: [], skippedIds: [] };
  const since = typeof email.data.since === "string" ? email.data.since : new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const origin = siteOrigin();
  const [fresh, unanswered, helpful, events, waiting] = await Promise.all([
    newPosts(db, recipient, since, false),
    newPosts(db, recipient, since, true),
    helpfulAnswers(db, recipient, since),
    upcomingEvents(db, recipient),
    selectSeen(db, recipient)
      .where(and(eq(notifications.userId, recipient.id), hasState(notifications.emailState, "digest")))
      .orderBy(desc(notifications.createdAt))
      .limit(30) as Promise<SeenQueryRow[]>,
  ]);
  const postLink = (l: { slug: string; id: string }) => `${origin}/c/${l.slug}/posts/${l.id}`;
  const shown = waiting.map((row) => ({ row, d: describe(row) })).filter(({ row, d }) => d.path && row.readAt === null);
  const skippedIds = waiting.filter((row) => !shown.some((s) => s.row.id === row.id)).map((row) => row.id);
  const sections: EmailSection[] = [
    { heading: "For you", items: shown.map(({ d }) => ({ heading: sentence(d), detail: d.detail, link: { href: `${origin}/notifications/${d.id}`, text: d.title ? `Open “${d.title}”` : "Open on Roundtable" } })) },
    {
      heading: "New posts in your communities",
      items: fresh.map((l) => ({ heading: `${l.title} (${l.community})`, detail: `Started by ${l.author ?? "a former member"} · ${l.replies === 1 ? "1 reply" : `${l.replies} replies`}`, link: { href: postLink(l), text: `Read “${l.title}”` } })),
    },
    {
      heading: "Questions waiting for an answer",
      items: unanswered.map((l) => ({ heading: `${l.title} (${l.community})`, detail: `Asked by ${l.author ?? "a former member"}`, link: { href: postLink(l), text: `Answer “${l.title}”` } })),
    },
    {
      heading: "Most helpful answers",
      items: helpful.map((a) => ({
        heading: `${a.author ?? "A former member"} on “${a.title}”`,
        excerpt: a.text,
        detail: `${a.helpful} found this helpful`,
        link: { href: replyLink(postLink({ slug: a.slug, id: a.postId }), a.commentId), text: `Read ${a.author ?? "the"}${a.author ? "'s" : ""} answer` },
      })),
    },
    { heading: "Coming up", items: events },
  ].filter((s) => s.items.length > 0);
  if (sections.length === 0) return { mail: null, sentIds: [], skippedIds };
  const frequency = email.data.frequency === "daily" ? "daily" : "weekly";
  const subject = `Your ${frequency} digest from Roundtable`;
  const links = unsubscribeLinks(recipient.id, { digest: true });
  const count = fresh.length + unanswered.length;
  const rendered = renderEmail({
    subject,
    preheader: count ? `${count === 1 ? "1 new post" : `${count} new posts`} in your communities` : "What happened in your communities",
    heading: `Your ${frequency} digest`,
    intro: "Here is what happened in your communities since your last digest.",
    sections,
    footer: {
      why: `You get this ${frequency} digest because of your notification settings on Roundtable.`,
      links: [{ text: "Stop sending me the digest", href: links.page }, { text: "Choose which communities it covers", href: `${origin}/settings/notifications` }],
    },
  });
  return {
    mail: { to: recipient.email, subject, ...rendered, unsubscribeUrl: links.oneClick, messageId: emailMessageId(email.id, new URL(origin).hostname) },
    sentIds: shown.map(({ row }) => row.id),
    skippedIds,
  };
}
