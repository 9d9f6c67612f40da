import { sql, type AnyColumn } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { encodeCursor } from "@/lib/pagination";
import type { Viewer } from "@/lib/policy";

// Where each member has read each post up to, as forums keep it: the last reply they saw, as
// the thread's own keyset (created_at, id). "3 new replies", the jump to the first of them
// (a thread page that starts right after the mark) and the feed's marks all come from it.

/**
 * Replies on one page of a thread, as the post page shows them: as many as keep the page of a
 * long thread under 80 KB of HTML with its RSC payload (each reply is sent twice; about 2.6 KB a
 * reply of a few sentences, over some 40 KB for the rest of the page), for members on slow
 * connections. The JSON API sends 50 unless asked.
 */
export const THREAD_PAGE_SIZE = 15;
/** Marks a post read before any reply: every reply is after it. */
const NO_REPLY = "00000000-0000-0000-0000-000000000000";
const COUNT_CAP = 100;

export type ReadMark = {
  /** Replies by others after the mark (up to 100). */
  newReplies: number;
  firstUnreadId: string | null;
  /** A thread cursor whose page starts at the first unread reply. */
  cursor: string;
};

type MarkRow = { postId: string; newReplies: number; firstUnreadId: string | null; readKey: string; readId: string };

const unreadAfter = (viewerId: string) =>
  sql`c.post_id = pr.post_id and (c.created_at, c.id) > (pr.last_read_at, pr.last_read_comment_id)
    and c.deleted_at is null and c.hidden_at is null and c.author_id is distinct from ${viewerId}::uuid`;

/** The member's read marks on several posts, in one query: a feed page's "new" marks. Posts never opened have none. */
export async function readMarks(db: Db, viewerId: string, postIds: string[]): Promise<Map<string, ReadMark>> {
  if (postIds.length === 0) return new Map();
  const [row] = await selectRows<{ marks: MarkRow[] }>(db, sql`select ${readMarksColumn(viewerId, postIds)} as marks`);
  return toReadMarks(row?.marks ?? []);
}

/** The same marks as a column of another statement (the feed page's own). */
export function readMarksColumn(viewerId: string, postIds: string[]) {
  if (postIds.length === 0) return sql<MarkRow[]>`'[]'::json`;
  return sql<MarkRow[]>`(select coalesce(json_agg(json_build_object('postId', pr.post_id,
      'newReplies', (select count(*)::int from (select 1 from comments c where ${unreadAfter(viewerId)} limit ${COUNT_CAP}) n),
      'firstUnreadId', (select c.id from comments c where ${unreadAfter(viewerId)} order by c.created_at, c.id limit 1),
      'readKey', pr.last_read_at::text, 'readId', pr.last_read_comment_id)), '[]'::json)
    from post_reads pr
    where pr.user_id = ${viewerId} and pr.post_id = any(${sql.param(postIds)}::uuid[]))`;
}

/** The marks read by readMarksColumn, by post. */
export function toReadMarks(rows: MarkRow[]): Map<string, ReadMark> {
  return new Map(rows.map((r) => [r.postId, { newReplies: r.newReplies, firstUnreadId: r.firstUnreadId, cursor: encodeCursor([r.readKey, r.readId]) }]));
}

/**
 * The member's mark on one post as a column of another statement (the post page's): null on a
 * first visit.
 */
export function readMarkColumn(viewerId: string, postId: string) {
  return sql<MarkJson | null>`(select json_build_object('newReplies', (select count(*)::int from (select 1 from comments c where ${unreadAfter(viewerId)} limit ${COUNT_CAP}) n),
      'firstUnreadId', (select c.id from comments c where ${unreadAfter(viewerId)} order by c.created_at, c.id limit 1),
      'readKey', pr.last_read_at::text, 'readId', pr.last_read_comment_id)
    from post_reads pr where pr.user_id = ${viewerId} and pr.post_id = ${postId})`;
}

type MarkJson = { newReplies: number; firstUnreadId: string | null; readKey: string; readId: string };

/** The mark read by readMarkColumn. */
export function toReadMark(json: MarkJson | null): ReadMark | null {
  return json && { newReplies: json.newReplies, firstUnreadId: json.firstUnreadId, cursor: encodeCursor([json.readKey, json.readId]) };
}

/** Per reply, as a column of the thread's statement: whether it lies after the member's mark (or there is none). */
export function pastReadMark(viewerId: string, postId: string, reply: { createdAt: AnyColumn; id: AnyColumn }) {
  return sql<boolean>`coalesce((${reply.createdAt}, ${reply.id}) > (select pr.last_read_at, pr.last_read_comment_id from post_reads pr
    where pr.user_id = ${viewerId} and pr.post_id = ${postId}), true)`;
}

/**
 * Moves the member's mark forward to the last reply they have been shown (never back), and
 * marks their notifications about the post read: one statement.
 */
export async function markPostRead(db: Db, viewerId: string, postId: string, last: { key: string; id: string } | { postCreatedAt: Date }) {
  const at = "key" in last ? sql`${last.key}::timestamptz` : sql`${last.postCreatedAt.toISOString()}::timestamptz`;
  const id = "key" in last ? last.id : NO_REPLY;
  await db.execute(sql`with mark as (
      insert into post_reads as pr (user_id, post_id, last_read_at, last_read_comment_id)
      values (${viewerId}, ${postId}, ${at}, ${id}::uuid)
      on conflict (user_id, post_id) do update set last_read_at = excluded.last_read_at,
        last_read_comment_id = excluded.last_read_comment_id, updated_at = now()
      where (pr.last_read_at, pr.last_read_comment_id) < (excluded.last_read_at, excluded.last_read_comment_id)
      returning 1)
    update notifications set read_at = now()
    where user_id = ${viewerId} and post_id = ${postId} and read_at is null`);
}

/** For the post page, after it has loaded the post for the viewer: they have now read it up to what it showed. */
export async function recordPostRead(viewer: Viewer, postId: string, upTo: Parameters<typeof markPostRead>[3]) {
  await markPostRead(await getDb(), viewer.id, postId, upTo);
}

/** A link to the first unread reply of a post, from its mark. */
export function firstUnreadLink(postPath: string, mark: ReadMark, commentCount: number): string {
  const anchor = mark.firstUnreadId ? `#comment-${mark.firstUnreadId}` : "";
  return commentCount <= THREAD_PAGE_SIZE ? `${postPath}${anchor}` : `${postPath}?cursor=${mark.cursor}${anchor}`;
}
