import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jsonRow } from "@/lib/db/json-rows";
import { communities, posts, users, type PostKind } from "@/lib/db/schema";
import { firstUnreadLink, type ReadMark } from "@/lib/notifications/reads";

// A post as every feed lists it: the columns, the query they come from, and the item a page shows.

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

export const feedColumns = {
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
export function selectFeedRows(db: Db) {
  return db
    .select(feedColumns)
    .from(posts)
    .innerJoin(communities, eq(communities.id, posts.communityId))
    .leftJoin(users, eq(users.id, posts.authorId))
    .$dynamic();
}

/** The same, each row as one JSON object: a feed's rows inside another statement (with jsonList). */
export function selectFeedEntries(db: Db) {
  return db
    .select(jsonRow(feedColumns))
    .from(posts)
    .innerJoin(communities, eq(communities.id, posts.communityId))
    .leftJoin(users, eq(users.id, posts.authorId))
    .$dynamic();
}

export type FeedRow = Awaited<ReturnType<typeof selectFeedRows>>[number];

export function toFeedItem(row: FeedRow, newSince: Date | null, viewerId: string, mark?: ReadMark): FeedItem {
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

/** Dates as dates, from rows that carried them as text (JSON, or the shared cache). */
export function withDates(row: FeedRow): FeedRow {
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    lastActivityAt: new Date(row.lastActivityAt),
    pinnedAt: row.pinnedAt ? new Date(row.pinnedAt) : null,
    lockedAt: row.lockedAt ? new Date(row.lockedAt) : null,
  };
}

