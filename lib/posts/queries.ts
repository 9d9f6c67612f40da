import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { loadAuthorizedForPage } from "@/lib/communities/access";
import { getDb, type Db } from "@/lib/db/client";
import {
  commentReactions,
  commentRevisions,
  comments,
  communities,
  postFollows,
  postKinds,
  postReactions,
  posts,
  users,
  type PostKind,
} from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { decodeCursor, pageOf } from "@/lib/pagination";
import {
  assertActiveViewer,
  can,
  publicPosts,
  readableCommunityIds,
  visiblePosts,
  type CommentTarget,
  type MaybeViewer,
  type Viewer,
} from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { loadPost } from "./access";
import { recordVisit } from "./visits";
import { sharedForCommunity } from "@/lib/cache";

/** Thrown when a post is asked for under a community it is not in; `location` is where it is. */
export class PostElsewhere extends Error {
  constructor(readonly location: string) {
    super("The post is in another community");
  }
}

export type FeedItem = {
  id: string;
  communitySlug: string;
  communityName: string;
  kind: PostKind;
  title: string;
  tags: string[];
  commentCount: number;
  helpfulCount: number;
  answered: boolean;
  pinned: boolean;
  locked: boolean;
  createdAt: Date;
  lastActivityAt: Date;
  author: { id: string; name: string } | null;
  /** Set per viewer, outside the shared part of the feed. */
  isNew: boolean;
};

const feedColumns = {
  id: posts.id,
  communitySlug: communities.slug,
  communityName: communities.name,
  kind: posts.kind,
  title: posts.title,
  tags: posts.tags,
  commentCount: posts.commentCount,
  helpfulCount: posts.helpfulCount,
  acceptedCommentId: posts.acceptedCommentId,
  pinnedAt: posts.pinnedAt,
  lockedAt: posts.lockedAt,
  createdAt: posts.createdAt,
  lastActivityAt: posts.lastActivityAt,
  activityKey: sql<string>`${posts.lastActivityAt}::text`,
  authorId: users.id,
  authorName: users.name,
};

type FeedRow = {
  id: string;
  communitySlug: string;
  communityName: string;
  kind: PostKind;
  title: string;
  tags: string[];
  commentCount: number;
  helpfulCount: number;
  acceptedCommentId: string | null;
  pinnedAt: Date | null;
  lockedAt: Date | null;
  createdAt: Date;
  lastActivityAt: Date;
  activityKey: string;
  authorId: string | null;
  authorName: string | null;
};

function toFeedItem(row: FeedRow, newSince: Date | null, viewerId: string): FeedItem {
  return {
    id: row.id,
    communitySlug: row.communitySlug,
    communityName: row.communityName,
    kind: row.kind,
    title: row.title,
    tags: row.tags,
    commentCount: row.commentCount,
    helpfulCount: row.helpfulCount,
    answered: row.acceptedCommentId !== null,
    pinned: row.pinnedAt !== null,
    locked: row.lockedAt !== null,
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    author: row.authorId && row.authorName !== null ? { id: row.authorId, name: row.authorName } : null,
    isNew: newSince !== null && row.lastActivityAt > newSince && row.authorId !== viewerId,
  };
}

export const feedSchema = z.object({
  kind: z.enum(postKinds).optional().catch(undefined),
  tag: z.string().trim().toLowerCase().max(30).optional().catch(undefined),
  unanswered: z.enum(["1", "true"]).optional().catch(undefined),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(25),
});
export type FeedQuery = z.output<typeof feedSchema>;

const keysetAfter = (v: (string | number)[]) =>
  sql`(${posts.lastActivityAt}, ${posts.id}) < (${v[0]}::timestamptz, ${v[1]}::uuid)`;

function feedFilters(q: FeedQuery): (SQL | undefined)[] {
  return [
    q.kind || q.unanswered ? eq(posts.kind, q.unanswered ? "question" : q.kind!) : undefined,
    q.tag ? sql`${q.tag} = any(${posts.tags})` : undefined,
    q.unanswered ? isNull(posts.acceptedCommentId) : undefined,
  ];
}

/**
 * The part of a community's feed that is the same for every reader: published, visible
 * posts, pinned ones first on the first page, then by latest activity, paged by keyset. It
 * takes no viewer, so it can be cached per community; the policy check happens before it.
 */
export async function sharedFeedPage(db: Db, communityId: string, q: FeedQuery) {
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const base = (extra: (SQL | undefined)[]) =>
    db
      .select(feedColumns)
      .from(posts)
      .innerJoin(communities, eq(communities.id, posts.communityId))
      .leftJoin(users, eq(users.id, posts.authorId))
      .where(and(eq(posts.communityId, communityId), publicPosts(posts), ...feedFilters(q), ...extra));
  const [pinned, rows] = await Promise.all([
    after ? Promise.resolve([] as FeedRow[]) : base([isNotNull(posts.pinnedAt)]).orderBy(desc(posts.pinnedAt)).limit(10),
    base([isNull(posts.pinnedAt), after ? keysetAfter(after) : undefined])
      .orderBy(desc(posts.lastActivityAt), desc(posts.id))
      .limit(q.limit + 1),
  ]);
  const page = pageOf(rows, q.limit, (r) => [r.activityKey, r.id]);
  return { pinned, rows: page.items, nextCursor: page.nextCursor };
}

/** Dates come back from the shared cache as strings. */
function withDates(row: FeedRow): FeedRow {
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    lastActivityAt: new Date(row.lastActivityAt),
    pinnedAt: row.pinnedAt ? new Date(row.pinnedAt) : null,
    lockedAt: row.lockedAt ? new Date(row.lockedAt) : null,
  };
}

/** A community's feed for one viewer: the policy check, the shared page, then their own marks. */
export async function getCommunityFeed(viewer: MaybeViewer, slug: string, query: unknown) {
  const q = parseInput(feedSchema, query);
  const db = await getDb();
  const { community, target } = await loadAuthorizedForPage(viewer, slug, "community.read");
  const v = viewer!;
  const [cached, newSince] = await Promise.all([
    sharedForCommunity(community, ["feed", JSON.stringify(q)], () => sharedFeedPage(db, community.id, q)),
    recordVisit(db, v.id, community.id),
  ]);
  const shared = { ...cached, pinned: cached.pinned.map(withDates), rows: cached.rows.map(withDates) };
  return {
    community: { id: community.id, slug: community.slug, name: community.name },
    canPost: can(v, "post.create", target),
    pinned: shared.pinned.map((r) => toFeedItem(r, newSince, v.id)),
    items: shared.rows.map((r) => toFeedItem(r, newSince, v.id)),
    nextCursor: shared.nextCursor,
    query: q,
  };
}

const homeSchema = z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(50).catch(20) });

/**
 * Recent activity across every community the viewer belongs to. Each community's newest
 * posts come from its own index (a lateral join), so the cost follows the page size, not the
 * number of posts.
 */
export async function getHomeFeed(viewer: MaybeViewer, query: unknown) {
  assertActiveViewer(viewer);
  const q = parseInput(homeSchema, query);
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const db = await getDb();
  const keyset = after ? sql`and (p.last_activity_at, p.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``;
  const rows = await db.execute(sql`
    select p.id, c.slug as "communitySlug", c.name as "communityName", p.kind, p.title, p.tags,
      p.comment_count as "commentCount", p.helpful_count as "helpfulCount",
      p.accepted_comment_id as "acceptedCommentId", p.pinned_at as "pinnedAt", p.locked_at as "lockedAt",
      p.created_at as "createdAt", p.last_activity_at as "lastActivityAt",
      p.last_activity_at::text as "activityKey", u.id as "authorId", u.name as "authorName"
    from memberships m
    join communities c on c.id = m.community_id
    cross join lateral (
      select * from posts p
      where p.community_id = m.community_id and p.deleted_at is null and p.status = 'published' and p.hidden_at is null
        ${keyset}
      order by p.last_activity_at desc, p.id desc
      limit ${q.limit + 1}
    ) p
    left join users u on u.id = p.author_id
    where m.user_id = ${viewer.id} and m.status = 'active' and m.community_id in ${readableCommunityIds(viewer)}
    order by p.last_activity_at desc, p.id desc
    limit ${q.limit + 1}`);
  const typed = (rows as unknown as { rows: FeedRow[] }).rows.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt),
    lastActivityAt: new Date(r.lastActivityAt),
    pinnedAt: r.pinnedAt ? new Date(r.pinnedAt) : null,
    lockedAt: r.lockedAt ? new Date(r.lockedAt) : null,
  }));
  const page = pageOf(typed, q.limit, (r) => [r.activityKey, r.id]);
  return { items: page.items.map((r) => toFeedItem(r, null, viewer.id)), nextCursor: page.nextCursor };
}

const threadSchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).catch(50),
});

const quoted = alias(comments, "quoted");
const quotedAuthor = alias(users, "quoted_author");

/**
 * A post page: the post, its accepted answer first, then the replies in order, paged by
 * keyset for long threads. A fixed number of queries, however long the page.
 */
export async function getPostPage(viewer: MaybeViewer, slug: string | null, postId: string, query: unknown) {
  assertActiveViewer(viewer);
  const q = parseInput(threadSchema, query);
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const db = await getDb();
  const loaded = await loadPost(db, viewer, postId);
  if (!loaded || !can(viewer, "post.read", loaded.target)) throw notFound();
  const { post, community, target } = loaded;
  // The post lives elsewhere (it was moved, or the link was mistyped): send readers to it.
  if (slug !== null && community.slug !== slug) throw new PostElsewhere(`/c/${community.slug}/posts/${post.id}`);

  const commentColumns = {
    id: comments.id,
    authorId: comments.authorId,
    authorName: users.name,
    authorJobTitle: users.jobTitle,
    authorOrganisation: users.organisation,
    bodyHtml: comments.bodyHtml,
    helpfulCount: comments.helpfulCount,
    createdAt: comments.createdAt,
    createdKey: sql<string>`${comments.createdAt}::text`,
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
  const manages = can(viewer, "community.moderate", target);
  const visibleComment = manages ? undefined : sql`(${comments.hiddenAt} is null or ${comments.authorId} = ${viewer.id})`;

  const [author, accepted, rows, myPostReaction, following] = await Promise.all([
    post.authorId
      ? db.select({ id: users.id, name: users.name, jobTitle: users.jobTitle, organisation: users.organisation }).from(users).where(eq(users.id, post.authorId))
      : Promise.resolve([]),
    post.acceptedCommentId ? threadQuery(and(eq(comments.id, post.acceptedCommentId), visibleComment)) : Promise.resolve([]),
    threadQuery(and(visibleComment, after ? sql`(${comments.createdAt}, ${comments.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined))
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .limit(q.limit + 1),
    db.select({ postId: postReactions.postId }).from(postReactions).where(and(eq(postReactions.postId, post.id), eq(postReactions.userId, viewer.id))),
    db.select({ postId: postFollows.postId }).from(postFollows).where(and(eq(postFollows.postId, post.id), eq(postFollows.userId, viewer.id))),
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
    const seesRevisions = can(viewer, "comment.viewRevisions", commentTarget);
    return {
      id: c.id,
      author: c.authorId ? { id: c.authorId, name: c.authorName ?? "", jobTitle: c.authorJobTitle ?? "", organisation: c.authorOrganisation ?? "" } : null,
      bodyHtml: c.deletedAt ? "" : c.bodyHtml,
      deleted: c.deletedAt !== null,
      hidden: c.hiddenAt !== null,
      helpfulCount: c.helpfulCount,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      replyTo: c.replyToId ? { id: c.replyToId, author: c.quotedAuthor, text: c.quotedText } : null,
      isAccepted: c.id === post.acceptedCommentId,
      iFoundHelpful: reacted.has(c.id),
      revisions: seesRevisions ? revisions.filter((r) => r.commentId === c.id) : [],
      allowed: {
        edit: can(viewer, "comment.edit", commentTarget),
        delete: can(viewer, "comment.delete", commentTarget),
        react: can(viewer, "comment.react", commentTarget),
        reply: !c.deletedAt && can(viewer, "post.comment", target),
        moderate: can(viewer, "comment.moderate", commentTarget),
        report: can(viewer, "comment.report", commentTarget),
      },
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
      following: following.length > 0,
    },
    acceptedAnswer: accepted[0] ? toComment(accepted[0]) : null,
    comments: shown.map(toComment),
    nextCursor: page.nextCursor,
    allowed: {
      comment: can(viewer, "post.comment", target),
      edit: can(viewer, "post.edit", target),
      moderate: can(viewer, "post.moderate", target),
      delete: can(viewer, "post.delete", target),
      report: can(viewer, "post.report", target),
      acceptAnswer: can(viewer, "post.acceptAnswer", target),
      react: can(viewer, "post.react", target),
      follow: can(viewer, "post.follow", target),
    },
    query: q,
  };
}

/** The viewer's posts that others cannot see yet: awaiting approval or hidden. */
export async function ownUnpublishedPosts(viewer: Viewer, communityId: string) {
  const db = await getDb();
  return db
    .select({ id: posts.id, title: posts.title, status: posts.status, hiddenReason: posts.hiddenReason, hiddenAt: posts.hiddenAt })
    .from(posts)
    .where(
      and(
        eq(posts.communityId, communityId),
        eq(posts.authorId, viewer.id),
        isNull(posts.deletedAt),
        sql`(${posts.status} = 'pending' or ${posts.hiddenAt} is not null)`,
        visiblePosts(viewer, posts),
      ),
    )
    .orderBy(desc(posts.createdAt))
    .limit(20);
}
