import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { documentComments, documentRevisions, documents, eventRsvps, events, memberships, posts, type RsvpResponse } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { makeCommunity, makeUser } from "@/test/support/factories";
import { getCommunityAnalytics } from "./community";
import { getAnalyticsCsv } from "./tables";

// A community's events and library, written with fixed times, and their figures asserted
// exactly. "Now" is Tuesday 4 March 2025, midday: the last 4 weeks run from 5 February to
// 4 March (across the end of February), the 4 weeks before from 8 January to 4 February.
// A private sub-community has events and documents too: none of them may reach these figures.

const now = new Date("2025-03-04T12:00:00Z");
const at = (iso: string) => new Date(iso);
const people: Record<string, Viewer> = {};
let community: Awaited<ReturnType<typeof makeCommunity>>;
let secret: Awaited<ReturnType<typeof makeCommunity>>;
const ids: Record<string, string> = {};

type EventInput = { startsAt: string; answers?: [string, RsvpResponse][]; cancelled?: boolean; hidden?: boolean; capacity?: number; in?: { id: string } };

async function event(title: string, input: EventInput) {
  const db = await getDb();
  const communityId = (input.in ?? community).id;
  const startsAt = at(input.startsAt);
  const [post] = await db
    .insert(posts)
    .values({ communityId, authorId: people.Owen!.id, title, kind: "event", createdAt: at("2024-12-02T09:00:00Z"), lastActivityAt: at("2024-12-02T09:00:00Z"), hiddenAt: input.hidden ? startsAt : null })
    .returning({ id: posts.id });
  const answers = input.answers ?? [];
  const count = (response: RsvpResponse) => answers.filter(([, r]) => r === response).length;
  await db.insert(events).values({
    id: post!.id,
    communityId,
    organiserId: people.Owen!.id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    capacity: input.capacity ?? null,
    goingCount: count("going"),
    waitingCount: count("waiting"),
    maybeCount: count("maybe"),
    cancelledAt: input.cancelled ? at("2025-02-01T09:00:00Z") : null,
  });
  if (answers.length > 0) {
    await db.insert(eventRsvps).values(answers.map(([who, response], i) => ({ eventId: post!.id, userId: people[who]!.id, response, queuePosition: i + 1, respondedAt: at("2024-12-03T09:00:00Z") })));
  }
  ids[title] = post!.id;
}

type Version = [string, string];

/** A document with its versions ([author, when], oldest first) and comments ([author, when, deleted?]). */
async function document(title: string, versions: Version[], comments: [string, string, boolean?][] = [], options: { deleted?: boolean; in?: { id: string } } = {}) {
  const db = await getDb();
  const [doc] = await db
    .insert(documents)
    .values({
      communityId: (options.in ?? community).id,
      ownerId: people[versions[0]![0]]!.id,
      title,
      revisionCount: versions.length,
      createdAt: at(versions[0]![1]),
      updatedAt: at(versions.at(-1)![1]),
      deletedAt: options.deleted ? at("2025-02-20T09:00:00Z") : null,
    })
    .returning({ id: documents.id });
  await db.insert(documentRevisions).values(
    versions.map(([who, when], i) => ({ documentId: doc!.id, number: i + 1, authorId: people[who]!.id, title, bodyHtml: "<p>Text</p>", bodyText: "Text", createdAt: at(when) })),
  );
  for (const [who, when, deleted] of comments) {
    await db.insert(documentComments).values({ documentId: doc!.id, authorId: people[who]!.id, bodyHtml: "<p>A thought</p>", bodyText: "A thought", revisionNumber: 1, createdAt: at(when), deletedAt: deleted ? at(when) : null });
  }
  ids[title] = doc!.id;
}

beforeAll(async () => {
  for (const name of ["Owen", "Ada", "Ben", "Cal", "Dot", "Gus"]) people[name] = await makeUser({ name });
  community = await makeCommunity({ name: "Events and library fixture" });
  secret = await makeCommunity({ name: "Private working group", visibility: "private", parent: community });
  const db = await getDb();
  for (const name of ["Owen", "Ada", "Ben", "Cal", "Dot"]) {
    await db.insert(memberships).values({ communityId: community.id, userId: people[name]!.id, role: name === "Owen" ? "owner" : "member", status: "active", joinedAt: at("2024-12-01T09:00:00Z") });
  }
  await db.insert(memberships).values({ communityId: secret.id, userId: people.Gus!.id, role: "owner", status: "active", joinedAt: at("2024-12-01T09:00:00Z") });

  // 23:30 GMT on 4 February is still 4 February: the last minute of the previous period.
  await event("Budget clinic", { startsAt: "2025-02-04T23:30:00Z", answers: [["Ada", "going"], ["Ben", "maybe"]] });
  await event("Cancelled clinic", { startsAt: "2025-02-12T10:00:00Z", cancelled: true, answers: [["Ben", "going"]] });
  await event("Hidden social", { startsAt: "2025-02-20T10:00:00Z", hidden: true, answers: [["Cal", "going"]] });
  await event("Month-end review", { startsAt: "2025-02-28T23:30:00Z", capacity: 2, answers: [["Ada", "going"], ["Ben", "going"], ["Cal", "not_going"], ["Dot", "waiting"]] });
  await event("March meet-up", { startsAt: "2025-03-01T09:00:00Z", answers: [["Ada", "going"], ["Owen", "maybe"]] });
  // Still to come: later today, next week (five going), in a fortnight, and beyond four weeks.
  await event("This afternoon", { startsAt: "2025-03-04T15:00:00Z" });
  await event("Full house", { startsAt: "2025-03-10T10:00:00Z", answers: (["Owen", "Ada", "Ben", "Cal", "Dot"] as const).map((w) => [w, "going"]) });
  await event("Scrutiny workshop", { startsAt: "2025-03-20T10:00:00Z", capacity: 20, answers: [["Ada", "going"]] });
  await event("April forum", { startsAt: "2025-04-10T10:00:00Z" });
  await event("Secret away day", { in: secret, startsAt: "2025-02-20T10:00:00Z", answers: [["Gus", "going"]] });
  await event("Secret planning", { in: secret, startsAt: "2025-03-05T10:00:00Z" });

  await document("Budget template", [["Ada", "2024-10-01T09:00:00Z"], ["Ben", "2025-02-10T09:00:00Z"], ["Ada", "2025-02-25T23:30:00Z"]], [
    ["Cal", "2025-02-26T00:30:00Z"],
    ["Ben", "2025-03-02T09:00:00Z", true],
  ]);
  await document("Consultation draft", [["Ben", "2025-02-12T10:00:00Z"], ["Ben", "2025-02-13T10:00:00Z"]]);
  await document("Old policy", [["Owen", "2024-06-01T09:00:00Z"]]);
  await document("Reviewed guidance", [["Owen", "2024-05-01T09:00:00Z"]], [["Dot", "2025-01-20T10:00:00Z"]]);
  await document("Previous work", [["Cal", "2025-01-31T10:00:00Z"], ["Dot", "2025-02-03T10:00:00Z"]]);
  await document("Dusty notes", [["Ada", "2024-09-01T09:00:00Z"]], [["Ben", "2024-11-01T09:00:00Z"]]);
  await document("Deleted draft", [["Ada", "2025-02-15T09:00:00Z"]], [["Ben", "2025-02-16T09:00:00Z"]], { deleted: true });
  await document("Deleted and dusty", [["Ada", "2024-01-01T09:00:00Z"]], [], { deleted: true });
  await document("Secret plan", [["Gus", "2025-02-20T09:00:00Z"], ["Gus", "2025-02-21T09:00:00Z"]], [["Gus", "2025-02-22T09:00:00Z"]], { in: secret });
  await document("Secret archive", [["Gus", "2024-01-01T09:00:00Z"]], [], { in: secret });
});

const zeroEvents = { held: 0, going: 0, waiting: 0, maybe: 0, notGoing: 0 };
const zeroDocs = { started: 0, edits: 0, comments: 0 };

describe("a community's event and document figures on a known fixture", () => {
  it("count events held and the answers to them, against the previous period", async () => {
    const a = await getCommunityAnalytics(people.Owen!, community.slug, { period: "4-weeks" }, now);
    expect(a.headline.members).toEqual({ current: 5, previous: 5 });
    expect(a.events).toEqual({
      eventsHeld: { current: 2, previous: 1 },
      eventsCancelled: { current: 1, previous: 0 },
      going: { current: 3, previous: 1 },
      waitingList: { current: 1, previous: 0 },
      maybe: { current: 1, previous: 1 },
      notGoing: { current: 1, previous: 0 },
      // Ada and Ben of five members; before, Ada alone.
      peopleGoing: { current: 2, previous: 1 },
      attendanceRate: { current: 40, previous: 20 },
    });
    expect(a.eventWeeks).toEqual([
      { start: "2025-02-05", end: "2025-02-11", ...zeroEvents },
      { start: "2025-02-12", end: "2025-02-18", ...zeroEvents },
      { start: "2025-02-19", end: "2025-02-25", ...zeroEvents },
      { start: "2025-02-26", end: "2025-03-04", held: 2, going: 3, waiting: 1, maybe: 1, notGoing: 1 },
    ]);
    expect(a.quietEvents).toEqual({
      total: 2,
      items: [
        { eventId: ids["This afternoon"], title: "This afternoon", startsAt: at("2025-03-04T15:00:00Z"), going: 0, maybe: 0, capacity: null },
        { eventId: ids["Scrutiny workshop"], title: "Scrutiny workshop", startsAt: at("2025-03-20T10:00:00Z"), going: 1, maybe: 0, capacity: 20 },
      ],
    });
  });

  it("count documents started, new versions, editors and comments, week by week across the month end", async () => {
    const a = await getCommunityAnalytics(people.Owen!, community.slug, { period: "4-weeks" }, now);
    expect(a.documents).toEqual({
      documentsStarted: { current: 1, previous: 1 },
      documentEdits: { current: 3, previous: 1 },
      documentEditors: { current: 2, previous: 2 },
      documentComments: { current: 1, previous: 1 },
    });
    // 23:30 GMT on 25 February is the last minute of the third week; 00:30 on the 26th the first of the fourth.
    expect(a.documentWeeks).toEqual([
      { start: "2025-02-05", end: "2025-02-11", ...zeroDocs, edits: 1 },
      { start: "2025-02-12", end: "2025-02-18", ...zeroDocs, started: 1, edits: 1 },
      { start: "2025-02-19", end: "2025-02-25", ...zeroDocs, edits: 1 },
      { start: "2025-02-26", end: "2025-03-04", ...zeroDocs, comments: 1 },
    ]);
    expect(a.activeDocuments).toEqual([
      { documentId: ids["Budget template"], title: "Budget template", edits: 2, comments: 1, editors: 2 },
      { documentId: ids["Consultation draft"], title: "Consultation draft", edits: 2, comments: 0, editors: 1 },
    ]);
    expect(a.untouched).toEqual({
      total: 2,
      items: [
        { documentId: ids["Old policy"], title: "Old policy", updatedAt: at("2024-06-01T09:00:00Z") },
        { documentId: ids["Dusty notes"], title: "Dusty notes", updatedAt: at("2024-09-01T09:00:00Z") },
      ],
    });
  });

  it("give a quarter its own figures", async () => {
    const a = await getCommunityAnalytics(people.Owen!, community.slug, { period: "quarter" }, now);
    // From 4 December; the quarter before has the budget template's first version and an autumn comment.
    expect([a.events.eventsHeld, a.events.going, a.events.peopleGoing]).toEqual([
      { current: 3, previous: 0 },
      { current: 4, previous: 0 },
      { current: 2, previous: 0 },
    ]);
    expect([a.documents.documentsStarted, a.documents.documentEdits, a.documents.documentComments]).toEqual([
      { current: 2, previous: 1 },
      { current: 4, previous: 0 },
      { current: 2, previous: 1 },
    ]);
  });

  it("take nothing from a private sub-community, whose figures the parent's owner may not even find", async () => {
    const child = await getCommunityAnalytics(people.Gus!, secret.slug, { period: "4-weeks" }, now);
    expect([child.events.eventsHeld.current, child.documents.documentEdits.current, child.quietEvents.total, child.untouched.total]).toEqual([1, 1, 1, 1]);
    expect(await appErrorOf(() => getCommunityAnalytics(people.Owen!, secret.slug, {}, now))).toMatchObject({ status: 404 });
    expect(await appErrorOf(() => getAnalyticsCsv(people.Owen!, secret.slug, "untouched-documents", {}, now))).toMatchObject({ status: 404 });
    expect(await appErrorOf(() => getAnalyticsCsv(people.Ada!, community.slug, "events", {}, now))).toMatchObject({ status: 403 });
  });

  it("download each new table as CSV, with links to the events and documents", async () => {
    const csv = async (table: string) => (await getAnalyticsCsv(people.Owen!, community.slug, table, { period: "4-weeks" }, now)).csv.split("\r\n");
    expect((await csv("events"))[4]).toBe("2025-02-26,2025-03-04,2,3,1,1,1");
    expect((await csv("quiet-events"))[2]).toBe(`Scrutiny workshop,2025-03-20T10:00:00.000Z,1,0,20,/c/${community.slug}/events/${ids["Scrutiny workshop"]}`);
    expect((await csv("documents"))[0]).toBe("Week from,Week to,Documents started,New versions saved,Comments on documents");
    expect((await csv("active-documents"))[1]).toBe(`Budget template,2,1,2,/c/${community.slug}/library/${ids["Budget template"]}`);
    expect(await csv("untouched-documents")).toHaveLength(4);
    const summary = await csv("summary");
    expect(summary.find((line) => line.startsWith("Members going to an event,"))).toMatch(/^Members going to an event,40,20,/);
  });
});
