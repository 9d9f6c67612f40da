import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { createComment } from "@/lib/posts/mutations";
import { toggleHelpfulPost } from "@/lib/posts/reactions";
import { appErrorOf } from "@/test/support/errors";
import { makeUser } from "@/test/support/factories";
import { communityWith, makePost } from "@/test/support/posts";
import { eq } from "drizzle-orm";
import { enforce, slidingWait, tryAgainIn } from ".";

process.env.RATE_LIMITS = "on";

let veteran: Viewer;
let owner: Viewer;

async function ageAccount(viewer: Viewer, days: number) {
  const db = await getDb();
  await db.update(users).set({ createdAt: sql`now() - make_interval(days => ${days})` }).where(eq(users.id, viewer.id));
  return { ...viewer, createdAt: new Date(Date.now() - days * 86_400_000) };
}

beforeAll(async () => {
  owner = await ageAccount(await makeUser({ name: "Limit Owner" }), 30);
  veteran = await ageAccount(await makeUser({ name: "Veteran Poster" }), 30);
});

describe("rate limits in Postgres", () => {
  it("let exactly the cap through when 20 requests race", async () => {
    const db = await getDb();
    // A decade-long window, so the race never straddles a window boundary whatever the clock says.
    const cap = { kind: "cap" as const, key: "race-cap", limit: 5, windowSeconds: 10 * 365 * 86_400, message: "Slow down." };
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => db.transaction((tx) => enforce(tx, [cap]))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 429 });
    expect(refused.reason.message).toMatch(/^Slow down\. Please try again in \d+ hours\.$/);
  });

  it("let exactly one through a gate when 10 requests race", async () => {
    const db = await getDb();
    const gate = { kind: "gate" as const, key: "race-gate", seconds: 15, message: "One at a time." };
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => db.transaction((tx) => enforce(tx, [gate]))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("count the previous window's hits, weighed, with this window's", async () => {
    const db = await getDb();
    const cap = (key: string) => ({ kind: "cap" as const, key, limit: 10, windowSeconds: 900, message: "Slow down." });
    // A flood in the previous window still counts, however far into this window the clock is.
    await db.execute(sql`insert into rate_limit_counters (key, window_start, hits)
      values ('flooded-before', to_timestamp(floor(extract(epoch from now()) / 900) * 900 - 900), 1000000)`);
    expect((await appErrorOf(() => db.transaction((tx) => enforce(tx, [cap("flooded-before")])))).status).toBe(429);
    await db.transaction((tx) => enforce(tx, [cap("quiet-before")]));
  });

  it("weigh the previous window by how much of it still falls within the sliding window", () => {
    // Half-way through the window, half of the previous window's 10 hits still count.
    expect(slidingWait(10, 900, { hits: 5, previous: 10, elapsed: 450 })).toBe(0);
    expect(slidingWait(10, 900, { hits: 6, previous: 10, elapsed: 450 })).toBe(180);
    // Over the cap in this window: the rest of it, then until its own weight lets one more through.
    expect(slidingWait(10, 900, { hits: 11, previous: 0, elapsed: 600 })).toBe(300 + Math.ceil(900 * (1 - 9 / 11)));
    expect(slidingWait(5, 60, { hits: 3, previous: 0, elapsed: 10 })).toBe(0);
  });

  it("say when to try again in plain words", () => {
    expect(tryAgainIn(1)).toBe("Please wait 1 second and try again.");
    expect(tryAgainIn(12)).toBe("Please wait 12 seconds and try again.");
    expect(tryAgainIn(600)).toBe("Please try again in 10 minutes.");
    expect(tryAgainIn(4 * 3600)).toBe("Please try again in 4 hours.");
  });
});

describe("limits on members", () => {
  it("allow a new post every 15 seconds, and a retry of the same submit is not refused", async () => {
    const slug = await communityWith(owner, "Posting pace", [veteran]);
    const first = await makePost(veteran, slug, { idempotencyKey: "pace-1" });
    const again = await makePost(veteran, slug, { idempotencyKey: "pace-1" });
    expect(again.postId).toBe(first.postId);
    const error = await appErrorOf(() => makePost(veteran, slug, { idempotencyKey: "pace-2", title: "Too soon" }));
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/^You are starting posts too quickly\. Please wait 1[0-5] seconds and try again\.$/);
    const db = await getDb();
    await db.execute(sql`update rate_limit_gates set next_allowed_at = now() where key = ${`post:${veteran.id}`}`);
    expect((await makePost(veteran, slug, { idempotencyKey: "pace-2" })).created).toBe(true);
  });

  it("hold accounts on their first day to a slower pace", async () => {
    const newcomer = await makeUser({ name: "Brand New" });
    const slug = await communityWith(owner, "Newcomer pace", [newcomer]);
    const { postId } = await makePost(newcomer, slug);
    await createComment(newcomer, postId, { body: "<p>One</p>", bodyFormat: "html" });
    const db = await getDb();
    await db.execute(sql`update rate_limit_gates set next_allowed_at = now() + interval '6 seconds' where key = ${`reply:${newcomer.id}`}`);
    const error = await appErrorOf(() => createComment(newcomer, postId, { body: "<p>Two</p>", bodyFormat: "html" }));
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/replying too quickly/);
  });

  it("cap helpful marks at 50 a day, counting only new marks", async () => {
    const slug = await communityWith(owner, "Helpful cap", [veteran]);
    const db = await getDb();
    const { postId } = await makePost(owner, slug);
    await db.execute(sql`insert into rate_limit_counters (key, window_start, hits) values (${`reactions-day:${veteran.id}`}, to_timestamp(floor(extract(epoch from now()) / 86400) * 86400), 50)`);
    const error = await appErrorOf(() => toggleHelpfulPost(veteran, postId));
    expect([error.status, error.message]).toEqual([429, expect.stringMatching(/today's limit of 50 helpful marks/)]);
  });
  // Sign-in, sign-up and mail limits: account-limits.test.ts.
});
