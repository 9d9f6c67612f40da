import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { approveRequest } from "@/lib/communities/members";
import { joinCommunity, leaveCommunity, requestToJoin } from "@/lib/communities/membership";
import { createCommunity } from "@/lib/communities/mutations";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { communities, memberships, posts } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { approvePost, deleteCommentAsModerator, deletePost, hideComment, hidePost, movePost, restoreComment, restorePost } from "@/lib/moderation/content";
import { banMember } from "@/lib/moderation/people";
import type { Viewer } from "@/lib/policy";
import { createComment, createPost, deleteComment } from "@/lib/posts/mutations";
import { makeUser } from "@/test/support/factories";
import { postInput } from "@/test/support/posts";

// Every counter is exact after creates, deletes, hides and restores, moves, approvals, bans,
// joins and leaves, racing one another. On PostgreSQL (TEST_DATABASE_URL) they truly run at
// once, on several connections; on the embedded database one after another. Afterwards the
// repair function, which recounts everything from the rows, must find nothing to correct, and
// no write may have failed with anything but the refusal a person would see (no deadlock).

let owner: Viewer;
let helper: Viewer;
let members: Viewer[];
let here = "";
let there = "";

beforeAll(async () => {
  owner = await makeUser({ name: "Counter Owner" });
  helper = await makeUser({ name: "Counter Facilitator" });
  members = await Promise.all(Array.from({ length: 12 }, (_, i) => makeUser({ name: `Counter Member ${i}` })));
  here = (await createCommunity(owner, { name: "Counted here", visibility: "open" })).slug;
  there = (await createCommunity(owner, { name: "Counted there", visibility: "restricted" })).slug;
  for (const slug of [here]) {
    await joinCommunity(helper, { slug });
    for (const m of members) await joinCommunity(m, { slug });
  }
  const db = await getDb();
  const [h] = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, here));
  await db.update(memberships).set({ role: "facilitator" }).where(sql`${memberships.communityId} = ${h!.id} and ${memberships.userId} = ${helper.id}`);
});

/** Runs every write at once; returns the errors that are not a refusal (a lost race is a refusal). */
async function race(writes: (() => Promise<unknown>)[]) {
  const results = await Promise.allSettled(writes.map((w) => w()));
  return results.flatMap((r) => (r.status === "rejected" && !isAppError(r.reason) ? [String(r.reason)] : []));
}

async function expectExact() {
  const db = await getDb();
  const [{ fixed }] = (await selectRows<{ fixed: number }>(db, sql`select roundtable_recount() as fixed`)) as [{ fixed: number }];
  expect(fixed).toBe(0);
  const drift = await selectRows<{ slug: string }>(
    db,
    sql`select c.slug from communities c where c.member_count <> coalesce((select sum(change) from membership_events e where e.community_id = c.id), 0)`,
  );
  expect(drift).toEqual([]);
}

describe("counters under concurrency", () => {
  it("stay exact through racing posts, approvals, hides, restores, deletes and moves", async () => {
    const db = await getDb();
    await db.update(communities).set({ premoderation: "everyone" }).where(eq(communities.slug, here));
    const created = await Promise.all(members.map((m, i) => createPost(m, here, postInput({ title: `Racing post ${i}`, idempotencyKey: `race-${i}` }))));
    const ids = created.map((c) => c.postId);
    // Each pending post approved twice at once, and posted again with the same key.
    expect(
      await race([
        ...ids.flatMap((id) => [() => approvePost(owner, id), () => approvePost(helper, id)]),
        ...members.map((m, i) => () => createPost(m, here, postInput({ title: `Racing post ${i}`, idempotencyKey: `race-${i}` }))),
      ]),
    ).toEqual([]);
    await expectExact();
    await db.update(communities).set({ premoderation: "off" }).where(eq(communities.slug, here));
    const replies = await Promise.all(ids.slice(0, 6).map((id, i) => createComment(members[(i + 1) % 12]!, id, { body: "<p>Agreed.</p>", bodyFormat: "html" })));
    const hide = (id: string) => hidePost(owner, id, { reason: "Off topic" });
    expect(
      await race([
        // The same post hidden by two facilitators, deleted by its author as it is hidden, moved while replied to.
        ...ids.slice(0, 4).flatMap((id) => [() => hide(id), () => hidePost(helper, id, { reason: "Duplicate" })]),
        ...ids.slice(2, 6).map((id, i) => () => deletePost(members[i + 2]!, id, {})),
        ...ids.slice(6, 9).flatMap((id, i) => [() => movePost(owner, id, { destination: there }), () => createComment(members[i]!, id, { body: "<p>Late reply.</p>", bodyFormat: "html" })]),
        ...ids.slice(9, 12).map((id) => () => createPost(owner, there, postInput({ title: `Other way ${id.slice(0, 4)}` })).then(({ postId }) => movePost(owner, postId, { destination: here }))),
        // Replies hidden, restored and deleted at once.
        ...replies.slice(0, 3).flatMap((r, i) => [() => hideComment(owner, r.commentId, { reason: "Rude" }), () => deleteComment(members[(i + 1) % 12]!, r.commentId)]),
        ...replies.slice(3, 6).flatMap((r) => [() => hideComment(owner, r.commentId, { reason: "Rude" }), () => deleteCommentAsModerator(helper, r.commentId, { reason: "Spam" })]),
      ]),
    ).toEqual([]);
    await expectExact();
    expect(await race([...ids.slice(0, 4).flatMap((id) => [() => restorePost(owner, id), () => restorePost(helper, id)]), ...replies.map((r) => () => restoreComment(owner, r.commentId))])).toEqual([]);
    await expectExact();
    const live = await db.select({ n: sql<number>`count(*)::int` }).from(posts).where(and(inArray(posts.id, ids), sql`status = 'published' and hidden_at is null and deleted_at is null`));
    expect(live[0]!.n).toBeGreaterThan(0);
  });

  it("stay exact through racing joins, leaves, requests, approvals and bans", async () => {
    const outsiders = await Promise.all(Array.from({ length: 6 }, (_, i) => makeUser({ name: `Joiner ${i}` })));
    for (const o of outsiders.slice(0, 3)) await requestToJoin(o, there, {});
    expect(
      await race([
        ...outsiders.slice(3).flatMap((o) => [() => joinCommunity(o, { slug: here }), () => joinCommunity(o, { slug: here })]),
        ...outsiders.slice(0, 3).flatMap((o) => [() => approveRequest(owner, there, { userId: o.id }), () => approveRequest(owner, there, { userId: o.id })]),
        ...members.slice(0, 3).flatMap((m) => [() => leaveCommunity(m, here), () => leaveCommunity(m, here)]),
        ...members.slice(3, 6).flatMap((m) => [() => banMember(owner, here, { userId: m.id, reason: "Spam" }), () => banMember(helper, here, { userId: m.id, reason: "Spam" })]),
        () => banMember(owner, there, { userId: outsiders[0]!.id, reason: "Spam" }),
      ]),
    ).toEqual([]);
    await expectExact();
  });
});
