import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { eventRsvps, events, users, type EventRow, type RsvpResponse } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { loadAuthorizedEvent } from "./load";
import { tellPromoted } from "./tell";
import { rsvpSchema } from "./validation";

// Answers to an event, and its places. Every answer to one event is made under a lock on the
// event's row, so answers are taken one at a time in the order they arrived: the first to ask
// get the places, the rest wait in that order, and the counters on the event's row move in
// the same transaction as the answers they count.

const holdsPlace = (r: RsvpResponse | undefined) => r === "going" || r === "waiting";
type Counters = Pick<EventRow, "goingCount" | "waitingCount" | "maybeCount">;
const counterOf: Partial<Record<RsvpResponse, keyof Counters>> = { going: "goingCount", waiting: "waitingCount", maybe: "maybeCount" };

/**
 * A member answers: going, maybe or not going. Going when no place is left puts them on the
 * waiting list. Giving up a place hands it to the first person waiting, who is told.
 */
export async function respondToEvent(viewer: Viewer, eventId: string, input: unknown) {
  const data = parseInput(rsvpSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { event, community } = await loadAuthorizedEvent(tx, viewer, eventId, "event.rsvp", { lock: true });
    const [current] = await tx
      .select({ response: eventRsvps.response, queuePosition: eventRsvps.queuePosition })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.userId, viewer.id)));
    const before = current?.response;
    const counts: Counters = { goingCount: event.goingCount, waitingCount: event.waitingCount, maybeCount: event.maybeCount };
    const hasRoom = event.capacity === null || counts.goingCount < event.capacity;
    // Asking again keeps one's place (going stays going, waiting keeps its turn).
    const after: RsvpResponse = data.response !== "going" ? data.response : holdsPlace(before) ? before! : hasRoom ? "going" : "waiting";
    // Joining the queue afresh: the back of it, in arrival order.
    const joinsQueue = holdsPlace(after) && !holdsPlace(before);
    const queuePosition = joinsQueue || !current ? event.queueCounter + 1 : current.queuePosition;
    await tx
      .insert(eventRsvps)
      .values({ eventId: event.id, userId: viewer.id, response: after, note: data.note, queuePosition })
      .onConflictDoUpdate({
        target: [eventRsvps.eventId, eventRsvps.userId],
        set: { response: after, note: data.note, queuePosition, respondedAt: sql`now()`, promotedAt: after === "going" && before === "going" ? undefined : null },
      });
    if (before && counterOf[before]) counts[counterOf[before]] -= 1;
    if (counterOf[after]) counts[counterOf[after]] += 1;
    const promoted = before === "going" && after !== "going" ? await promoteWaiting(tx, event, counts) : [];
    await tx
      .update(events)
      .set({ ...counts, queueCounter: Math.max(event.queueCounter, queuePosition) })
      .where(eq(events.id, event.id));
    if (promoted.length) await tellPromoted(tx, { eventId: event.id, userIds: promoted });
    return { eventId: event.id, slug: community.slug, response: after, queuePosition, promoted };
  });
}

/**
 * Moves the first people waiting to going while there is room, inside the caller's
 * transaction and under the event's lock; `counts` are the event's counters as they will be
 * written, and are moved here. Returns who now has a place, first come first.
 */
export async function promoteWaiting(tx: Db, event: Pick<EventRow, "id" | "capacity">, counts: Counters): Promise<string[]> {
  const room = event.capacity === null ? counts.waitingCount : Math.max(0, event.capacity - counts.goingCount);
  if (room === 0 || counts.waitingCount === 0) return [];
  const rows = await selectRows<{ user_id: string }>(
    tx,
    sql`update ${eventRsvps} set response = 'going', promoted_at = now()
      where event_id = ${event.id} and user_id in (
        select user_id from ${eventRsvps} where event_id = ${event.id} and response = 'waiting'
        order by queue_position limit ${room})
      returning user_id, queue_position`,
  );
  counts.goingCount += rows.length;
  counts.waitingCount -= rows.length;
  return rows.map((r) => r.user_id);
}

/** Who is going and who is waiting, in order; with their notes for the organisers when asked. */
export async function listAttendees(db: Db, eventId: string, { withNotes }: { withNotes: boolean }) {
  const rows = await db
    .select({
      userId: eventRsvps.userId,
      name: users.name,
      response: eventRsvps.response,
      note: eventRsvps.note,
      queuePosition: eventRsvps.queuePosition,
    })
    .from(eventRsvps)
    .innerJoin(users, eq(users.id, eventRsvps.userId))
    .where(and(eq(eventRsvps.eventId, eventId), sql`${eventRsvps.response} in ('going', 'waiting', 'maybe')`))
    .orderBy(asc(eventRsvps.queuePosition))
    .limit(1000);
  return rows.map((r) => ({ ...r, note: withNotes ? r.note : "" }));
}
