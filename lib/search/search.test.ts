import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { removeMember } from "@/lib/communities/members";
import { joinCommunity } from "@/lib/communities/membership";
import { createCommunity } from "@/lib/communities/mutations";
import { getDb } from "@/lib/db/client";
import { posts, users } from "@/lib/db/schema";
import { hideComment, hidePost } from "@/lib/moderation/content";
import { updateModerationSettings } from "@/lib/moderation/settings";
import type { MaybeViewer, Viewer } from "@/lib/policy";
import { saveProfile } from "@/lib/people/profile";
import { createComment, createPost } from "@/lib/posts/mutations";
import { appErrorOf } from "@/test/support/errors";
import { addMembership, makeUser } from "@/test/support/factories";
import { postInput } from "@/test/support/posts";
import { search } from ".";
import { searchPosts } from "./posts";
import { searchSchema } from "./query";
import { MARK_END, MARK_START, snippetHtml } from "./snippet";

const post = (author: Viewer, slug: string, title: string, body: string, extra: Record<string, unknown> = {}) =>
  createPost(author, slug, postInput({ title, body: `<p>${body}</p>`, ...extra }));

describe("search never leaks", () => {
  const actors: Record<string, MaybeViewer> = {};
  let openSlug = "";

  beforeAll(async () => {
    const owner = await makeUser({ name: "Owner of all" });
    const facilitator = await makeUser({ name: "Open facilitator" });
    const author = await makeUser({ name: "Open author" });
    const member = await makeUser({ name: "Open member" });
    const removed = await makeUser({ name: "Removed member" });
    Object.assign(actors, {
      anonymous: null,
      suspended: await makeUser({ status: "suspended" }),
      admin: await makeUser({ siteRole: "admin" }),
      nonMember: await makeUser({ name: "Nobody special" }),
      member,
      author,
      facilitator,
      removed,
    });
    openSlug = (await createCommunity(owner, { name: "Open square", visibility: "open" })).slug;
    const db = await getDb();
    const [openRow] = await db.execute(sql`select id from communities where slug = ${openSlug}`).then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    await addMembership(openRow!.id, facilitator.id, "active", "facilitator");
    for (const v of [author, member]) await joinCommunity(v, { slug: openSlug });
    await post(member, openSlug, "Control post", "quokkaword in the open");
    const hidden = await post(author, openSlug, "Hidden post", "quokkaword hidden away");
    await hidePost(facilitator, hidden.postId, { reason: "Off topic" });
    const visible = await post(member, openSlug, "Post with a hidden reply", "nothing to see");
    const reply = await createComment(author, visible.postId, { body: "<p>quokkaword in a hidden reply</p>", bodyFormat: "html" });
    await hideComment(facilitator, reply.commentId, { reason: "Rude" });
    await updateModerationSettings(facilitator, openSlug, { premoderation: "everyone", premoderationDays: "7" });
    await post(author, openSlug, "Pending post", "quokkaword awaiting approval");

    const { slug: privateSlug } = await createCommunity(owner, { name: "Private board", visibility: "private" });
    await post(owner, privateSlug, "Private post", "quokkaword behind closed doors");
    const { slug: nested } = await createCommunity(owner, { name: "Nested secret", visibility: "private", parentSlug: privateSlug });
    await post(owner, nested, "Nested post", "quokkaword two levels down");
    const { slug: restricted } = await createCommunity(owner, { name: "Restricted forum", visibility: "restricted" });
    await post(owner, restricted, "Restricted post", "quokkaword for members only");
    const { slug: removedFrom } = await createCommunity(owner, { name: "Removed from here", visibility: "private" });
    const [removedRow] = await db.execute(sql`select id from communities where slug = ${removedFrom}`).then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    await addMembership(removedRow!.id, removed.id);
    await post(owner, removedFrom, "Removed-from post", "quokkaword after they left");
    await removeMember(owner, removedFrom, { userId: removed.id });
  });

  const sees: Record<string, string[]> = {
    nonMember: ["Control post"],
    member: ["Control post"],
    removed: ["Control post"],
    // The author wrote the hidden post, the pending post and the hidden reply.
    author: ["Control post", "Hidden post", "Pending post", "Post with a hidden reply"],
    facilitator: ["Control post", "Hidden post", "Pending post", "Post with a hidden reply"],
    admin: ["Control post", "Hidden post", "Nested post", "Pending post", "Post with a hidden reply", "Private post", "Removed-from post", "Restricted post"],
  };

  for (const [actor, titles] of Object.entries(sees)) {
    it(`${actor}: results, counts, facets and snippets hold only what they may read`, async () => {
      const result = await search(actors[actor]!, { q: "quokkaword", limit: "50" });
      const found = result.posts!.items.map((p) => p.title).sort();
      const expected = [...titles].sort();
      expect(found).toEqual(expected);
      expect(result.posts!.facets.total).toBe(expected.length);
      const facetCount = result.posts!.facets.communities.reduce((n, c) => n + c.count, 0);
      expect(facetCount).toBe(expected.length);
      const kinds = result.posts!.facets.kinds.reduce((n, k) => n + k.count, 0);
      expect(kinds).toBe(expected.length);
      const everything = JSON.stringify(result);
      for (const secret of ["Private board", "Nested secret", "Restricted forum", "Removed from here", "closed doors", "two levels down", "members only", "after they left"]) {
        if (actor !== "admin") expect(everything).not.toContain(secret);
      }
      if (!["author", "facilitator", "admin"].includes(actor)) {
        for (const secret of ["hidden away", "awaiting approval", "hidden reply"]) expect(everything).not.toContain(secret);
      }
    });
  }

  it("refuses the signed-out and the suspended", async () => {
    expect((await appErrorOf(() => search(actors.anonymous!, { q: "quokkaword" }))).status).toBe(401);
    expect((await appErrorOf(() => search(actors.suspended!, { q: "quokkaword" }))).status).toBe(403);
  });

  it("treats a community the viewer cannot read as not there at all", async () => {
    const missing = await appErrorOf(() => search(actors.nonMember!, { q: "quokkaword", community: "no-such-place" }));
    const hidden = await appErrorOf(() => search(actors.nonMember!, { q: "quokkaword", community: "private-board" }));
    expect([hidden.status, hidden.message]).toEqual([missing.status, missing.message]);
  });
});

describe("relevance", () => {
  let slug = "";
  let viewer: Viewer;

  beforeAll(async () => {
    viewer = await makeUser({ name: "Relevance reader" });
    slug = (await createCommunity(viewer, { name: "Relevance", visibility: "open" })).slug;
    await post(viewer, slug, "Notes from the quarterly meeting", "We talked about the performance framework and its measures.");
    await post(viewer, slug, "Performance framework refresh", "A short note on what we changed.");
    await post(viewer, slug, "Framework for scrutiny", "Performance reporting to members is improving, and the framework helps.");
    await post(viewer, slug, "County council benchmarking", "The performance framework in a county setting.");
    await post(viewer, slug, "Unitary authority lessons", "How a unitary council reorganised.");
    await post(viewer, slug, "Commissioning update", "We commissioned three providers this year.");
  });

  const titles = async (q: string) => (await search(viewer, { q, type: "posts" })).posts!.items.map((p) => p.title);

  it("ranks a title match above a body match", async () => {
    const found = await titles("performance framework");
    expect(found.indexOf("Performance framework refresh")).toBeLessThan(found.indexOf("Notes from the quarterly meeting"));
  });

  it("ranks the phrase above the same words scattered", async () => {
    const found = await titles("performance framework");
    expect(found.indexOf("Notes from the quarterly meeting")).toBeLessThan(found.indexOf("Framework for scrutiny"));
  });

  it("excludes with a minus, and finds either with OR", async () => {
    expect(await titles(`"performance framework" -county`)).not.toContain("County council benchmarking");
    expect((await titles("county OR unitary")).sort()).toEqual(["County council benchmarking", "Unitary authority lessons"]);
    expect(await titles(`"performance framework" -county OR unitary`)).toContain("Unitary authority lessons");
  });

  it("finds other forms of a word (commissioning finds commissioned)", async () => {
    expect(await titles("commissioning")).toContain("Commissioning update");
    expect(await titles("commission")).toContain("Commissioning update");
  });

  it("marks matches in a safe snippet", async () => {
    await post(viewer, slug, "Escaping check", "", { body: "Typed as text: <script>alert(1)</script> about zebrafish here", bodyFormat: "plain" });
    const [hit] = (await search(viewer, { q: "zebrafish" })).posts!.items;
    expect(hit!.snippet).toContain("<mark>zebrafish</mark>");
    expect(hit!.snippet).not.toMatch(/<(?!\/?mark>)/);
    expect(snippetHtml(`a <img src=x onerror=alert(1)> & ${MARK_START}match${MARK_END}`)).toBe("a &lt;img src=x onerror=alert(1)&gt; &amp; <mark>match</mark>");
  });

  it("sorts by newest and pages by keyset without repeats", async () => {
    const first = await search(viewer, { q: "performance", sort: "newest", limit: "2" });
    const second = await search(viewer, { q: "performance", sort: "newest", limit: "2", cursor: first.posts!.nextCursor! });
    const all = [...first.posts!.items, ...second.posts!.items].map((p) => p.id);
    expect(new Set(all).size).toBe(all.length);
    expect(first.posts!.items[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(first.posts!.items[1]!.createdAt.getTime());
    const byRank = await search(viewer, { q: "performance", limit: "2" });
    const nextByRank = await search(viewer, { q: "performance", limit: "2", cursor: byRank.posts!.nextCursor! });
    expect(nextByRank.posts!.items.map((p) => p.id)).not.toContain(byRank.posts!.items[0]!.id);
  });

  it("finds a post through a reply", async () => {
    const { postId } = await post(viewer, slug, "A quiet post", "Nothing special.");
    await createComment(viewer, postId, { body: "<p>The wombatword is in this reply.</p>", bodyFormat: "html" });
    const [hit] = (await search(viewer, { q: "wombatword" })).posts!.items;
    expect(hit).toMatchObject({ title: "A quiet post", matchedCommentId: expect.any(String) });
    expect(hit!.snippet).toContain("<mark>wombatword</mark>");
  });
});

describe("a word too common to rank every match", () => {
  it("ranks only the newest matching posts and replies, posts first, the same way each time, and says there are more", async () => {
    const me = await makeUser({ name: "Common word reader" });
    const slug = (await createCommunity(me, { name: "Common words", visibility: "open" })).slug;
    for (const n of [1, 2, 3, 4]) await post(me, slug, `Xylofoamword notes ${n}`, "Written up.");
    for (const n of [1, 2, 3]) {
      const { postId } = await post(me, slug, `Quiet post ${n}`, "Nothing special.");
      await createComment(me, postId, { body: "<p>A xylofoamword in a reply.</p>", bodyFormat: "html" });
    }
    const db = await getDb();
    const q = searchSchema.parse({ q: "xylofoamword" });
    const bounded = async () => searchPosts(db, me, q, null, { posts: 3, replies: 2 });
    const first = await bounded();
    const found = first.items.map((p) => p.title);
    // The three newest posts that hold the word, then the posts of the two newest replies that do.
    expect(found.slice(0, 3).sort()).toEqual(["Xylofoamword notes 2", "Xylofoamword notes 3", "Xylofoamword notes 4"]);
    expect(found.slice(3).sort()).toEqual(["Quiet post 2", "Quiet post 3"]);
    expect(first.facets).toMatchObject({ total: 5, capped: true });
    expect((await bounded()).items.map((p) => p.id)).toEqual(first.items.map((p) => p.id));
    const all = await searchPosts(db, me, q, null);
    expect(all.items).toHaveLength(7);
    expect(all.facets).toMatchObject({ total: 7, capped: false });
  });
});

describe("filters and facets", () => {
  it("filter by community (with its sub-communities), kind, author, tag, dates and answer", async () => {
    const me = await makeUser({ name: "Filter person" });
    const other = await makeUser({ name: "Other author" });
    const top = (await createCommunity(me, { name: "Filter top", visibility: "open" })).slug;
    const sub = (await createCommunity(me, { name: "Filter sub", visibility: "open", parentSlug: top })).slug;
    const elsewhere = (await createCommunity(me, { name: "Filter elsewhere", visibility: "open" })).slug;
    await joinCommunity(other, { slug: top });
    await post(me, top, "Top discussion", "hedgehog plans", { tags: "housing" });
    await post(me, sub, "Sub question", "hedgehog question", { kind: "question" });
    await post(other, top, "Other's article", "hedgehog article", { kind: "article" });
    await post(me, elsewhere, "Elsewhere", "hedgehog elsewhere");
    const titles = async (extra: Record<string, string>) =>
      (await search(me, { q: "hedgehog", ...extra })).posts!.items.map((p) => p.title).sort();
    expect(await titles({ community: top })).toEqual(["Other's article", "Sub question", "Top discussion"]);
    expect(await titles({ community: sub })).toEqual(["Sub question"]);
    expect(await titles({ kind: "question" })).toEqual(["Sub question"]);
    expect(await titles({ author: other.id })).toEqual(["Other's article"]);
    expect(await titles({ tag: "HOUSING" })).toEqual(["Top discussion"]);
    expect(await titles({ answered: "no" })).toEqual(["Sub question"]);
    expect(await titles({ answered: "yes" })).toEqual([]);
    const db = await getDb();
    await db.update(posts).set({ createdAt: new Date("2024-01-15T10:00:00Z") }).where(eq(posts.title, "Elsewhere"));
    expect(await titles({ from: "2024-01-01", to: "2024-01-31" })).toEqual(["Elsewhere"]);
    expect(await titles({ to: "2024-12-31" })).toEqual(["Elsewhere"]);
    const facets = (await search(me, { q: "hedgehog" })).posts!.facets;
    expect(facets.kinds).toEqual(expect.arrayContaining([{ kind: "discussion", count: 2 }, { kind: "question", count: 1 }, { kind: "article", count: 1 }]));
    expect(facets.tags).toEqual([{ tag: "housing", count: 1 }]);
    expect(facets.answered).toEqual({ yes: 0, no: 1 });
    expect((await appErrorOf(() => search(me, { q: "hedgehog", from: "31/01/2024" }))).fieldErrors?.from?.[0]).toMatch(/date like/);
  });
});

describe("communities and people", () => {
  it("finds them by name, misspelt too, and never shows email addresses", async () => {
    const me = await makeUser({ name: "Seeker" });
    await makeUser({ name: "Bartholomew Featherstonehaugh", organisation: "Kestrel Bay Borough Council", email: "bart@kestrel.gov.uk" });
    await createCommunity(me, { name: "Innovation leads", purpose: "Sharing early ideas.", visibility: "open" });
    const misspelt = await search(me, { q: "Inovation" });
    expect(misspelt.communities.map((c) => c.name)).toContain("Innovation leads");
    const person = await search(me, { q: "Featherstonhaugh" });
    expect(person.people.map((p) => p.name)).toEqual(["Bartholomew Featherstonehaugh"]);
    const byOrg = await search(me, { q: "Kestrel Bay" });
    expect(byOrg.people.map((p) => p.organisation)).toContain("Kestrel Bay Borough Council");
    expect(JSON.stringify(person)).not.toContain("bart@kestrel.gov.uk");
    const db = await getDb();
    await db.update(users).set({ status: "suspended" }).where(eq(users.email, "bart@kestrel.gov.uk"));
    expect((await search(me, { q: "Featherstonehaugh" })).people).toEqual([]);
  });

  it("finds people by their organisation only where they let the viewer see it", async () => {
    const me = await makeUser({ name: "Organisation seeker" });
    const hider = await makeUser({ name: "Hermione Hidden" });
    const sharer = await makeUser({ name: "Sharon Shown" });
    const visible = { jobTitleVisibility: "everyone", areaOfWorkVisibility: "everyone", expertiseVisibility: "everyone", bioVisibility: "everyone", regionVisibility: "everyone", photoVisibility: "everyone", contactVisibility: "everyone" };
    await saveProfile(hider, { name: "Hermione Hidden", contactPreference: "welcome", organisation: "Wrenfold Parish Council", ...visible, organisationVisibility: "nobody" });
    await saveProfile(sharer, { name: "Sharon Shown", contactPreference: "welcome", organisation: "Wrenfold Parish Council", ...visible, organisationVisibility: "everyone" });
    expect((await search(me, { q: "Wrenfold" })).people.map((p) => p.name)).toEqual(["Sharon Shown"]);
    expect((await search(hider, { q: "Wrenfold" })).people.map((p) => p.name).sort()).toEqual(["Hermione Hidden", "Sharon Shown"]);
  });
});

describe("awkward input", () => {
  let me: Viewer;
  beforeAll(async () => {
    me = await makeUser({ name: "Awkward" });
    const { slug } = await createCommunity(me, { name: "Awkward input", visibility: "open" });
    await post(me, slug, "Emoji 🎉 and café culture", "Résumé of the naïve coöperation 🎉");
  });

  const cases: [string, string, (r: Awaited<ReturnType<typeof search>>) => void][] = [
    ["empty", "", (r) => expect(r.notice).toMatch(/Enter some words/)],
    ["only spaces", "    ", (r) => expect(r.notice).toMatch(/Enter some words/)],
    ["unbalanced quotes", `"performance framework`, (r) => expect(r.posts).not.toBeNull()],
    ["only operators", "- OR - \" \" OR", (r) => expect(r.posts?.items ?? []).toEqual([])],
    ["only stop words", "the and of", (r) => expect(r.notice).toMatch(/too common/)],
    ["an SQL fragment", "'; drop table posts; --", (r) => expect(r.posts?.items ?? []).toEqual([])],
    ["another SQL fragment", "1) OR 1=1 --", (r) => expect(r.notice).toBeNull()],
    ["accents", "cafe", (r) => expect(r.posts!.items.map((p) => p.title)).toEqual([])],
    ["accents typed as stored", "café", (r) => expect(r.posts!.items.map((p) => p.title)).toEqual(["Emoji 🎉 and café culture"])],
    ["emoji", "🎉", (r) => expect(r.posts?.items ?? []).toEqual([])],
    ["control characters", "per\u0000for\u0007mance", (r) => expect(r.notice).toBeNull()],
  ];
  for (const [label, q, check] of cases) {
    it(`answers ${label} sensibly`, async () => {
      check(await search(me, { q }));
    });
  }

  it("refuses 10,000 characters with a clear message", async () => {
    const error = await appErrorOf(() => search(me, { q: "x".repeat(10_000) }));
    expect([error.status, error.fieldErrors?.q?.[0]]).toEqual([400, "Search for 500 characters or fewer."]);
  });

  it("refuses a tampered page link with a 400", async () => {
    expect((await appErrorOf(() => search(me, { q: "emoji", cursor: "garbage" }))).status).toBe(400);
  });
});
