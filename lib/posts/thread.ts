import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias, unionAll } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db/client";
import { comments, posts, users } from "@/lib/db/schema";
import { communityHeader, subCommunityCountColumn } from "@/lib/communities/page";
import { attachmentsColumn, toAttachments } from "@/lib/files/list";
import { myReportColumn } from "@/lib/moderation/reports";
import { firstUnreadLink, pastReadMark, readMarkColumn, toReadMark } from "@/lib/notifications/reads";
import { decide, notHiddenFrom, wrote, type CommentTarget, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { notFound } from "@/lib/errors";
import { draftBodyColumn } from "./drafts";
import { loadReadablePost, threadPath } from "./load";
import { needsFirstPage, pickThreadPage, threadPlace, threadSchema } from "./thread-page";
import { shownJobTitle, shownOrganisation } from "@/lib/people/columns";

// One post with its replies: the post page and the post's JSON.

/** Thrown when a post is asked for under a community it is not in; `location` is where it is. */
export class PostElsewhere extends Error {
  constructor(readonly location: string) {
    super("The post is in another community");
  }
}

/** What the viewer may do to the post, by the name the page uses. */
const postActions = {
  comment: "post.comment",
  edit: "post.edit",
  moderate: "post.moderate",
  delete: "post.delete",
  report: "post.report",
  acceptAnswer: "post.acceptAnswer",
  react: "post.react",
  follow: "post.follow",
} as const;

const commentActions = {
  edit: "comment.edit",
  delete: "comment.delete",
  react: "comment.react",
  moderate: "comment.moderate",
  report: "comment.report",
  viewRevisions: "comment.viewRevisions",
} as const;

const quoted = alias(comments, "quoted");
const quotedAuthor = alias(users, "quoted_author");
const asked = alias(comments, "asked");

/**
 * A post page: the post, its accepted answer first, then a page of the replies in order, by
 * keyset (thread-page.ts). A fixed number of queries, however long the thread: the post with its
 * community, the viewer's state on the post (marks, read mark, and for a page also their draft,
 * reports, the attachments and the header's count), and the replies with the accepted answer.
 * `page` asks for what only the pages show, which the JSON leaves out.
 */
export async function getPostPage(viewer: Viewer, slug: string | null, postId: string, query: unknown, { forEvent = false, page: forPage = false } = {}) {
  const q = parseInput(threadSchema, query);
  const place = threadPlace(q);
  const db = await getDb();
  const loaded = await loadReadablePost(viewer, postId);
  const { post, community, target } = loaded;
  // The post lives elsewhere (it was moved, or the link was mistyped): send readers to it.
  if (slug !== null && community.slug !== slug) throw new PostElsewhere(threadPath(community.slug, post));
  // An event's discussion is read on the event's page, which asks only for events.
  if (forEvent && post.kind !== "event") throw notFound();
  if (slug !== null && !forEvent && post.kind === "event") throw new PostElsewhere(threadPath(community.slug, post));

  const commentColumns = (part: number) => ({
    /** Which part of the replies statement the row is from (thread-page.ts). */
    part: sql<number>`${sql.raw(String(part))}`.mapWith(Number),
    id: comments.id,
    authorId: comments.authorId,
    authorName: users.name,
    authorJobTitle: shownJobTitle(viewer),
    authorOrganisation: shownOrganisation(viewer),
    bodyHtml: comments.bodyHtml,
    helpfulCount: comments.helpfulCount,
    createdAt: comments.createdAt,
    createdKey: sql<string>`${comments.createdAt}::text`,
    // After where the viewer had read up to, and not their own: marked "new".
    isNew: sql<boolean>`coalesce((${comments.createdAt}, ${comments.id}) > (select pr.last_read_at, pr.last_read_comment_id from post_reads pr
      where pr.user_id = ${viewer.id} and pr.post_id = ${post.id}) and ${comments.authorId} is distinct from ${viewer.id}::uuid, false)`,
    // After the viewer's mark, of any kind: whether showing it moves the mark.
    pastMark: pastReadMark(viewer.id, post.id, comments),
    editedAt: comments.editedAt,
    deletedAt: comments.deletedAt,
    hiddenAt: comments.hiddenAt,
    replyToId: comments.replyToId,
    quotedText: sql<string | null>`case when ${quoted.deletedAt} is null and ${quoted.hiddenAt} is null then left(${quoted.bodyText}, 280) end`,
    quotedAuthor: quotedAuthor.name,
    // A scalar probe with LIMIT, not EXISTS: the planner may turn an EXISTS into one hash of
    // every comment in the site, when only this page's few rows need looking up.
    hasReplies: sql<boolean>`coalesce((select true from comments r where r.reply_to_id = ${comments.id} and r.deleted_at is null limit 1), false)`,
    // The viewer's own mark and the reply's earlier versions, in the same statement as the reply.
    iFoundHelpful: sql<boolean>`exists (select 1 from comment_reactions cr where cr.comment_id = ${comments.id} and cr.user_id = ${viewer.id})`,
    revisions: sql<{ bodyHtml: string; createdAt: string }[]>`(select coalesce(json_agg(json_build_object('bodyHtml', rv.body_html, 'createdAt', rv.created_at)
      order by rv.created_at desc), '[]'::json) from comment_revisions rv where rv.comment_id = ${comments.id})`,
    myReport: forPage ? myReportColumn(viewer, post.id, sql`${comments.id}`) : sql<null>`null`,
  });
  const threadQuery = (part: number, where: SQL | undefined) =>
    db
      .select(commentColumns(part))
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .leftJoin(quoted, eq(quoted.id, comments.replyToId))
      .leftJoin(quotedAuthor, eq(quotedAuthor.id, quoted.authorId))
      .where(and(eq(comments.postId, post.id), where));
  const visibleComment = notHiddenFrom(viewer, comments, community.id);
  const { allowed, refusals } = decide(viewer, target, postActions);

  const key = sql`(${comments.createdAt}, ${comments.id})`;
  const limit = q.limit + 1;
  const askedPage = place.before
    ? threadQuery(0, and(visibleComment, sql`${key} < (${place.before[0]}::timestamptz, ${place.before[1]}::uuid)`)).orderBy(desc(comments.createdAt), desc(comments.id))
    : threadQuery(
        0,
        and(
          visibleComment,
          place.after ? sql`${key} > (${place.after[0]}::timestamptz, ${place.after[1]}::uuid)` : undefined,
          // From the reply asked for, if the viewer may see it: nothing otherwise, and then the first page.
          place.reply
            ? sql`${key} >= ((select ${asked.createdAt} from comments asked where ${asked.id} = ${place.reply} and ${asked.postId} = ${post.id}
                and ${notHiddenFrom(viewer, asked, community.id)}), ${place.reply}::uuid)`
            : undefined,
        ),
      ).orderBy(asc(comments.createdAt), asc(comments.id));
  const parts = [
    askedPage.limit(limit),
    ...(needsFirstPage(place) ? [threadQuery(1, visibleComment).orderBy(asc(comments.createdAt), asc(comments.id)).limit(limit)] : []),
    ...(post.acceptedCommentId ? [threadQuery(2, and(eq(comments.id, post.acceptedCommentId), visibleComment))] : []),
  ];
  const [first, second, ...rest] = parts;

  const [[mine], rows] = await Promise.all([
    // The author, the viewer's own marks and read mark on the post, and what else the page shows: one statement.
    db
      .select({
        // Job title and organisation only as their owner lets this viewer see them.
        author: sql<{ id: string; name: string; jobTitle: string; organisation: string } | null>`(select json_build_object('id', ${users.id}, 'name', ${users.name},
          'jobTitle', ${shownJobTitle(viewer)}, 'organisation', ${shownOrganisation(viewer)}) from ${users} where ${users.id} = ${posts.authorId})`,
        reacted: sql<boolean>`exists (select 1 from post_reactions r where r.post_id = ${posts.id} and r.user_id = ${viewer.id})`,
        followLevel: sql<string | null>`(select f.level from post_follows f where f.post_id = ${posts.id} and f.user_id = ${viewer.id})`,
        mark: readMarkColumn(viewer.id, post.id),
        unreadNotices: sql<boolean>`exists (select 1 from notifications n where n.user_id = ${viewer.id} and n.post_id = ${posts.id} and n.read_at is null)`,
        draft: forPage && allowed.comment ? draftBodyColumn(viewer, sql`${`comment:${post.id}`}`) : sql<null>`null`,
        myReport: forPage ? myReportColumn(viewer, post.id, null) : sql<null>`null`,
        attachments: forPage ? attachmentsColumn(post.id) : sql<[]>`'[]'::json`,
        subCommunities: forPage ? subCommunityCountColumn(viewer, community.id) : sql<number>`0`,
      })
      .from(posts)
      .where(eq(posts.id, post.id)),
    // The asked page, the first page when it may be the one shown, and the accepted answer: one statement.
    second ? unionAll(first!, second, ...rest) : first!,
  ]);
  const mark = toReadMark(mine?.mark ?? null);
  const page = pickThreadPage(rows, place, q.limit);
  const shownIds = new Set(page.items.map((c) => c.id));
  // Deleted replies with nobody answering them disappear; with answers, they stay as "deleted".
  const shown = page.items.filter((c) => !c.deletedAt || c.hasReplies);
  const toComment = (c: (typeof rows)[number]) => {
    const commentTarget: CommentTarget = { ...target, comment: { authorId: c.authorId, deletedAt: c.deletedAt, hiddenAt: c.hiddenAt } };
    const { viewRevisions, ...commentAllowed } = decide(viewer, commentTarget, commentActions).allowed;
    return {
      id: c.id,
      author: c.authorId ? { id: c.authorId, name: c.authorName ?? "", jobTitle: c.authorJobTitle ?? "", organisation: c.authorOrganisation ?? "" } : null,
      bodyHtml: c.deletedAt ? "" : c.bodyHtml,
      deleted: c.deletedAt !== null,
      hidden: c.hiddenAt !== null,
      /** Written by the viewer: how a hidden reply is described to them. */
      mine: wrote(viewer, c.authorId),
      helpfulCount: c.helpfulCount,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      /** The reply it answers; `here` when that is on this page too. */
      replyTo: c.replyToId ? { id: c.replyToId, author: c.quotedAuthor, text: c.quotedText, here: shownIds.has(c.replyToId) } : null,
      isAccepted: c.id === post.acceptedCommentId,
      isNew: c.isNew,
      iFoundHelpful: c.iFoundHelpful,
      myReport: c.myReport,
      revisions: viewRevisions ? c.revisions.map((r) => ({ bodyHtml: r.bodyHtml, createdAt: new Date(r.createdAt) })) : [],
      allowed: { ...commentAllowed, reply: !c.deletedAt && allowed.comment },
    };
  };
  return {
    community: { id: community.id, slug: community.slug, name: community.name },
    post: {
      id: post.id,
      kind: post.kind,
      title: post.title,
      bodyHtml: post.bodyHtml,
      tags: post.tags,
      status: post.status,
      createdAt: post.createdAt,
      editedAt: post.editedAt,
      locked: post.lockedAt !== null,
      pinned: post.pinnedAt !== null,
      hidden: post.hiddenAt !== null,
      hiddenReason: post.hiddenReason,
      commentCount: post.commentCount,
      helpfulCount: post.helpfulCount,
      author: mine?.author ?? null,
      iFoundHelpful: mine?.reacted ?? false,
      following: mine?.followLevel === "following",
      muted: mine?.followLevel === "muted",
    },
    acceptedAnswer: page.accepted ? toComment(page.accepted) : null,
    /** Replies since the viewer last read the post, and a link to the first of them; null on a first visit. */
    unread: mark && mark.newReplies > 0 ? { count: mark.newReplies, link: firstUnreadLink(`/c/${community.slug}/posts/${post.id}`, mark, post.commentCount) } : null,
    /** How far this page has shown the thread: the page records it as read up to here. */
    readUpTo: page.items.length ? { key: page.items.at(-1)!.createdKey, id: page.items.at(-1)!.id } : { postCreatedAt: post.createdAt },
    /** Whether recording the read could change anything: a first visit, a shown reply after the mark, or unread notifications about the post. */
    readChanges: !mark || (page.items.at(-1)?.pastMark ?? false) || (mine?.unreadNotices ?? false),
    comments: shown.map(toComment),
    nextCursor: page.nextCursor,
    /** The page before this one, or null on the first page. */
    prevCursor: page.prevCursor,
    allowed,
    /** Why the viewer may not do each thing they may not: shown in place of the control. */
    refusals,
    query: q,
    /** Only with `page`: the viewer's draft reply, their report on the post, the attachments and the community's header. */
    page: forPage
      ? {
          draft: mine?.draft ?? null,
          myReport: mine?.myReport ?? null,
          attachments: toAttachments(mine?.attachments ?? []),
          canAttach: allowed.edit,
          header: communityHeader(viewer, loaded, mine?.subCommunities ?? 0),
        }
      : null,
  };
}

