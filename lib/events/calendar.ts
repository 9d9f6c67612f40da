import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { calendarFeeds, communities, events, memberships, posts, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { activeMembership, assertActiveViewer, can, eventDetailsVisible, isActiveViewer, visibleEvents, type Viewer } from "@/lib/policy";
import { viewerColumns } from "@/lib/users/account";
import { calendarFile, calendarFileName, type CalendarItem } from "./ics";
import { eventPath, loadAuthorizedEvent } from "./load";
import { zoneOrDefault } from "./time";

// "Add to calendar" for one event, and each member's calendar feed: a private address that
// calendar apps fetch now and then. The feed's address holds a secret token of which only a
// hash is kept; every fetch asks the policy's scopes afresh, so an event from a community the
// member has just left, or can no longer read, is gone at the next fetch.

/** How far back and ahead the feed reaches, and at most how many events it carries. */
const FEED_PAST_DAYS = 90;
const FEED_AHEAD_DAYS = 400;
const FEED_MAX = 500;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** One event as a calendar file; its place and joining link only for those who may see them. */
export async function eventCalendarFile(viewer: Viewer, eventId: string, origin: string) {
  const db = await getDb();
  const { event, post, community, target } = await loadAuthorizedEvent(db, viewer, eventId, "event.read");
  const details = can(viewer, "event.seeDetails", target);
  const item: CalendarItem = {
    id: event.id,
    title: post.title,
    description: post.bodyText,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    sequence: event.sequence,
    cancelled: event.cancelledAt !== null,
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
    url: origin + eventPath(community.slug, event.id),
    place: details ? event.place || null : null,
    joiningUrl: details ? event.joiningUrl || null : null,
  };
  return { name: calendarFileName(post.title), body: calendarFile([item], { zone: event.timeZone }) };
}

/**
 * A member's feed, found by its token: the events of every community they belong to and may
 * read, from three months back to a year ahead. Two queries, however many events: the token,
 * then the events with the scope inside their SQL. An unknown token is a 404.
 */
export async function calendarFeed(token: string, origin: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw notFound();
  const db = await getDb();
  const [owner] = await db
    .select({ ...viewerColumns, timeZone: users.timeZone })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hashToken(token)));
  if (!owner) throw notFound();
  const { timeZone, ...viewer } = owner;
  if (!isActiveViewer(viewer)) throw notFound();
  const details = eventDetailsVisible(viewer, events);
  const rows = await db
    .select({
      id: events.id,
      title: posts.title,
      description: posts.bodyText,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timeZone: events.timeZone,
      sequence: events.sequence,
      cancelledAt: events.cancelledAt,
      createdAt: events.createdAt,
      updatedAt: events.updatedAt,
      slug: communities.slug,
      place: sql<string | null>`case when ${details} then ${events.place} end`,
      joiningUrl: sql<string | null>`case when ${details} then ${events.joiningUrl} end`,
    })
    .from(events)
    .innerJoin(posts, eq(posts.id, events.id))
    .innerJoin(communities, eq(communities.id, events.communityId))
    .where(
      and(
        sql`${events.communityId} in (select ${memberships.communityId} from ${memberships} where ${activeMembership({ userId: viewer.id })})`,
        visibleEvents(viewer, events),
        sql`${events.endsAt} > now() - make_interval(days => ${FEED_PAST_DAYS})`,
        sql`${events.startsAt} < now() + make_interval(days => ${FEED_AHEAD_DAYS})`,
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(FEED_MAX);
  const items: CalendarItem[] = rows.map((r) => ({
    ...r,
    cancelled: r.cancelledAt !== null,
    url: origin + eventPath(r.slug, r.id),
    place: r.place || null,
    joiningUrl: r.joiningUrl || null,
  }));
  return calendarFile(items, { name: "Roundtable events", zone: zoneOrDefault(timeZone), refreshMinutes: 60 });
}

/** Whether the member has a feed address, and since when (the address itself is never kept). */
export async function calendarFeedStatus(viewer: Viewer) {
  assertActiveViewer(viewer);
  const db = await getDb();
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, viewer.id));
  return { active: Boolean(row), createdAt: row?.createdAt ?? null };
}

/** Makes a new feed address, replacing any earlier one, which stops working at once. Shown once. */
export async function resetCalendarFeed(viewer: Viewer, origin: string) {
  assertActiveViewer(viewer);
  const token = randomBytes(32).toString("base64url");
  const db = await getDb();
  await db
    .insert(calendarFeeds)
    .values({ userId: viewer.id, tokenHash: hashToken(token) })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: hashToken(token), createdAt: sql`now()` } });
  return { url: `${origin}/calendar/${token}.ics` };
}

/** Turns the feed off: its address stops working. */
export async function stopCalendarFeed(viewer: Viewer) {
  assertActiveViewer(viewer);
  const db = await getDb();
  await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, viewer.id));
}
