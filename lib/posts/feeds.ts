import { and, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { sharedForCommunity } from "@/lib/cache";
import { loadAuthorizedForPage } from "@/lib/communities/load";
import { getDb, type Db } from "@/lib/db/client";
import { fromJsonRows, jsonList, jsonListOf, jsonRow, selectColumns, selectJson } from "@/lib/db/json-rows";
import { memberships, postKinds, posts } from "@/lib/db/schema";
import { nextEventsColumn, toEventList } from "@/lib/events/lists";
import { outForCommentColumn, toOutForComment } from "@/lib/library/documents";
import { readMarksColumn, toReadMarks } from "@/lib/notifications/reads";
import { communityWatchColumn, toCommunityWatch } from "@/lib/notifications/watches";
import { decodeCursor, isReadableCursor, pageOf } from "@/lib/pagination";
import { activeMembership, assertActiveViewer, can, publicPosts, readableCommunityIds, visiblePosts, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { feedColumns, selectFeedEntries, toFeedItem, withDates, type FeedRow } from "./feed-rows";
import { recordVisitIfChanged, toVisit, visitColumn } from "./visits";

export type { FeedItem } from "./feed-rows";

// Lists of posts: a community's feed, recent activity across the viewer's communities, and
// their own posts that others cannot see yet. (One post with its replies is in thread.ts.)

export const feedSchema = z.object({
  kind: z.enum(postKinds).optional().catch(undefined),
  tag: z.string().trim().toLowerCase().max(30).optional().catch(undefined),
  unanswered: z.enum(["1", "true"]).optional().catch(undefined),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(25),
});
export type FeedQuery = z.output<typeof feedSchema>;

/** A feed's cursor: the last row's activity time and id. */
const FEED_CURSOR: ("string" | "number")[] = ["string", "string"];

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
 * One statement: the pinned posts and the page, each a JSON list.
 */
export async function sharedFeedPage(db: Db, communityId: string, q: FeedQuery) {
  const after = decodeCursor(q.cursor, FEED_CURSOR);
  const base = (extra: (SQL | undefined)[]) =>
    selectFeedEntries(db).where(and(eq(posts.communityId, communityId), publicPosts(posts), ...feedFilters(q), ...extra));
  const pinned = after ? sql`'[]'::json` : jsonList(base([isNotNull(posts.pinnedAt)]).orderBy(desc(posts.pinnedAt)).limit(10));
  const rest = jsonList(
    base([isNull(posts.pinnedAt), after ? keysetAfter(after) : undefined])
      .orderBy(desc(posts.lastActivityAt), desc(posts.id))
      .limit(q.limit + 1),
  );
  const lists = await selectColumns<{ pinned: unknown[]; rest: unknown[] }>(db, { pinned, rest });
  const page = pageOf(fromJsonRows<FeedRow>(feedColumns, lists.rest), q.limit, (r) => [r.activityKey, r.id]);
  return { pinned: fromJsonRows<FeedRow>(feedColumns, lists.pinned), rows: page.items, nextCursor: page.nextCursor };
}

type ViewerState = {
  visit: Parameters<typeof toVisit>[0];
  marks: Parameters<typeof toReadMarks>[0];
  own: unknown[];
  forComment: unknown[];
  coming: unknown[];
  watch: Parameters<typeof toCommunityWatch>[0];
};

/**
 * A community's feed for one viewer: the policy check, the shared page, then one statement of
 * the viewer's own: their visit and read marks, and with `page` what else the community's page
 * shows beside the feed (their unpublished posts, documents out for comment, the next events,
 * how closely they follow the community), which the JSON leaves out. The visit is written only
 * when it changes, after the response.
 */
export async function getCommunityFeed(viewer: Viewer, slug: string, query: unknown, { page: forPage = false } = {}) {
  const asked = parseInput(feedSchema, query);
  // On the page, a broken link to an older page shows the newest one, with a note, and all
  // that the page shows beside the feed; the JSON answers 400.
  const brokenLink = forPage && !isReadableCursor(asked.cursor, FEED_CURSOR);
  const q = brokenLink ? { ...asked, cursor: undefined } : asked;
  const db = await getDb();
  const { community, target } = await loadAuthorizedForPage(viewer, slug, "community.read");
  const cached = await sharedForCommunity(community, ["feed", JSON.stringify(q)], () => sharedFeedPage(db, community.id, q));
  const shared = { ...cached, pinned: cached.pinned.map(withDates), rows: cached.rows.map(withDates) };
  const none = sql`'[]'::json`;
  const state = await selectColumns<ViewerState>(db, {
    visit: visitColumn(viewer.id, community.id),
    marks: readMarksColumn(viewer.id, [...shared.pinned, ...shared.rows].map((r) => r.id)),
    own: forPage ? ownUnpublishedColumn(db, viewer, community.id) : none,
    forComment: forPage ? outForCommentColumn(db, viewer, community.id) : none,
    coming: forPage ? nextEventsColumn(db, viewer, community.id) : none,
    watch: forPage ? communityWatchColumn(viewer, community.id) : sql`null`,
  });
  const visit = toVisit(state.visit);
  await recordVisitIfChanged(db, viewer.id, community.id, visit);
  const marks = toReadMarks(state.marks);
  const item = (r: FeedRow) => toFeedItem(r, visit.newSince, viewer.id, marks.get(r.id));
  return {
    community: { id: community.id, slug: community.slug, name: community.name },
    canPost: can(viewer, "post.create", target),
    pinned: shared.pinned.map(item),
    items: shared.rows.map(item),
    nextCursor: shared.nextCursor,
    query: q,
    notice: brokenLink ? "That link to an older page is not valid, so this is the newest page." : null,
    /** Only with `page`: what the community's page shows beside the feed. */
    page: forPage
      ? {
          own: toOwnUnpublished(state.own),
          forComment: toOutForComment(state.forComment),
          coming: toEventList(viewer, state.coming),
          watch: toCommunityWatch(state.watch),
        }
      : null,
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
  const db = await getDb();
  const feed = homeFeedColumn(viewer, query);
  return feed.read(await selectJson(db, feed.column));
}

/** The home feed as a column of another statement (the home page's own), and how to read it back. */
export function homeFeedColumn(viewer: Viewer, query: unknown) {
  const q = parseInput(homeSchema, query);
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const keyset = after ? sql`and (p.last_activity_at, p.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``;
  const column = jsonListOf(sql`
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
  const read = (rows: unknown[]) => {
    const page = pageOf((rows as FeedRow[]).map(withDates), q.limit, (r) => [r.activityKey, r.id]);
    return { items: page.items.map((r) => toFeedItem(r, null, viewer.id)), nextCursor: page.nextCursor };
  };
  return { column, read };
}

const unpublishedColumns = { id: posts.id, title: posts.title, status: posts.status, hiddenReason: posts.hiddenReason, hiddenAt: posts.hiddenAt };
export type UnpublishedPost = { id: string; title: string; status: (typeof posts.status)["_"]["data"]; hiddenReason: string | null; hiddenAt: Date | null };

/** The viewer's posts that others cannot see yet: awaiting approval or hidden. */
export async function ownUnpublishedPosts(viewer: Viewer, communityId: string): Promise<UnpublishedPost[]> {
  assertActiveViewer(viewer);
  const db = await getDb();
  return toOwnUnpublished(await selectJson(db, ownUnpublishedColumn(db, viewer, communityId)));
}

/** The same list as a column of another statement (the community page's own). */
function ownUnpublishedColumn(db: Db, viewer: Viewer, communityId: string) {
  return jsonList(
    db
      .select(jsonRow(unpublishedColumns))
      .from(posts)
      .where(and(eq(posts.communityId, communityId), eq(posts.authorId, viewer.id), visiblePosts(viewer, posts), sql`not ${publicPosts(posts)}`))
      .orderBy(desc(posts.createdAt))
      .limit(20),
  );
}

function toOwnUnpublished(rows: unknown[]): UnpublishedPost[] {
  return fromJsonRows<UnpublishedPost>(unpublishedColumns, rows);
}
