import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { eventRsvps, type RsvpResponse } from "@/lib/db/schema";

// Everything an event tells its attendees goes through one of these calls, made inside the
// transaction of the change, so that nobody hears of a change that was rolled back. Each says
// who is to be told and returns them. Delivery (in-app and email, by each member's choices)
// belongs to the notifications outbox: once it is in place, each function below records its
// notification there, and the outbox checks again at delivery that each person may still read
// the event. Until then, members see each of these on the event page and on their home page:
// "the time or place changed since you answered", "cancelled", "you have a place now".

type Told = { eventId: string; recipients: string[] };
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
  return { eventId: about.eventId, recipients: await answered(tx, about, ["going", "waiting"]) };
}

/** The event is cancelled: everyone going or waiting hears of it. */
export async function tellAttendeesOfCancellation(tx: Db, about: About & { reason: string }): Promise<Told> {
  return { eventId: about.eventId, recipients: await answered(tx, about, ["going", "waiting"]) };
}

/** A place came free and these members, first on the waiting list, now have it. */
export async function tellPromoted(_tx: Db, about: { eventId: string; userIds: string[] }): Promise<Told> {
  return { eventId: about.eventId, recipients: about.userIds };
}

/** The day before: everyone going, and those who said maybe. */
export async function tellReminder(tx: Db, about: { eventId: string }): Promise<Told> {
  return { eventId: about.eventId, recipients: await answered(tx, { eventId: about.eventId, actorId: null }, ["going", "maybe"]) };
}
