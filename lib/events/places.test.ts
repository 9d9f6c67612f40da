import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { joinCommunity } from "@/lib/communities/membership";
import { getDb } from "@/lib/db/client";
import { eventRsvps, events } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { makeEvent, inDays } from "@/test/support/events";
import { makeUser } from "@/test/support/factories";
import { communityWith } from "@/test/support/posts";
import { sendEventReminders } from "./reminders";
import { respondToEvent } from "./rsvp";

// Places under concurrency. On PostgreSQL (TEST_DATABASE_URL) these answers really race, each
// on its own connection; on the embedded database they queue. Either way the outcome must be
// exact: the first ten to arrive go, the rest wait in the order they arrived.

let organiser: Viewer;
let slug = "";
const people: Viewer[] = [];

beforeAll(async () => {
  organiser = await makeUser({ name: "Organiser" });
  slug = await communityWith(organiser, "Workshop community");
  for (let i = 0; i < 50; i++) {
    const person = await makeUser({ name: `Attendee ${String(i).padStart(2, "0")}` });
    await joinCommunity(person, { slug });
    people.push(person);
  }
});

async function state(eventId: string) {
  const db = await getDb();
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  const rows = await db
    .select({ userId: eventRsvps.userId, response: eventRsvps.response, position: eventRsvps.queuePosition })
    .from(eventRsvps)
    .where(eq(eventRsvps.eventId, eventId))
    .orderBy(asc(eventRsvps.queuePosition));
  return { event: event!, rows, going: rows.filter((r) => r.response === "going"), waiting: rows.filter((r) => r.response === "waiting") };
}

describe("places on a small workshop", () => {
  it("50 answers at once for 10 places: exactly 10 going and 40 waiting, in arrival order; each give-up lets exactly one in, who is told", async () => {
    const { eventId } = await makeEvent(organiser, slug, { title: "Small workshop", capacity: "10", date: inDays(10) });
    const answers = await Promise.all(people.map((person) => respondToEvent(person, eventId, { response: "going" })));

    const after = await state(eventId);
    expect([after.going.length, after.waiting.length]).toEqual([10, 40]);
    expect([after.event.goingCount, after.event.waitingCount, after.event.queueCounter]).toEqual([10, 40, 50]);
    // Everyone got a distinct place in the queue, 1 to 50; the first ten to arrive go.
    expect(after.rows.map((r) => r.position)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(after.going.map((r) => r.position)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    for (const answer of answers) expect(answer.response).toBe(answer.queuePosition <= 10 ? "going" : "waiting");

    // One gives up a place: the first person waiting has it, and only they are told.
    const leaving = after.going[2]!;
    const firstWaiting = after.waiting[0]!;
    const gaveUp = await respondToEvent(people.find((p) => p.id === leaving.userId)!, eventId, { response: "not_going" });
    expect(gaveUp.promoted).toEqual([firstWaiting.userId]);
    const once = await state(eventId);
    expect([once.going.length, once.waiting.length, once.event.goingCount, once.event.waitingCount]).toEqual([10, 39, 10, 39]);

    // Five give up at once: exactly the next five waiting have places, each told once.
    const five = once.going.filter((r) => r.userId !== firstWaiting.userId).slice(0, 5);
    const nextFive = once.waiting.slice(0, 5).map((r) => r.userId);
    const results = await Promise.all(five.map((r) => respondToEvent(people.find((p) => p.id === r.userId)!, eventId, { response: "maybe" })));
    expect(results.flatMap((r) => r.promoted).sort()).toEqual([...nextFive].sort());
    const later = await state(eventId);
    expect([later.going.length, later.waiting.length, later.event.goingCount, later.event.waitingCount, later.event.maybeCount]).toEqual([10, 34, 10, 34, 5]);
    expect(later.waiting.map((r) => r.position)).toEqual([...later.waiting.map((r) => r.position)].sort((a, b) => a - b));

    // Asking again keeps one's turn; coming back after giving up joins the back of the queue.
    const waitingOne = later.waiting[3]!;
    const again = await respondToEvent(people.find((p) => p.id === waitingOne.userId)!, eventId, { response: "going" });
    expect([again.response, again.queuePosition]).toEqual(["waiting", waitingOne.position]);
    const returning = await respondToEvent(people.find((p) => p.id === five[0]!.userId)!, eventId, { response: "going" });
    expect([returning.response, returning.queuePosition]).toEqual(["waiting", 51]);
  });

  it("counters always equal the answers they count", async () => {
    const db = await getDb();
    const [mismatch] = await db.execute(sql`
      select count(*)::int as n from events e where
        e.going_count <> (select count(*) from event_rsvps r where r.event_id = e.id and r.response = 'going')
        or e.waiting_count <> (select count(*) from event_rsvps r where r.event_id = e.id and r.response = 'waiting')
        or e.maybe_count <> (select count(*) from event_rsvps r where r.event_id = e.id and r.response = 'maybe')`).then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(mismatch!.n).toBe(0);
  });
});

describe("the reminder the day before", () => {
  it("goes once per event, to those going and maybe, however many runs overlap", async () => {
    const { eventId: tomorrow } = await makeEvent(organiser, slug, { title: "Tomorrow's meeting", date: inDays(1) });
    const { eventId: nextWeek } = await makeEvent(organiser, slug, { title: "Next week's meeting", date: inDays(8) });
    await respondToEvent(people[0]!, tomorrow, { response: "going" });
    await respondToEvent(people[1]!, tomorrow, { response: "maybe" });
    await respondToEvent(people[2]!, tomorrow, { response: "not_going" });
    const db = await getDb();
    // Starts in a few hours, whatever the time of day the test runs.
    await db.update(events).set({ startsAt: sql`now() + interval '3 hours'`, endsAt: sql`now() + interval '4 hours'` }).where(eq(events.id, tomorrow));

    const runs = await Promise.all([sendEventReminders(), sendEventReminders(), sendEventReminders()]);
    expect(runs.reduce((n, r) => n + r.events, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.people, 0)).toBe(2);
    expect((await sendEventReminders()).events).toBe(0);
    const [reminded] = await db.select({ at: events.reminderSentAt }).from(events).where(eq(events.id, nextWeek));
    expect(reminded!.at).toBeNull();
  });

  it("claims a bounded batch, and says when more are waiting", async () => {
    const db = await getDb();
    for (let i = 0; i < 3; i++) {
      const { eventId } = await makeEvent(organiser, slug, { title: `Soon ${i}`, date: inDays(5) });
      await db.update(events).set({ startsAt: sql`now() + interval '2 hours'`, endsAt: sql`now() + interval '3 hours'` }).where(eq(events.id, eventId));
    }
    expect(await sendEventReminders({ limit: 2 })).toMatchObject({ events: 2, more: true });
    expect(await sendEventReminders({ limit: 2 })).toMatchObject({ events: 1, more: false });
  });
});
