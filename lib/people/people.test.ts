import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { communities, organisations, posts } from "@/lib/db/schema";
import { createComment } from "@/lib/posts/mutations";
import { toggleHelpfulComment } from "@/lib/posts/reactions";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { addMembership, makeUser } from "@/test/support/factories";
import { communityWith, makePost } from "@/test/support/posts";
import { organisationKey } from "./choices";
import { findPeople, peopleLikeYou } from "./finder";
import { getOrganisationPage } from "./organisation-page";
import { organisationSuggestions } from "./organisations";
import { getPersonPage } from "./person";
import { saveProfile } from "./profile";

// Profiles, the finder, person and organisation pages, against a real database: what each
// viewer may see of each person, and that no list, filter or count gives away the rest.

const everyoneSees = { jobTitleVisibility: "everyone", organisationVisibility: "everyone", areaOfWorkVisibility: "everyone", expertiseVisibility: "everyone", bioVisibility: "everyone", regionVisibility: "everyone", photoVisibility: "everyone", contactVisibility: "everyone" };
const profile = (overrides: Record<string, string> = {}) => ({ name: "Someone", contactPreference: "welcome", ...everyoneSees, ...overrides });

let owner: Viewer, sharer: Viewer, stranger: Viewer, hider: Viewer, open: Viewer, suspended: Viewer;
let privateSlug: string;

beforeAll(async () => {
  owner = await makeUser({ name: "Owner Person" });
  sharer = await makeUser({ name: "Sharer Person" });
  stranger = await makeUser({ name: "Stranger Person" });
  hider = await makeUser({ name: "Hilda Hider" });
  open = await makeUser({ name: "Olwen Open" });
  suspended = await makeUser({ name: "Sam Suspended" });
  privateSlug = await communityWith(owner, "Zebracorn board", [], "private");
  const db = await getDb();
  const [board] = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, privateSlug));
  await addMembership(board!.id, sharer.id);
  await addMembership(board!.id, hider.id);
  await saveProfile(hider, profile({ name: "Hilda Hider", organisation: "Quietshire Council", expertise: "zebracorn audits", areaOfWork: "Housing", organisationVisibility: "communities", expertiseVisibility: "communities", areaOfWorkVisibility: "nobody" }));
  await saveProfile(open, profile({ name: "Olwen Open", organisation: "Leeds City Council", expertise: "data protection, commissioning", areaOfWork: "Housing", region: "Yorkshire and the Humber" }));
  await saveProfile(stranger, profile({ name: "Stranger Person", expertise: "data protection", areaOfWork: "Finance" }));
  await saveProfile(suspended, profile({ name: "Sam Suspended", organisation: "Leeds City Council", expertise: "data protection" }));
  await db.execute(`update users set status = 'suspended' where id = '${suspended.id}'`);
});

describe("organisations", () => {
  it("three spellings of one organisation resolve to one, named as first given", async () => {
    const a = await makeUser();
    const b = await makeUser();
    const first = await saveProfile(a, profile({ organisation: "leeds city council " }));
    const second = await saveProfile(b, profile({ organisation: "Leeds City Council." }));
    expect(first.organisation).toBe("Leeds City Council");
    expect(second).toEqual({ organisation: "Leeds City Council", mergedSpelling: true });
    const db = await getDb();
    const rows = await db.select().from(organisations).where(eq(organisations.key, organisationKey("LEEDS  city council")));
    expect(rows).toHaveLength(1);
    expect(organisationKey("Bath & North East Somerset Council")).toBe(organisationKey("Bath and North-East Somerset Council"));
  });

  it("suggests a listed organisation for a misspelling, but never one only hidden people name", async () => {
    const leeds = await organisationSuggestions(stranger, "Leeds Cty Council");
    expect(leeds.map((o) => o.name)).toContain("Leeds City Council");
    expect((await organisationSuggestions(stranger, "Quietshire")).map((o) => o.name)).toEqual([]);
    expect((await organisationSuggestions(sharer, "Quietshire")).map((o) => o.name)).toEqual(["Quietshire Council"]);
  });

  it("an organisation page lists only people who show the viewer they work there; otherwise it does not exist", async () => {
    const [quiet] = await organisationSuggestions(sharer, "Quietshire");
    expect((await appErrorOf(() => getOrganisationPage(stranger, quiet!.id, {}))).status).toBe(404);
    const page = await getOrganisationPage(sharer, quiet!.id, {});
    expect(page.people.items.map((p) => p.name)).toEqual(["Hilda Hider"]);
    expect(page.communities).toEqual([{ slug: privateSlug, name: "Zebracorn board", people: 1 }]);
  });
});

describe("the people finder", () => {
  const names = async (viewer: Viewer, query: Record<string, string>) => (await findPeople(viewer, query)).items.map((p) => p.name);

  it("matches names despite typos, and never finds a suspended account", async () => {
    expect(await names(stranger, { q: "Olwen Opne" })).toContain("Olwen Open");
    expect(await names(stranger, { q: "Sam Suspended" })).toEqual([]);
    expect(await names(stranger, { expertise: "Data Protection" })).toEqual(["Olwen Open", "Stranger Person"]);
  });

  it("a filter never matches a field hidden from the viewer", async () => {
    expect(await names(stranger, { expertise: "zebracorn audits" })).toEqual([]);
    expect(await names(sharer, { expertise: "zebracorn audits" })).toEqual(["Hilda Hider"]);
    expect(await names(hider, { expertise: "zebracorn audits" })).toEqual(["Hilda Hider"]);
    expect(await names(sharer, { area: "Housing" })).toEqual(["Olwen Open"]);
    const [quietshire] = await (await getDb()).select({ id: organisations.id }).from(organisations).where(eq(organisations.key, organisationKey("Quietshire Council")));
    expect(await names(stranger, { organisation: quietshire!.id })).toEqual([]);
    expect(await names(sharer, { organisation: quietshire!.id, q: "Hilda" })).toEqual(["Hilda Hider"]);
    const seen = (await findPeople(stranger, { q: "Hilda" })).items[0]!;
    expect(seen).toMatchObject({ name: "Hilda Hider", organisation: null, organisationId: null, expertise: null, areaOfWork: null });
  });

  it("filters by shared community only within communities the viewer reads", async () => {
    const db = await getDb();
    const [board] = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, privateSlug));
    expect(await names(sharer, { community: board!.id })).toEqual(["Hilda Hider", "Owner Person", "Sharer Person"]);
    expect(await names(stranger, { community: board!.id })).toEqual([]);
  });

  it("pages by keyset without repeating or skipping anyone", async () => {
    for (let i = 0; i < 5; i++) await makeUser({ name: `Pagey ${i}` });
    const first = await findPeople(stranger, { q: "Pagey", limit: "2" });
    const second = await findPeople(stranger, { q: "Pagey", limit: "2", cursor: first.nextCursor! });
    const third = await findPeople(stranger, { q: "Pagey", limit: "2", cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((p) => p.name)).toEqual(["Pagey 0", "Pagey 1", "Pagey 2", "Pagey 3", "Pagey 4"]);
    expect(third.nextCursor).toBeNull();
    expect((await appErrorOf(() => findPeople(stranger, { cursor: "nonsense" }))).status).toBe(400);
  });

  it("suggests people like you by visible expertise or area of work", async () => {
    expect((await peopleLikeYou(stranger)).map((p) => p.name)).toEqual(["Olwen Open"]);
    const housing = await makeUser({ name: "Housing Newcomer" });
    await saveProfile(housing, profile({ name: "Housing Newcomer", areaOfWork: "Housing" }));
    // Hilda's area of work is hers alone.
    expect((await peopleLikeYou(housing)).map((p) => p.name)).toEqual(["Olwen Open"]);
  });
});

describe("a person's page", () => {
  it("counts only posts, accepted answers and helpful marks the viewer may read", async () => {
    const openSlug = await communityWith(owner, "Open forum", [hider, sharer]);
    const question = await makePost(owner, openSlug, { kind: "question", title: "How do you audit?" });
    const answer = await createComment(hider, question.postId, { body: "<p>Like this.</p>", bodyFormat: "html" });
    const db = await getDb();
    await db.update(posts).set({ acceptedCommentId: answer.commentId }).where(eq(posts.id, question.postId));
    await toggleHelpfulComment(owner, answer.commentId);
    await makePost(hider, openSlug, { title: "Open thoughts" });
    await makePost(hider, privateSlug, { title: "Zebracorn secrets" });
    const asStranger = await getPersonPage(stranger, hider.id);
    expect(asStranger.counts).toEqual({ posts: 1, accepted: 1, helpful: 1 });
    expect(asStranger.posts.map((p) => p.title)).toEqual(["Open thoughts"]);
    expect(asStranger.communities.map((c) => c.name)).toEqual(["Open forum"]);
    expect(asStranger.person.expertise).toBeNull();
    expect(JSON.stringify(asStranger)).not.toMatch(/zebracorn/i);
    const asSharer = await getPersonPage(sharer, hider.id);
    expect(asSharer.counts.posts).toBe(2);
    expect(asSharer.person.expertise).toEqual(["zebracorn audits"]);
    expect(asSharer.person.areaOfWork).toBeNull();
  });

  it("a suspended account is a 404 to members", async () => {
    expect((await appErrorOf(() => getPersonPage(stranger, suspended.id))).status).toBe(404);
  });

  it("says which profile field is wrong, beside it", async () => {
    const error = await appErrorOf(() => saveProfile(stranger, profile({ region: "Atlantis", jobTitleVisibility: "friends" })));
    expect(error.fieldErrors).toMatchObject({ region: ["Choose a region from the list."], jobTitleVisibility: ["Choose who can see this."] });
  });
});
