import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { commentReactions, comments, memberships, membershipEvents, postReactions, posts, reports } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { addMembership, makeCommunity, makeUser } from "@/test/support/factories";
import { getCommunityAnalytics } from "./community";
import { ukDay } from "./period";
import { getAnalyticsCsv } from "./tables";

// A community whose whole history is written with fixed times, and its figures asserted
// exactly. "Now" is Tuesday 4 March 2025, midday, passed as a parameter: the last 4 weeks are
// 5-11, 12-18 and 19-25 February and 26 February to 4 March (across the month end); the 4
// weeks before end on 4 February (across the end of January).

const now = new Date("2025-03-04T12:00:00Z");
const at = (iso: string) => new Date(iso);
let owner: Viewer;
const people: Record<string, Viewer> = {};
let community: Awaited<ReturnType<typeof makeCommunity>>;
let communityId = "";
let slug = "";
const ids: Record<string, string> = {};

async function post(name: string, author: string, createdAt: string, extra: Partial<typeof posts.$inferInsert> = {}) {
  const db = await getDb();
  const [row] = await db
    .insert(posts)
    .values({ communityId, authorId: people[author]!.id, title: name, kind: "discussion", createdAt: at(createdAt), lastActivityAt: at(createdAt), ...extra })
    .returning({ id: posts.id });
  ids[name] = row!.id;
}

async function reply(name: string, on: string, author: string, createdAt: string, extra: Partial<typeof comments.$inferInsert> = {}) {
  const db = await getDb();
  const [row] = await db.insert(comments).values({ postId: ids[on]!, authorId: people[author]!.id, bodyText: name, createdAt: at(createdAt), ...extra }).returning({ id: comments.id });
  ids[name] = row!.id;
  await db.update(posts).set({ lastActivityAt: at(createdAt) }).where(eq(posts.id, ids[on]!));
}

async function join(who: string, joinedAt: string, role: "owner" | "member" = "member") {
  const db = await getDb();
  await db.insert(memberships).values({ communityId, userId: people[who]!.id, role, status: "active", joinedAt: at(joinedAt), createdAt: at(joinedAt) });
}

beforeAll(async () => {
  for (const name of ["Owen", "Ada", "Ben", "Cal", "Dot", "Fay", "Gus", "Hal"]) people[name] = await makeUser({ name });
  owner = people.Owen!;
  community = await makeCommunity({ name: "Figures fixture" });
  communityId = community.id;
  slug = community.slug;
  const db = await getDb();
  await join("Owen", "2024-12-01T09:00:00Z", "owner");
  await join("Ada", "2024-12-01T10:00:00Z");
  await join("Dot", "2024-12-15T10:00:00Z");
  await join("Fay", "2024-12-20T10:00:00Z");
  await join("Ben", "2025-01-10T10:00:00Z");
  await join("Gus", "2025-02-14T10:00:00Z");
  await join("Cal", "2025-02-27T10:00:00Z");
  // Fay leaves on 1 March: the event is written now by the trigger, then dated as the fixture needs.
  await db.delete(memberships).where(and(eq(memberships.communityId, communityId), eq(memberships.userId, people.Fay!.id)));
  await db.update(membershipEvents).set({ at: at("2025-03-01T10:00:00Z") }).where(and(eq(membershipEvents.communityId, communityId), eq(membershipEvents.change, -1)));
  await addMembership(communityId, people.Hal!.id, "pending");

  // The previous period: one post on 31 January and its reply on 1 February (the same week).
  await post("P8", "Ada", "2025-01-31T12:00:00Z");
  await reply("R8", "P8", "Ben", "2025-02-01T12:00:00Z");
  // Week 1 (5-11 Feb): a question, answered in 6 hours and accepted; a reply hidden by a facilitator.
  await post("P2", "Ben", "2025-02-10T09:00:00Z", { kind: "question" });
  await reply("R2", "P2", "Ada", "2025-02-10T15:00:00Z");
  await reply("R2hidden", "P2", "Owen", "2025-02-11T09:00:00Z", { hiddenAt: at("2025-02-11T10:00:00Z") });
  await db.update(posts).set({ acceptedCommentId: ids.R2! }).where(eq(posts.id, ids.P2!));
  // Week 2 (12-18 Feb): a question answered in 24 hours; a hidden post.
  await post("P5", "Ada", "2025-02-12T08:00:00Z", { kind: "question" });
  await reply("R5", "P5", "Ben", "2025-02-13T08:00:00Z");
  await post("P6", "Ben", "2025-02-15T08:00:00Z", { hiddenAt: at("2025-02-15T09:00:00Z") });
  // Week 3 (19-25 Feb): a question only its asker has replied to; a deleted post.
  await post("P3", "Ada", "2025-02-20T10:00:00Z", { kind: "question" });
  await reply("R3", "P3", "Ada", "2025-02-20T11:00:00Z");
  await post("P9", "Ada", "2025-02-24T10:00:00Z", { deletedAt: at("2025-02-24T11:00:00Z") });
  // Week 4 (26 Feb-4 Mar): 23:30 GMT on 28 February is still 28 February; a post on 1 March;
  // a question asked yesterday (not yet three days old); a post awaiting approval.
  await post("P1", "Ada", "2025-02-28T23:30:00Z", { helpfulCount: 1 });
  await post("P7", "Cal", "2025-03-01T00:30:00Z");
  await post("P4", "Ben", "2025-03-03T09:00:00Z", { kind: "question" });
  await post("Pending", "Cal", "2025-03-02T09:00:00Z", { status: "pending" });
  await db.insert(postReactions).values({ postId: ids.P1!, userId: owner.id, createdAt: at("2025-03-02T10:00:00Z") });
  await db.insert(commentReactions).values([
    { commentId: ids.R5!, userId: owner.id, createdAt: at("2025-02-14T10:00:00Z") },
    { commentId: ids.R5!, userId: people.Cal!.id, createdAt: at("2025-02-28T10:00:00Z") },
  ]);
  await db.update(comments).set({ helpfulCount: 2 }).where(eq(comments.id, ids.R5!));
  await db.insert(reports).values({ communityId, postId: ids.P1!, reporterId: people.Ben!.id, reason: "other" });
});

const week = (start: string, end: string, f: Partial<Record<"members" | "joiners" | "leavers" | "active" | "posts" | "replies", number>>) => ({
  start,
  end,
  members: 0,
  joiners: 0,
  leavers: 0,
  active: 0,
  posts: 0,
  replies: 0,
  ...f,
});

const expectedWeeks = [
  week("2025-02-05", "2025-02-11", { members: 5, active: 3, posts: 1, replies: 1 }),
  week("2025-02-12", "2025-02-18", { members: 6, joiners: 1, active: 3, posts: 1, replies: 1 }),
  week("2025-02-19", "2025-02-25", { members: 6, active: 1, posts: 1, replies: 1 }),
  week("2025-02-26", "2025-03-04", { members: 6, joiners: 1, leavers: 1, active: 4, posts: 3, replies: 0 }),
];

describe("a community's figures on a known fixture", () => {
  it("are exact for the last 4 weeks, across the end of February, against the 4 weeks before", async () => {
    const a = await getCommunityAnalytics(owner, slug, { period: "4-weeks" }, now);
    expect({ start: a.period.start, end: a.period.end, previous: [a.period.previous.start, a.period.previous.end] }).toEqual({
      start: "2025-02-05",
      end: "2025-03-04",
      previous: ["2025-01-08", "2025-02-04"],
    });
    expect(a.weeks).toEqual(expectedWeeks);
    expect(a.headline).toEqual({
      members: { current: 6, previous: 5 },
      joiners: { current: 2, previous: 1 },
      leavers: { current: 1, previous: 0 },
      // Owen, Ada, Ben and Cal; before, Ada and Ben.
      active: { current: 4, previous: 2 },
      posts: { current: 6, previous: 1 },
      replies: { current: 3, previous: 1 },
      questions: { current: 4, previous: 0 },
      accepted: { current: 1, previous: 0 },
      medianHoursToFirstReply: { current: 15, previous: null },
    });
  });

  it("lists what a facilitator can act on", async () => {
    const a = await getCommunityAnalytics(owner, slug, { period: "4-weeks" }, now);
    expect(a.unanswered).toEqual({ total: 1, items: [{ postId: ids.P3, title: "P3", askedAt: at("2025-02-20T10:00:00Z"), authorName: "Ada" }] });
    expect(a.dormant).toEqual({ total: 1, items: [{ userId: people.Dot!.id, name: "Dot", joinedAt: at("2024-12-15T10:00:00Z") }] });
    expect(a.helpful.map((h) => [h.kind, h.title, h.helpful])).toEqual([
      ["reply", "P5", 2],
      ["post", "P1", 1],
    ]);
    expect(a.waiting).toEqual({ requests: 1, reports: 1, pendingPosts: 1 });
  });

  it("gives a quarter and a year their own weeks, ending today", async () => {
    const quarter = await getCommunityAnalytics(owner, slug, { period: "quarter" }, now);
    expect([quarter.weeks.length, quarter.weeks[0]!.start, quarter.period.previous.start]).toEqual([13, "2024-12-04", "2024-09-04"]);
    // From 4 December: Dot, Fay, Ben, Gus and Cal; Owen and Ada joined on 1 December, the quarter before.
    expect(quarter.headline.joiners).toEqual({ current: 5, previous: 2 });
    expect(quarter.headline.posts).toEqual({ current: 7, previous: 0 });
    const year = await getCommunityAnalytics(owner, slug, { period: "year" }, now);
    expect([year.weeks.length, year.period.start, year.headline.members.previous]).toEqual([52, "2024-03-06", 0]);
  });

  it("counts days as the UK does, across a month end in summer time", async () => {
    const db = await getDb();
    const [row] = await selectRows<{ day: string }>(db, sql`select roundtable_day('2025-06-30T23:30:00Z')::text as day`);
    expect([row!.day, ukDay(new Date("2025-06-30T23:30:00Z")), ukDay(new Date("2025-02-28T23:30:00Z"))]).toEqual(["2025-07-01", "2025-07-01", "2025-02-28"]);
  });

  it("takes nothing from a private sub-community, which the parent's facilitators may not even find", async () => {
    const db = await getDb();
    const child = await makeCommunity({ name: "Private corner", visibility: "private", parent: community });
    await db.insert(memberships).values({ communityId: child.id, userId: people.Gus!.id, role: "owner", status: "active", joinedAt: at("2025-02-20T10:00:00Z") });
    await db.insert(posts).values({ communityId: child.id, authorId: people.Gus!.id, title: "Secret", kind: "question", createdAt: at("2025-02-21T10:00:00Z"), lastActivityAt: at("2025-02-21T10:00:00Z") });
    const a = await getCommunityAnalytics(owner, slug, { period: "4-weeks" }, now);
    expect(a.weeks).toEqual(expectedWeeks);
    expect(a.headline.questions.current).toBe(4);
    expect(await appErrorOf(() => getCommunityAnalytics(owner, child.slug, {}, now))).toMatchObject({ status: 404 });
  });

  it("is refused to members, and a made-up period falls back to 4 weeks", async () => {
    expect(await appErrorOf(() => getCommunityAnalytics(people.Ada!, slug, {}, now))).toMatchObject({ status: 403, message: "Only this community's facilitators can see its figures." });
    expect((await getCommunityAnalytics(owner, slug, { period: "decade" }, now)).period.key).toBe("4-weeks");
  });

  it("downloads each table as CSV, with the policy check, every row and formulas defused", async () => {
    const db = await getDb();
    await db.update(posts).set({ title: "=HYPERLINK(\"http://evil\")" }).where(eq(posts.id, ids.P3!));
    const { csv, filename } = await getAnalyticsCsv(owner, slug, "unanswered", { period: "4-weeks" }, now);
    expect(filename).toBe(`${slug}-unanswered-2025-02-05-to-2025-03-04.csv`);
    expect(csv).toBe(`Question,Asked by,Asked at,Address\r\n"'=HYPERLINK(""http://evil"")",Ada,2025-02-20T10:00:00.000Z,/c/${slug}/posts/${ids.P3}\r\n`);
    const weekly = (await getAnalyticsCsv(owner, slug, "weekly", {}, now)).csv.split("\r\n");
    expect(weekly[4]).toBe("2025-02-26,2025-03-04,6,1,1,4,3,0");
    expect(await appErrorOf(() => getAnalyticsCsv(owner, slug, "passwords", {}, now))).toMatchObject({ status: 404 });
    expect(await appErrorOf(() => getAnalyticsCsv(people.Ada!, slug, "weekly", {}, now))).toMatchObject({ status: 403 });
  });
});
