import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { commentReactions, commentRevisions, comments, postFollows, postReactions, users } from "@/lib/db/schema";
import { firstUnreadLink, readMark, THREAD_PAGE_SIZE } from "@/lib/notifications/reads";
import { decodeCursor, pageOf } from "@/lib/pagination";
import { decide, notHiddenFrom, wrote, type CommentTarget, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { notFound } from "@/lib/errors";
import { loadAuthorizedPost, threadPath } from "./load";
import { nameLineColumns, shownJobTitle, shownOrganisation } from "@/lib/people/columns";

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

const threadSchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).catch(THREAD_PAGE_SIZE),
});

const quoted = alias(comments, "quoted");
const quotedAuthor = alias(users, "quoted_author");

/**
 * A post page: the post, its accepted answer first, then the replies in order, paged by
 * keyset for long threads. A fixed number of queries, however long the page.
 */
export async function getPostPage(viewer: Viewer, slug: string | null, postId: string, query: unknown, { forEvent = false } = {}) {
  const q = parseInput(threadSchema, query);
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const db = await getDb();
  const { post, community, target } = await loadAuthorizedPost(db, viewer, postId, "post.read");
  // The post lives elsewhere (it was moved, or the link was mistyped): send readers to it.
  if (slug !== null && community.slug !== slug) throw new PostElsewhere(threadPath(community.slug, post));
  // An event's discussion is read on the event's page, which asks only for events.
  if (forEvent && post.kind !== "event") throw notFound();
  if (slug !== null && !forEvent && post.kind === "event") throw new PostElsewhere(threadPath(community.slug, post));

  const commentColumns = {
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
    editedAt: comments.editedAt,
    deletedAt: comments.deletedAt,
    hiddenAt: comments.hiddenAt,
    replyToId: comments.replyToId,
    quotedText: sql<string | null>`case when ${quoted.deletedAt} is null and ${quoted.hiddenAt} is null then left(${quoted.bodyText}, 280) end`,
    quotedAuthor: quotedAuthor.name,
    // A scalar probe with LIMIT, not EXISTS: the planner may turn an EXISTS into one hash of
    // every comment in the site, when only this page's few rows need looking up.
    hasReplies: sql<boolean>`coalesce((select true from comments r where r.reply_to_id = ${comments.id} and r.deleted_at is null limit 1), false)`,
  };
  const threadQuery = (where: SQL | undefined) =>
    db
      .select(commentColumns)
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .leftJoin(quoted, eq(quoted.id, comments.replyToId))
      .leftJoin(quotedAuthor, eq(quotedAuthor.id, quoted.authorId))
      .where(and(eq(comments.postId, post.id), where));
  const visibleComment = notHiddenFrom(viewer, comments, community.id);
  const { allowed, refusals } = decide(viewer, target, postActions);

  const [author, accepted, rows, myPostReaction, following, mark] = await Promise.all([
    post.authorId
      ? db.select(nameLineColumns(viewer)).from(users).where(eq(users.id, post.authorId))
      : Promise.resolve([]),
    post.acceptedCommentId ? threadQuery(and(eq(comments.id, post.acceptedCommentId), visibleComment)) : Promise.resolve([]),
    threadQuery(and(visibleComment, after ? sql`(${comments.createdAt}, ${comments.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined))
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .limit(q.limit + 1),
    db.select({ postId: postReactions.postId }).from(postReactions).where(and(eq(postReactions.postId, post.id), eq(postReactions.userId, viewer.id))),
    db.select({ level: postFollows.level }).from(postFollows).where(and(eq(postFollows.postId, post.id), eq(postFollows.userId, viewer.id))),
    readMark(db, viewer.id, post.id),
  ]);
  const page = pageOf(rows, q.limit, (r) => [r.createdKey, r.id]);
  // Deleted replies with nobody answering them disappear; with answers, they stay as "deleted".
  const shown = page.items.filter((c) => !c.deletedAt || c.hasReplies);
  const commentIds = [...shown, ...accepted].map((c) => c.id);
  const [myReactions, revisions] = await Promise.all([
    commentIds.length
      ? db.select({ id: commentReactions.commentId }).from(commentReactions).where(and(inArray(commentReactions.commentId, commentIds), eq(commentReactions.userId, viewer.id)))
      : Promise.resolve([]),
    commentIds.length
      ? db
          .select({ commentId: commentRevisions.commentId, bodyHtml: commentRevisions.bodyHtml, createdAt: commentRevisions.createdAt })
          .from(commentRevisions)
          .where(inArray(commentRevisions.commentId, commentIds))
          .orderBy(desc(commentRevisions.createdAt))
      : Promise.resolve([]),
  ]);
  const reacted = new Set(myReactions.map((r) => r.id));
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
      replyTo: c.replyToId ? { id: c.replyToId, author: c.quotedAuthor, text: c.quotedText } : null,
      isAccepted: c.id === post.acceptedCommentId,
      isNew: c.isNew,
      iFoundHelpful: reacted.has(c.id),
      revisions: viewRevisions ? revisions.filter((r) => r.commentId === c.id) : [],
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
      author: author[0] ?? null,
      iFoundHelpful: myPostReaction.length > 0,
      following: following[0]?.level === "following",
      muted: following[0]?.level === "muted",
    },
    acceptedAnswer: accepted[0] ? toComment(accepted[0]) : null,
    /** Replies since the viewer last read the post, and a link to the first of them; null on a first visit. */
    unread: mark && mark.newReplies > 0 ? { count: mark.newReplies, link: firstUnreadLink(`/c/${community.slug}/posts/${post.id}`, mark, post.commentCount) } : null,
    /** How far this page has shown the thread: the page records it as read up to here. */
    readUpTo: page.items.length ? { key: page.items.at(-1)!.createdKey, id: page.items.at(-1)!.id } : { postCreatedAt: post.createdAt },
    comments: shown.map(toComment),
    nextCursor: page.nextCursor,
    allowed,
    /** Why the viewer may not do each thing they may not: shown in place of the control. */
    refusals,
    query: q,
  };
}

