import { eq, sql } from "drizzle-orm";
import { touchContent } from "@/lib/communities/counters";
import { loadCommunity } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import { events } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy";
import { revisePost, writePost } from "@/lib/posts/mutations";
import { cleanBody } from "@/lib/posts/validation";
import { parseInput } from "@/lib/validation";
import { eventPath, loadAuthorizedEvent } from "./load";
import { promoteWaiting } from "./rsvp";
import { tellAttendeesOfCancellation, tellAttendeesOfChange, tellPromoted } from "./tell";
import { cancelSchema, eventInputSchema, eventInstants, type EventInput } from "./validation";

// Arranging, changing and cancelling events. An event's title and description live on its
// post (so search, feeds and the discussion treat them as they treat any post); the rest lives
// on the event's row.

function eventFields(data: EventInput) {
  const { startsAt, endsAt } = eventInstants(data);
  return {
    format: data.format,
    place: data.format === "online" ? "" : data.place,
    joiningUrl: data.format === "in_person" ? "" : data.joiningUrl,
    startsAt,
    endsAt,
    timeZone: data.timeZone,
    capacity: data.capacity,
  };
}

/** Arranges an event in a community: its post (title, description, discussion) and its row, together. */
export async function createEvent(viewer: Viewer, slug: string, input: unknown) {
  const data = parseInput(eventInputSchema, input);
  const body = cleanBody(data.body, data.bodyFormat);
  const fields = eventFields(data);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadCommunity(tx, viewer, { slug });
    if (!loaded) throw notFound();
    authorize(viewer, "event.create", { ...loaded.target, allowMemberEvents: loaded.community.allowMemberEvents });
    const written = await writePost(tx, viewer, loaded, { kind: "event", title: data.title, body, tags: [], idempotencyKey: data.idempotencyKey });
    if (written.created) {
      await tx.insert(events).values({ id: written.postId, communityId: loaded.community.id, organiserId: viewer.id, ...fields });
    }
    return { eventId: written.postId, slug: loaded.community.slug, path: eventPath(loaded.community.slug, written.postId), pending: written.pending };
  });
}

/**
 * The organiser or a facilitator changes an event. A change of time or place is told to
 * everyone going or waiting, and calendars pick it up (the SEQUENCE goes up); more places let
 * the first people waiting in.
 */
export async function editEvent(viewer: Viewer, eventId: string, input: unknown) {
  const data = parseInput(eventInputSchema, input);
  const body = cleanBody(data.body, data.bodyFormat);
  const fields = eventFields(data);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { event, post, community } = await loadAuthorizedEvent(tx, viewer, eventId, "event.edit", { lock: true });
    const revised = await revisePost(tx, viewer, post, community.id, { kind: "event", title: data.title, body, tags: post.tags, idempotencyKey: data.idempotencyKey });
    const path = eventPath(community.slug, event.id);
    if (!revised) return { eventId: event.id, slug: community.slug, path, told: [] as string[] };
    const changed: ("time" | "place")[] = [];
    if (+fields.startsAt !== +event.startsAt || +fields.endsAt !== +event.endsAt) changed.push("time");
    if (fields.format !== event.format || fields.place !== event.place || fields.joiningUrl !== event.joiningUrl) changed.push("place");
    const counts = { goingCount: event.goingCount, waitingCount: event.waitingCount, maybeCount: event.maybeCount };
    const promoted = await promoteWaiting(tx, { id: event.id, capacity: fields.capacity }, counts);
    await tx
      .update(events)
      .set({
        ...fields,
        ...counts,
        sequence: sql`${events.sequence} + 1`,
        updatedAt: sql`now()`,
        detailsChangedAt: changed.length ? sql`now()` : undefined,
        // A new time gets its own reminder.
        reminderSentAt: changed.includes("time") ? null : undefined,
      })
      .where(eq(events.id, event.id));
    const told = changed.length ? (await tellAttendeesOfChange(tx, { eventId: event.id, actorId: viewer.id, changed })).recipients : [];
    if (promoted.length) await tellPromoted(tx, { eventId: event.id, userIds: promoted });
    return { eventId: event.id, slug: community.slug, path, told, promoted };
  });
}

/** The organiser or a facilitator cancels an event; everyone going or waiting is told. Answers are kept. */
export async function cancelEvent(viewer: Viewer, eventId: string, input: unknown) {
  const { reason } = parseInput(cancelSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { event, community } = await loadAuthorizedEvent(tx, viewer, eventId, "event.cancel", { lock: true });
    await tx
      .update(events)
      .set({ cancelledAt: sql`now()`, cancelledReason: reason, sequence: sql`${events.sequence} + 1`, updatedAt: sql`now()` })
      .where(eq(events.id, event.id));
    await touchContent(tx, community.id);
    const { recipients } = await tellAttendeesOfCancellation(tx, { eventId: event.id, actorId: viewer.id, reason });
    return { eventId: event.id, slug: community.slug, path: eventPath(community.slug, event.id), told: recipients };
  });
}
