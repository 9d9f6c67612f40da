import { and, desc, eq, gt, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { userSessions, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { assertActiveViewer, type Viewer } from "@/lib/policy";
import { isUuid, parseInput } from "@/lib/validation";
import { unreadCountColumn } from "@/lib/notifications/inbox";
import { viewerColumns } from "./account";

// Signed-in browsers. The session cookie names one row here; every request loads the account
// through its row, so ending a session (signing out, a password change, "sign out of other
// devices") takes effect on that browser's very next request.

/** A session unused for this long has ended. */
export const SESSION_IDLE_DAYS = 30;
/** How stale "last seen" may be before a request writes it again. */
const TOUCH_AFTER_MINUTES = 5;

export type Client = { device: string; network: string };

/** Starts a session for a browser that has just signed in; returns its id for the cookie. */
export async function startSession(userId: string, client: Client, db?: Db): Promise<string> {
  db ??= await getDb();
  const [row] = await db.insert(userSessions).values({ userId, device: client.device.slice(0, 120), network: client.network.slice(0, 64) }).returning({ id: userSessions.id });
  return row!.id;
}


/** A signed-in request's session: the viewer, and the header's count of their unread notifications. */
export type LoadedSession = { viewer: Viewer; unreadNotifications: number };

/**
 * The account behind a session cookie, in one query with its session and the count of unread
 * notifications every page's header shows: null when the session was ended or has lapsed, so
 * the cookie alone opens nothing. Notes when it was last used, at most every few minutes.
 */
export async function loadSession(userId: string, sessionId: string | undefined): Promise<LoadedSession | null> {
  if (!sessionId || !isUuid(sessionId) || !isUuid(userId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      ...viewerColumns,
      stale: sql<boolean>`(${userSessions.lastSeenAt} < now() - make_interval(mins => ${TOUCH_AFTER_MINUTES}))`,
      unreadNotifications: unreadCountColumn(users.id),
    })
    .from(users)
    .innerJoin(userSessions, and(eq(userSessions.userId, users.id), eq(userSessions.id, sessionId)))
    .where(and(eq(users.id, userId), gt(userSessions.lastSeenAt, sql`now() - make_interval(days => ${SESSION_IDLE_DAYS})`)));
  if (!row) return null;
  const { stale, unreadNotifications, ...viewer } = row;
  if (stale) await db.update(userSessions).set({ lastSeenAt: sql`now()` }).where(eq(userSessions.id, sessionId));
  return { viewer, unreadNotifications };
}

/** The account behind a session cookie, as loadSession finds it, or null. */
export async function loadSessionViewer(userId: string, sessionId: string | undefined): Promise<Viewer | null> {
  return (await loadSession(userId, sessionId))?.viewer ?? null;
}

/** Ends one session (signing out). */
export async function endSession(sessionId: string | undefined): Promise<void> {
  if (!sessionId || !isUuid(sessionId)) return;
  const db = await getDb();
  await db.delete(userSessions).where(eq(userSessions.id, sessionId));
}

/** Ends every session of an account, or every one but `except`. Inside the caller's transaction. */
export async function endSessions(db: Db, userId: string, except?: string): Promise<number> {
  const ended = await db
    .delete(userSessions)
    .where(and(eq(userSessions.userId, userId), except && isUuid(except) ? ne(userSessions.id, except) : undefined))
    .returning({ id: userSessions.id });
  return ended.length;
}

/** The viewer's signed-in devices, newest use first, with the one they are using marked. */
export async function listDevices(viewer: Viewer, currentSessionId: string | undefined) {
  assertActiveViewer(viewer);
  const db = await getDb();
  const rows = await db
    .select({ id: userSessions.id, device: userSessions.device, network: userSessions.network, createdAt: userSessions.createdAt, lastSeenAt: userSessions.lastSeenAt })
    .from(userSessions)
    .where(and(eq(userSessions.userId, viewer.id), gt(userSessions.lastSeenAt, sql`now() - make_interval(days => ${SESSION_IDLE_DAYS})`)))
    .orderBy(desc(userSessions.lastSeenAt))
    .limit(50);
  return rows.map((row) => ({ ...row, current: row.id === currentSessionId }));
}

const deviceSchema = z.object({ sessionId: z.uuid("Choose a device.") });

/** Signs one of the viewer's own devices out. */
export async function signOutDevice(viewer: Viewer, input: unknown) {
  assertActiveViewer(viewer);
  const { sessionId } = parseInput(deviceSchema, input);
  const db = await getDb();
  const ended = await db
    .delete(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, viewer.id)))
    .returning({ id: userSessions.id });
  if (ended.length === 0) throw notFound("That device is already signed out.");
}

/** Signs the viewer out of every device but the one they are using. */
export async function signOutOtherDevices(viewer: Viewer, currentSessionId: string | undefined): Promise<number> {
  assertActiveViewer(viewer);
  return endSessions(await getDb(), viewer.id, currentSessionId);
}

/** Clears sessions unused for longer than a session lasts. Run by the scheduled clean-up. */
export async function pruneSessions(db: Db): Promise<number> {
  const gone = await db
    .delete(userSessions)
    .where(sql`${userSessions.lastSeenAt} < now() - make_interval(days => ${SESSION_IDLE_DAYS})`)
    .returning({ id: userSessions.id });
  return gone.length;
}
