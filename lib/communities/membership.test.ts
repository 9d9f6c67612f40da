import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { communities, memberships } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { makeUser } from "@/test/support/factories";
import { approveRequest, declineRequest, listMembers, removeMember, setMemberRole } from "./members";
import { joinCommunity, leaveCommunity, requestToJoin, withdrawRequest } from "./membership";
import { createCommunity } from "./mutations";
import { getCommunityPage } from "./page";

let owner: Viewer;
let alex: Viewer;
let sam: Viewer;

beforeAll(async () => {
  owner = await makeUser({ name: "Olu Owner" });
  alex = await makeUser({ name: "Alex Jones", organisation: "Brackenford District Council", jobTitle: "Policy Officer" });
  sam = await makeUser({ name: "Sam Patel", organisation: "Castlemere Borough Council", jobTitle: "Data Analyst" });
});

async function memberCount(slug: string) {
  const db = await getDb();
  const [row] = await db.select({ stored: communities.memberCount, id: communities.id }).from(communities).where(eq(communities.slug, slug));
  const [actual] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.communityId, row!.id), eq(memberships.status, "active")));
  return { stored: row!.stored, actual: actual!.n };
}

describe("joining and leaving", () => {
  it("joins an open community once, and leaves it", async () => {
    const { slug } = await createCommunity(owner, { name: "Join and leave", visibility: "open" });
    expect((await joinCommunity(alex, { slug })).joined).toBe(true);
    await expect(joinCommunity(alex, { slug })).rejects.toMatchObject({ status: 403 });
    expect(await memberCount(slug)).toEqual({ stored: 2, actual: 2 });
    await leaveCommunity(alex, slug);
    expect(await memberCount(slug)).toEqual({ stored: 1, actual: 1 });
  });

  it("keeps the last owner until ownership is handed over", async () => {
    const { slug } = await createCommunity(owner, { name: "Last owner", visibility: "open" });
    await joinCommunity(alex, { slug });
    const error = await appErrorOf(() => leaveCommunity(owner, slug));
    expect(error.status).toBe(403);
    const demote = await appErrorOf(() => setMemberRole(owner, slug, { userId: owner.id, role: "member" }));
    expect(demote.message).toMatch(/needs an owner/);
    await setMemberRole(owner, slug, { userId: alex.id, role: "owner" });
    await leaveCommunity(owner, slug);
    const page = await getCommunityPage(alex, slug);
    expect(page.myMembership?.role).toBe("owner");
    expect(page.community.memberCount).toBe(1);
  });

  it("leaving a closed community also leaves what sits inside it", async () => {
    const parent = await createCommunity(owner, { name: "Closed with children", visibility: "restricted" });
    const child = await createCommunity(owner, { name: "Closed child", visibility: "private", parentSlug: parent.slug });
    await requestToJoin(alex, parent.slug, {});
    await approveRequest(owner, parent.slug, { userId: alex.id });
    const db = await getDb();
    const [childRow] = await db.select().from(communities).where(eq(communities.slug, child.slug));
    await db.insert(memberships).values({ communityId: childRow!.id, userId: alex.id, status: "active" });
    await leaveCommunity(alex, parent.slug);
    expect(await memberCount(child.slug)).toEqual({ stored: 1, actual: 1 });
  });
});

describe("requests to join", () => {
  it("goes from request to approval, with the count moving once", async () => {
    const { slug } = await createCommunity(owner, { name: "By request", visibility: "restricted" });
    await expect(joinCommunity(alex, { slug })).rejects.toMatchObject({ status: 403 });
    await requestToJoin(alex, slug, { message: "I lead on this at Brackenford." });
    const page = await getCommunityPage(owner, slug);
    expect(page.requests).toEqual([expect.objectContaining({ userId: alex.id, message: "I lead on this at Brackenford." })]);
    expect((await getCommunityPage(alex, slug)).allowed.withdrawRequest).toBe(true);
    await approveRequest(owner, slug, { userId: alex.id });
    expect(await memberCount(slug)).toEqual({ stored: 2, actual: 2 });
    await expect(approveRequest(owner, slug, { userId: alex.id })).rejects.toMatchObject({ status: 404 });
  });

  it("can be withdrawn by the requester or declined by a facilitator", async () => {
    const { slug } = await createCommunity(owner, { name: "Decline me", visibility: "restricted" });
    await requestToJoin(alex, slug, {});
    await withdrawRequest(alex, slug);
    expect((await getCommunityPage(owner, slug)).requests).toEqual([]);
    await requestToJoin(sam, slug, {});
    await expect(declineRequest(alex, slug, { userId: sam.id })).rejects.toMatchObject({ status: 403 });
    await declineRequest(owner, slug, { userId: sam.id });
    expect(await memberCount(slug)).toEqual({ stored: 1, actual: 1 });
  });

  it("refuses an over-long message", async () => {
    const { slug } = await createCommunity(owner, { name: "Long message", visibility: "restricted" });
    const error = await appErrorOf(() => requestToJoin(alex, slug, { message: "m".repeat(501) }));
    expect(error.fieldErrors?.message?.[0]).toMatch(/500 characters or fewer/);
  });
});

describe("managing members", () => {
  it("lists members with roles, organisation and job title, searchable and paged by keyset", async () => {
    const { slug } = await createCommunity(owner, { name: "Members list", visibility: "open" });
    await joinCommunity(alex, { slug });
    await joinCommunity(sam, { slug });
    const all = await listMembers(owner, slug, { limit: "2" });
    expect(all.items.map((m) => m.name)).toEqual(["Alex Jones", "Olu Owner"]);
    expect(all.nextCursor).toBeTruthy();
    const rest = await listMembers(owner, slug, { limit: "2", cursor: all.nextCursor! });
    expect(rest.items.map((m) => m.name)).toEqual(["Sam Patel"]);
    expect(rest.nextCursor).toBeNull();
    const found = await listMembers(alex, slug, { q: "castlemere" });
    expect(found.items).toEqual([expect.objectContaining({ name: "Sam Patel", jobTitle: "Data Analyst", role: "member" })]);
    await expect(listMembers(alex, slug, { cursor: "not-a-cursor" })).rejects.toMatchObject({ status: 400 });
  });

  it("promotes, demotes and removes, as the policy allows", async () => {
    const { slug } = await createCommunity(owner, { name: "Roles", visibility: "open" });
    await joinCommunity(alex, { slug });
    await joinCommunity(sam, { slug });
    await setMemberRole(owner, slug, { userId: alex.id, role: "facilitator" });
    await expect(removeMember(alex, slug, { userId: owner.id })).rejects.toMatchObject({ status: 403 });
    await removeMember(alex, slug, { userId: sam.id });
    expect(await memberCount(slug)).toEqual({ stored: 2, actual: 2 });
    await expect(setMemberRole(owner, slug, { userId: alex.id, role: "emperor" })).rejects.toMatchObject({ status: 400 });
  });

  it("refuses a member who was removed a moment ago on their very next request", async () => {
    const { slug } = await createCommunity(owner, { name: "Removed now", visibility: "private" });
    const db = await getDb();
    const [row] = await db.select().from(communities).where(eq(communities.slug, slug));
    await db.insert(memberships).values({ communityId: row!.id, userId: sam.id, status: "active" });
    expect((await getCommunityPage(sam, slug)).allowed.read).toBe(true);
    await removeMember(owner, slug, { userId: sam.id });
    await expect(getCommunityPage(sam, slug)).rejects.toMatchObject({ status: 404 });
    await expect(listMembers(sam, slug, {})).rejects.toMatchObject({ status: 404 });
  });
});

describe("counts under concurrency", () => {
  it("stays exact through 100 concurrent joins and leaves", async () => {
    const { slug } = await createCommunity(owner, { name: "Busy network", visibility: "open" });
    const people = await Promise.all(Array.from({ length: 100 }, (_, i) => makeUser({ name: `Concurrent ${i}` })));
    const [stay, go] = [people.slice(0, 50), people.slice(50)];
    await Promise.all(go.map((p) => joinCommunity(p, { slug })));
    // 50 join while 50 leave, all at once, with a duplicate join for 25 of them that must not count twice.
    await Promise.all([
      ...stay.map((p) => joinCommunity(p, { slug })),
      ...go.map((p) => leaveCommunity(p, slug)),
      ...stay.slice(0, 25).map((p) => joinCommunity(p, { slug }).catch(() => undefined)),
    ]);
    expect(await memberCount(slug)).toEqual({ stored: 51, actual: 51 });
  });
});
