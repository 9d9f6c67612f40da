import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { loadAuthorizedForPage } from "@/lib/communities/load";
import { getDb, type Db } from "@/lib/db/client";
import { fromJsonRows, jsonList, jsonRow, selectJson } from "@/lib/db/json-rows";
import { communities, eventActions, eventRsvps, events, memberships, posts } from "@/lib/db/schema";
import { decodeCursor, pageOf } from "@/lib/pagination";
import { activeMembership, assertActiveViewer, can, visibleEvents, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { readerTimeZoneColumn } from "@/lib/users/profile";
import { eventState } from "./page";
import { describeStart, zoneOrDefault } from "./time";

// Lists of events: a community's coming events and its archive of past ones, and the coming
// events and open actions of a member across their communities. Every list carries the
// viewer's scope inside its SQL, and none carries a place or a joining link.

const listColumns = {
  id: events.id,
  title: posts.title,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timeZone: events.timeZone,
  format: events.format,
  cancelledAt: events.cancelledAt,
  capacity: events.capacity,
  goingCount: events.goingCount,
  waitingCount: events.waitingCount,
  detailsChangedAt: events.detailsChangedAt,
  communitySlug: communities.slug,
  communityName: communities.name,
  startKey: sql<string>`${events.startsAt}::text`,
};

/** A list's columns: the event, the viewer's answer, and the zone they read times in. */
function eventColumns(viewer: Viewer) {
  return {
    ...listColumns,
    myResponse: eventRsvps.response,
    promotedAt: eventRsvps.promotedAt,
    respondedAt: eventRsvps.respondedAt,
    hasNotes: sql<boolean>`${events.notesHtml} <> ''`,
    openActions: sql<number>`(select count(*)::int from ${eventActions} where ${eventActions.eventId} = ${events.id} and ${eventActions.doneAt} is null)`,
    // The zone the viewer reads times in, with each row: a list needs no statement of its own for it.
    readerZone: readerTimeZoneColumn(viewer),
  };
}

function selectEvents(db: Db, viewer: Viewer) {
  return db
    .select(eventColumns(viewer))
    .from(events)
    .innerJoin(posts, eq(posts.id, events.id))
    .innerJoin(communities, eq(communities.id, events.communityId))
    .leftJoin(eventRsvps, and(eq(eventRsvps.eventId, events.id), eq(eventRsvps.userId, viewer.id)))
    .$dynamic();
}

/** The same, each row as one JSON object: a list of events inside another statement (with jsonList). */
function selectEventEntries(db: Db, viewer: Viewer) {
  return db
    .select(jsonRow(eventColumns(viewer)))
    .from(events)
    .innerJoin(posts, eq(posts.id, events.id))
    .innerJoin(communities, eq(communities.id, events.communityId))
    .leftJoin(eventRsvps, and(eq(eventRsvps.eventId, events.id), eq(eventRsvps.userId, viewer.id)))
    .$dynamic();
}

/** Events from a jsonList of selectEventEntries, as lists show them. */
export function toEventList(viewer: Viewer, rows: unknown[]): EventListItem[] {
  return fromJsonRows<Row>(eventColumns(viewer), rows).map((r) => toListItem(r));
}

type Row = Awaited<ReturnType<typeof selectEvents>>[number];

function toListItem(row: Row, now = new Date()) {
  const zone = zoneOrDefault(row.readerZone);
  return {
    id: row.id,
    title: row.title,
    communitySlug: row.communitySlug,
    communityName: row.communityName,
    when: describeStart(row.startsAt, zone),
    startsAt: row.startsAt,
    format: row.format,
    state: eventState(row, now),
    capacity: row.capacity,
    goingCount: row.goingCount,
    waitingCount: row.waitingCount,
    myResponse: row.myResponse,
    promoted: row.promotedAt !== null && row.myResponse === "going",
    changedSinceAnswered: Boolean(row.myResponse && row.detailsChangedAt && row.respondedAt && row.detailsChangedAt > row.respondedAt),
    hasNotes: row.hasNotes,
    openActions: row.openActions,
  };
}

export type EventListItem = ReturnType<typeof toListItem>;

const listSchema = z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(50).catch(20) });

/** A community's events: those to come (soonest first) and, paged, those past (latest first). */
export async function listCommunityEvents(viewer: Viewer, slug: string, query: unknown) {
  const q = parseInput(listSchema, query);
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const db = await getDb();
  const { community, target } = await loadAuthorizedForPage(viewer, slug, "community.read");
  const mine = (extra: SQL) => and(eq(events.communityId, community.id), visibleEvents(viewer, events), extra);
  const [upcoming, past] = await Promise.all([
    after ? Promise.resolve([]) : selectEvents(db, viewer).where(mine(sql`${events.endsAt} > now()`)).orderBy(asc(events.startsAt), asc(events.id)).limit(50),
    selectEvents(db, viewer)
      .where(mine(sql`${events.endsAt} <= now() ${after ? sql`and (${events.startsAt}, ${events.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}`))
      .orderBy(desc(events.startsAt), desc(events.id))
      .limit(q.limit + 1),
  ]);
  const page = pageOf(past, q.limit, (r) => [r.startKey, r.id]);
  return {
    community: { id: community.id, slug: community.slug, name: community.name },
    canCreate: can(viewer, "event.create", { ...target, allowMemberEvents: community.allowMemberEvents }),
    upcoming: upcoming.map((r) => toListItem(r)),
    past: page.items.map((r) => toListItem(r)),
    nextCursor: page.nextCursor,
    query: q,
  };
}

/** The next few events of one community, for its page. */
export async function nextCommunityEvents(viewer: Viewer, communityId: string, limit = 3) {
  assertActiveViewer(viewer);
  const db = await getDb();
  return toEventList(viewer, await selectJson(db, nextEventsColumn(db, viewer, communityId, limit)));
}

/** The same list as a column of another statement (the community page's own). */
export function nextEventsColumn(db: Db, viewer: Viewer, communityId: string, limit = 3) {
  return jsonList(
    selectEventEntries(db, viewer)
      .where(and(eq(events.communityId, communityId), visibleEvents(viewer, events), sql`${events.endsAt} > now()`))
      .orderBy(asc(events.startsAt), asc(events.id))
      .limit(limit),
  );
}

const soon = alias(events, "soon");
const mine = alias(memberships, "mine");

/**
 * The coming events of every community the viewer belongs to, soonest first. Each community's
 * next events come from its own index (a lateral join), however many events there are.
 */
export async function upcomingEventsForMember(viewer: Viewer, limit = 5) {
  assertActiveViewer(viewer);
  const db = await getDb();
  return toEventList(viewer, await selectJson(db, upcomingEventsColumn(db, viewer, limit)));
}

/** The same list as a column of another statement (the home page's own). */
export function upcomingEventsColumn(db: Db, viewer: Viewer, limit = 5) {
  const soonest = sql`${events.id} in (
    select s.id from ${memberships} ${mine} cross join lateral (
      select ${soon.id} from ${events} ${soon}
      where ${soon.communityId} = ${mine.communityId} and ${soon.endsAt} > now() and ${visibleEvents(viewer, soon)}
      order by ${soon.startsAt}, ${soon.id} limit ${limit}) s
    where ${activeMembership({ userId: viewer.id }, mine)})`;
  return jsonList(selectEventEntries(db, viewer).where(soonest).orderBy(asc(events.startsAt), asc(events.id)).limit(limit));
}

const actionColumns = {
  id: eventActions.id,
  description: eventActions.description,
  dueOn: eventActions.dueOn,
  eventId: events.id,
  eventTitle: posts.title,
  communitySlug: communities.slug,
};
export type OpenAction = { id: string; description: string; dueOn: string | null; eventId: string; eventTitle: string; communitySlug: string };

/** Actions the viewer owns that are not done yet, in events they can still read, soonest due first. */
export async function myOpenActions(viewer: Viewer): Promise<OpenAction[]> {
  assertActiveViewer(viewer);
  const db = await getDb();
  return toOpenActions(await selectJson(db, openActionsColumn(db, viewer)));
}

/** The same list as a column of another statement (the home page's own). */
export function openActionsColumn(db: Db, viewer: Viewer) {
  return jsonList(
    db
      .select(jsonRow(actionColumns))
      .from(eventActions)
      .innerJoin(events, eq(events.id, eventActions.eventId))
      .innerJoin(posts, eq(posts.id, events.id))
      .innerJoin(communities, eq(communities.id, events.communityId))
      .where(and(eq(eventActions.ownerId, viewer.id), isNull(eventActions.doneAt), visibleEvents(viewer, events)))
      .orderBy(sql`${eventActions.dueOn} asc nulls last`, asc(eventActions.createdAt))
      .limit(20),
  );
}

export function toOpenActions(rows: unknown[]): OpenAction[] {
  return fromJsonRows<OpenAction>(actionColumns, rows);
}
