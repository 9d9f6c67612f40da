import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { communities, memberships } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { makeUser } from "@/test/support/factories";
import { createCommunity, setArchived, updateCommunity } from "./mutations";
import { getCommunityPage } from "./page";
import { joinCommunity } from "./membership";

let alice: Viewer;
let bob: Viewer;

async function counts() {
  const db = await getDb();
  const [row] = await db
    .select({ c: sql<number>`(select count(*)::int from communities)`, m: sql<number>`(select count(*)::int from memberships)` })
    .from(sql`(select 1) one`);
  return row;
}

beforeAll(async () => {
  alice = await makeUser({ name: "Alice" });
  bob = await makeUser({ name: "Bob" });
});

describe("creating communities", () => {
  it("makes the creator its only owner, with a slug from the name and a random suffix", async () => {
    const { slug } = await createCommunity(alice, { name: "Housing Options & Homelessness", purpose: "Peer support.", visibility: "open" });
    expect(slug).toMatch(/^housing-options-and-homelessness-[0-9a-f]{6}$/);
    const page = await getCommunityPage(alice, slug);
    expect(page.community.memberCount).toBe(1);
    expect(page.myMembership).toMatchObject({ role: "owner", status: "active" });
  });

  it("keeps the slug when the community is renamed", async () => {
    const { slug } = await createCommunity(alice, { name: "Parking services", visibility: "open" });
    await updateCommunity(alice, slug, { name: "Parking and traffic services", purpose: "", visibility: "open" });
    const page = await getCommunityPage(alice, slug);
    expect(page.community.name).toBe("Parking and traffic services");
    expect(page.community.slug).toBe(slug);
  });

  it("gives a name the site uses for its own pages an address that cannot clash with them", async () => {
    expect((await createCommunity(alice, { name: "New", visibility: "open" })).slug).toMatch(/^new-[0-9a-f]{6}$/);
  });

  it("gives a second community with a hidden twin's name a random suffix, not a counter", async () => {
    await createCommunity(alice, { name: "Redundancy planning", visibility: "private" });
    const { slug } = await createCommunity(bob, { name: "Redundancy planning", visibility: "open" });
    expect(slug).toMatch(/^redundancy-planning-[0-9a-f]{6}$/);
  });

  type Case = { label: string; setup?: () => Promise<unknown>; attempt: (context: unknown) => Promise<unknown>; status: number; field: string; message: RegExp };
  const badInput: Case[] = [
    {
      label: "a duplicate name beside a visible community",
      setup: () => createCommunity(alice, { name: "Waste network", visibility: "open" }),
      attempt: () => createCommunity(bob, { name: "waste NETWORK", visibility: "open" }),
      status: 409,
      field: "name",
      message: /already a community called/,
    },
    { label: "an empty name", attempt: () => createCommunity(alice, { name: "  ", visibility: "open" }), status: 400, field: "name", message: /Enter a name/ },
    {
      label: "an over-long purpose",
      attempt: () => createCommunity(alice, { name: "Long purpose", purpose: "p".repeat(1001), visibility: "open" }),
      status: 400,
      field: "purpose",
      message: /1000 characters or fewer/,
    },
    { label: "an unknown visibility", attempt: () => createCommunity(alice, { name: "Odd", visibility: "secret" }), status: 400, field: "visibility", message: /Choose who can find/ },
    {
      label: "a child more open than its parent",
      setup: () => createCommunity(alice, { name: "Closed parent", visibility: "restricted" }),
      attempt: (parent) => createCommunity(alice, { name: "Open child", visibility: "open", parentSlug: (parent as { slug: string }).slug }),
      status: 400,
      field: "visibility",
      message: /cannot be more open than “Closed parent”, which is restricted/,
    },
  ];
  for (const { label, setup, attempt, status, field, message } of badInput) {
    it(`refuses ${label} with a ${status}, and writes nothing`, async () => {
      const context = await setup?.();
      const before = await counts();
      const error = await appErrorOf(() => attempt(context));
      expect(error.status).toBe(status);
      expect(error.fieldErrors?.[field]?.[0]).toMatch(message);
      expect(await counts()).toEqual(before);
    });
  }

  it("nests three levels deep and no further", async () => {
    const one = await createCommunity(alice, { name: "Level one", visibility: "open" });
    const two = await createCommunity(alice, { name: "Level two", visibility: "open", parentSlug: one.slug });
    const three = await createCommunity(alice, { name: "Level three", visibility: "private", parentSlug: two.slug });
    const before = await counts();
    const error = await appErrorOf(() => createCommunity(alice, { name: "Level four", visibility: "private", parentSlug: three.slug }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/3 levels deep at most/);
    expect(await counts()).toEqual(before);
    const page = await getCommunityPage(alice, three.slug);
    expect(page.breadcrumb.map((b) => b.name)).toEqual(["Level one", "Level two"]);
  });

  it("lets only facilitators of the parent add sub-communities", async () => {
    const parent = await createCommunity(alice, { name: "Facilitated parent", visibility: "open" });
    await joinCommunity(bob, { slug: parent.slug });
    const error = await appErrorOf(() => createCommunity(bob, { name: "Bob's child", visibility: "open", parentSlug: parent.slug }));
    expect(error.status).toBe(403);
  });

  it("hides a parent the viewer cannot see behind a 404", async () => {
    const hidden = await createCommunity(alice, { name: "Hidden parent", visibility: "private" });
    const error = await appErrorOf(() => createCommunity(bob, { name: "Child", visibility: "private", parentSlug: hidden.slug }));
    expect(error.status).toBe(404);
  });
});

describe("changing visibility", () => {
  it("closes every sub-community at least as far as its parent, in one go", async () => {
    const top = await createCommunity(alice, { name: "Cascade top", visibility: "open" });
    const mid = await createCommunity(alice, { name: "Cascade mid", visibility: "open", parentSlug: top.slug });
    const low = await createCommunity(alice, { name: "Cascade low", visibility: "restricted", parentSlug: mid.slug });
    const already = await createCommunity(alice, { name: "Cascade private", visibility: "private", parentSlug: top.slug });
    await updateCommunity(alice, top.slug, { name: "Cascade top", purpose: "", visibility: "restricted" });
    const db = await getDb();
    const rows = await db
      .select({ slug: communities.slug, visibility: communities.visibility })
      .from(communities)
      .where(sql`${communities.slug} in (${top.slug}, ${mid.slug}, ${low.slug}, ${already.slug})`);
    expect(Object.fromEntries(rows.map((r) => [r.slug, r.visibility]))).toEqual({
      [top.slug]: "restricted",
      [mid.slug]: "restricted",
      [low.slug]: "restricted",
      [already.slug]: "private",
    });
  });

  it("refuses to open a sub-community beyond its parent", async () => {
    const parent = await createCommunity(alice, { name: "Private parent", visibility: "private" });
    const child = await createCommunity(alice, { name: "Private child", visibility: "private", parentSlug: parent.slug });
    const error = await appErrorOf(() => updateCommunity(alice, child.slug, { name: "Private child", visibility: "open" }));
    expect(error.status).toBe(400);
    expect(error.fieldErrors?.visibility?.[0]).toMatch(/Choose private/);
  });

  it("lets members, but not facilitators' peers, see and not change settings", async () => {
    const { slug } = await createCommunity(alice, { name: "Settings check", visibility: "open" });
    await joinCommunity(bob, { slug });
    const error = await appErrorOf(() => updateCommunity(bob, slug, { name: "Taken over", visibility: "open" }));
    expect(error.status).toBe(403);
  });
});

describe("archiving", () => {
  it("makes a community read-only until it is brought back", async () => {
    const { slug } = await createCommunity(alice, { name: "Old programme", visibility: "open" });
    await setArchived(alice, slug, true);
    expect((await getCommunityPage(bob, slug)).allowed.join).toBe(false);
    const error = await appErrorOf(() => joinCommunity(bob, { slug }));
    expect(error.status).toBe(403);
    const edit = await appErrorOf(() => updateCommunity(alice, slug, { name: "Renamed", visibility: "open" }));
    expect(edit.status).toBe(403);
    await setArchived(alice, slug, false);
    await joinCommunity(bob, { slug });
    const db = await getDb();
    const rows = await db.select().from(memberships).where(eq(memberships.userId, bob.id));
    expect(rows.some((r) => r.status === "active")).toBe(true);
  });
});
