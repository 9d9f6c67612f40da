import { and, desc, eq, isNull, sql, type SQLWrapper } from "drizzle-orm";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { notifications } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { decodeCursor, pageOf } from "@/lib/pagination";
import { assertActiveViewer, type Viewer } from "@/lib/policy";
import { isUuid, parseInput } from "@/lib/validation";
import { describe } from "./describe";
import { selectSeen, type SeenQueryRow } from "./seen";

// The member's own notifications: the header's count, the notifications page, and following
// one to what it is about. Each notification is judged by the policy when it is shown.

/** The badge never counts past this: "99+". */
export const UNREAD_CAP = 99;

/**
 * How many unread notifications the member has, up to 100: one query on an index of unread rows,
 * for the badge's refresh. Pages read the same count with the session (headerUnreadCount).
 */
export const unreadCount = cache(async (viewer: Viewer): Promise<number> => {
  assertActiveViewer(viewer);
  const db = await getDb();
  const [row] = await selectRows<{ n: number }>(db, sql`select ${unreadCountColumn(viewer.id)} as n`);
  return row?.n ?? 0;
});

/** The same count as a column of another statement (the session's, which every page loads). */
export function unreadCountColumn(userId: SQLWrapper | string) {
  return sql<number>`(select count(*)::int from (select 1 from notifications where user_id = ${userId} and read_at is null limit ${UNREAD_CAP + 1}) unread)`;
}

const listSchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(30),
});

/**
 * A page of the member's notifications, newest first, paged by keyset. Opening the page
 * marks the ones shown as read; each still shows as new this once.
 */
export async function listNotifications(viewer: Viewer, query: unknown) {
  assertActiveViewer(viewer);
  const q = parseInput(listSchema, query);
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const db = await getDb();
  const rows = (await selectSeen(db, viewer)
    .where(
      and(
        eq(notifications.userId, viewer.id),
        after ? sql`(${notifications.updatedAt}, ${notifications.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(notifications.updatedAt), desc(notifications.id))
    .limit(q.limit + 1)) as SeenQueryRow[];
  const page = pageOf(rows, q.limit, (r) => [r.updatedKey, r.id]);
  const unreadIds = page.items.filter((r) => r.readAt === null).map((r) => r.id);
  if (unreadIds.length) {
    await db.execute(sql`update notifications set read_at = now() where user_id = ${viewer.id} and read_at is null
      and id = any(${sql.param(unreadIds)}::uuid[])`);
  }
  return { items: page.items.map(describe), nextCursor: page.nextCursor, query: q };
}


/**
 * Follows a notification: marks it read and says where to go, landing on the reply itself
 * even deep in a long thread. Someone else's notification, or one whose subject the member
 * may no longer see, goes nowhere: a 404 or the notifications page.
 */
export async function openNotification(viewer: Viewer, id: string): Promise<string> {
  assertActiveViewer(viewer);
  if (!isUuid(id)) throw notFound();
  const db = await getDb();
  const [row] = (await selectSeen(db, viewer).where(and(eq(notifications.id, id), eq(notifications.userId, viewer.id)))) as SeenQueryRow[];
  if (!row) throw notFound();
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.id, id), isNull(notifications.readAt)));
  const shown = describe(row);
  // A link to a reply opens the page of the thread that holds it (replyLink).
  return shown.path ?? "/notifications";
}

/** Marks every notification of the member as read. */
export async function markAllRead(viewer: Viewer) {
  assertActiveViewer(viewer);
  const db = await getDb();
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt)));
  return { ok: true };
}
