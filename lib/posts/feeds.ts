import { and, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { sharedForCommunity } from "@/lib/cache";
import { loadAuthorizedForPage } from "@/lib/communities/load";
import { getDb, type Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { communities, memberships, postKinds, posts, users, type PostKind } from "@/lib/db/schema";
import { firstUnreadLink, readMarks, type ReadMark } from "@/lib/notifications/reads";
import { decodeCursor, pageOf } from "@/lib/pagination";
import { activeMembership, assertActiveViewer, can, publicPosts, readableCommunityIds, visiblePosts, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { recordVisit } from "./visits";

// Lists of posts: a community's feed, recent activity across the viewer's communities, and
// their own posts that others cannot see yet. (One post with its replies is in thread.ts.)

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
  /** Set per viewer, outside the shared part of the feed: a post they have not opened, new since their last visit. */
  isNew: boolean;
  /** Replies since they last read it, and where the first of them is. */
  newReplies: number;
  unreadLink: string | null;
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

/** Posts with their community and author, as every feed lists them. Callers add the scope. */
function selectFeedRows(db: Db) {
  return db
    .select(feedColumns)
    .from(posts)
    .innerJoin(communities, eq(communities.id, posts.communityId))
    .leftJoin(users, eq(users.id, posts.authorId))
    .$dynamic();
}

type FeedRow = Awaited<ReturnType<typeof selectFeedRows>>[number];

function toFeedItem(row: FeedRow, newSince: Date | null, viewerId: string, mark?: ReadMark): FeedItem {
  const path = `/c/${row.communitySlug}/posts/${row.id}`;
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
    isNew: !mark && newSince !== null && row.lastActivityAt > newSince && row.authorId !== viewerId,
    newReplies: mark?.newReplies ?? 0,
    unreadLink: mark && mark.newReplies > 0 ? firstUnreadLink(path, mark, row.commentCount) : null,
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
    selectFeedRows(db).where(and(eq(posts.communityId, communityId), publicPosts(posts), ...feedFilters(q), ...extra));
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
export async function getCommunityFeed(viewer: Viewer, slug: string, query: unknown) {
  const q = parseInput(feedSchema, query);
  const db = await getDb();
  const { community, target } = await loadAuthorizedForPage(viewer, slug, "community.read");
  const [cached, newSince] = await Promise.all([
    sharedForCommunity(community, ["feed", JSON.stringify(q)], () => sharedFeedPage(db, community.id, q)),
    recordVisit(db, viewer.id, community.id),
  ]);
  const shared = { ...cached, pinned: cached.pinned.map(withDates), rows: cached.rows.map(withDates) };
  // The viewer's read marks for the whole page, in one query.
  const marks = await readMarks(db, viewer.id, [...shared.pinned, ...shared.rows].map((r) => r.id));
  return {
    community: { id: community.id, slug: community.slug, name: community.name },
    canPost: can(viewer, "post.create", target),
    pinned: shared.pinned.map((r) => toFeedItem(r, newSince, viewer.id, marks.get(r.id))),
    items: shared.rows.map((r) => toFeedItem(r, newSince, viewer.id, marks.get(r.id))),
    nextCursor: shared.nextCursor,
    query: q,
  };
}

const homePost = alias(posts, "p");
const homeMembership = alias(memberships, "m");
const homeSchema = z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(50).catch(20) });

/**
 * Recent activity across every community the viewer belongs to. Each community's newest
 * posts come from its own index (a lateral join), so the cost follows the page size, not the
 * number of posts.
 */
export async function getHomeFeed(viewer: Viewer, query: unknown) {
  assertActiveViewer(viewer);
  const q = parseInput(homeSchema, query);
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const db = await getDb();
  const keyset = after ? sql`and (p.last_activity_at, p.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``;
  const rows = await selectRows<FeedRow>(db, sql`
    select p.id, c.slug as "communitySlug", c.name as "communityName", p.kind, p.title, p.tags,
      p.comment_count as "commentCount", p.helpful_count as "helpfulCount",
      p.accepted_comment_id as "acceptedCommentId", p.pinned_at as "pinnedAt", p.locked_at as "lockedAt",
      p.created_at as "createdAt", p.last_activity_at as "lastActivityAt",
      p.last_activity_at::text as "activityKey", u.id as "authorId", u.name as "authorName"
    from memberships m
    join communities c on c.id = m.community_id
    cross join lateral (
      select * from posts p
      where p.community_id = m.community_id and ${publicPosts(homePost)}
        ${keyset}
      order by p.last_activity_at desc, p.id desc
      limit ${q.limit + 1}
    ) p
    left join users u on u.id = p.author_id
    where ${activeMembership({ userId: viewer.id }, homeMembership)} and m.community_id in ${readableCommunityIds(viewer)}
    order by p.last_activity_at desc, p.id desc
    limit ${q.limit + 1}`);
  const page = pageOf(rows.map(withDates), q.limit, (r) => [r.activityKey, r.id]);
  return { items: page.items.map((r) => toFeedItem(r, null, viewer.id)), nextCursor: page.nextCursor };
}

/** The viewer's posts that others cannot see yet: awaiting approval or hidden. */
export async function ownUnpublishedPosts(viewer: Viewer, communityId: string) {
  assertActiveViewer(viewer);
  const db = await getDb();
  return db
    .select({ id: posts.id, title: posts.title, status: posts.status, hiddenReason: posts.hiddenReason, hiddenAt: posts.hiddenAt })
    .from(posts)
    .where(
      and(
        eq(posts.communityId, communityId),
        eq(posts.authorId, viewer.id),
        visiblePosts(viewer, posts),
        sql`not ${publicPosts(posts)}`,
      ),
    )
    .orderBy(desc(posts.createdAt))
    .limit(20);
}
