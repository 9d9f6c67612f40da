import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { eventRsvps, events, type RsvpResponse } from "@/lib/db/schema";
import { notify, type NotificationEvent } from "@/lib/notifications/events";

// Everything an event tells its attendees goes through one of these calls, made inside the
// transaction of the change, so that nobody hears of a change that was rolled back. Each says
// who is to be told, records it for the notifications outbox (in-app and email, by each
// member's choices; the outbox asks the policy again at delivery whether each person may still
// read the event) and returns them. The event page and home also show "the time or place
// changed since you answered", "cancelled", "you have a place now".

type Told = { eventId: string; recipients: string[] };
type EventNotice = Extract<NotificationEvent, { recipients: string[] }>;
/** What differs between the notices: their type and details (Omit applied to each member of the union). */
type Notice = EventNotice extends infer E ? (E extends unknown ? Omit<E, "actorId" | "communityId" | "postId" | "recipients"> : never) : never;

/** Records the notice for these people, unless there is nobody to tell. */
async function record(tx: Db, eventId: string, actorId: string | null, recipients: string[], notice: Notice): Promise<Told> {
  if (recipients.length) {
    const [event] = await tx.select({ communityId: events.communityId }).from(events).where(eq(events.id, eventId));
    if (event) await notify(tx, { ...notice, actorId, communityId: event.communityId, postId: eventId, recipients } as EventNotice);
  }
  return { eventId, recipients };
}
type About = { eventId: string; actorId: string | null };

/** The members whose answer is one of these, other than whoever made the change. */
async function answered(tx: Db, about: About, responses: RsvpResponse[]): Promise<string[]> {
  const rows = await tx
    .select({ userId: eventRsvps.userId })
    .from(eventRsvps)
    .where(
      and(
        eq(eventRsvps.eventId, about.eventId),
        inArray(eventRsvps.response, responses),
        about.actorId ? ne(eventRsvps.userId, about.actorId) : undefined,
      ),
    )
    .orderBy(eventRsvps.queuePosition);
  return rows.map((r) => r.userId);
}

/** The time, the place or the joining link changed: everyone going or waiting hears of it. */
export async function tellAttendeesOfChange(tx: Db, about: About & { changed: ("time" | "place")[] }): Promise<Told> {
  return record(tx, about.eventId, about.actorId, await answered(tx, about, ["going", "waiting"]), { type: "event.changed", changed: about.changed });
}

/** The event is cancelled: everyone going or waiting hears of it. */
export async function tellAttendeesOfCancellation(tx: Db, about: About & { reason: string }): Promise<Told> {
  return record(tx, about.eventId, about.actorId, await answered(tx, about, ["going", "waiting"]), { type: "event.cancelled", reason: about.reason });
}

/** A place came free and these members, first on the waiting list, now have it. */
export async function tellPromoted(tx: Db, about: { eventId: string; userIds: string[] }): Promise<Told> {
  return record(tx, about.eventId, null, about.userIds, { type: "event.place" });
}

/** The day before: everyone going, and those who said maybe. */
export async function tellReminder(tx: Db, about: { eventId: string }): Promise<Told> {
  return record(tx, about.eventId, null, await answered(tx, { eventId: about.eventId, actorId: null }, ["going", "maybe"]), { type: "event.reminder" });
}
