import { eq, getTableColumns } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { events, type EventRow } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { authorize, type Action, type EventTarget, type Viewer } from "@/lib/policy";
import { loadPost, type LoadedPost } from "@/lib/posts/load";
import { isUuid } from "@/lib/validation";

// Loads events as the policy decides on them. Every domain function that acts on an event
// starts here: the event, the post that carries it, its community chain and the viewer's
// memberships, and the moment of the decision.

export type LoadedEvent = LoadedPost & { event: EventRow; target: EventTarget };
type EventAction = Action & `event.${string}`;

const eventColumns = getTableColumns(events);

export function eventTarget(loaded: LoadedPost, event: EventRow, now = new Date()): EventTarget {
  const { organiserId, startsAt, endsAt, cancelledAt } = event;
  return { ...loaded.target, event: { organiserId, startsAt, endsAt, cancelledAt }, now };
}

/**
 * An event with everything a decision on it needs, or null when there is none. With `lock`,
 * the event's row is locked for the rest of the transaction: answers and changes to one event
 * then happen one at a time, in the order they arrived.
 */
export async function loadEvent(db: Db, viewer: Viewer, eventId: string, options: { lock?: boolean } = {}): Promise<LoadedEvent | null> {
  if (!isUuid(eventId)) return null;
  const query = db.select(eventColumns).from(events).where(eq(events.id, eventId)).$dynamic();
  const [event] = options.lock ? await query.for("update") : await query;
  if (!event) return null;
  const loaded = await loadPost(db, viewer, event.id);
  if (!loaded) return null;
  return { ...loaded, event, target: eventTarget(loaded, event) };
}

/** Loads an event and checks an action on it; an event the viewer may not read is a 404. */
export async function loadAuthorizedEvent(db: Db, viewer: Viewer, eventId: string, action: EventAction, options: { lock?: boolean } = {}): Promise<LoadedEvent> {
  const loaded = await loadEvent(db, viewer, eventId, options);
  if (!loaded) throw notFound();
  authorize(viewer, action, loaded.target);
  return loaded;
}

/** Where an event lives. */
export function eventPath(slug: string, eventId: string): string {
  return `/c/${slug}/events/${eventId}`;
}
