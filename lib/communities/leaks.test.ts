import { beforeAll, describe, expect, it, vi } from "vitest";
import { signedInJsonRoute } from "@/lib/http/json-route";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { makeUser } from "@/test/support/factories";
import { acceptInvitationFor } from "./answer-invitations";
import { inviteToCommunity } from "./send-invitations";
import { joinCommunity } from "./membership";
import { createCommunity } from "./mutations";
import { listDirectory } from "./directory";
import { getHome } from "./home";
import { listMembers } from "./members";
import { getCommunityPage } from "./page";

// No session: whoever calls a route here is signed out.
vi.mock("@/lib/auth", () => ({ readSession: async () => null }));

// Every read path built for communities, as seen by someone outside a private community.
// Secret words in names and purposes must never come back, not even as a count.

let insider: Viewer;
let outsider: Viewer;
let suspended: Viewer;
const slugs: Record<string, string> = {};

beforeAll(async () => {
  insider = await makeUser({ name: "Inside Person" });
  outsider = await makeUser({ name: "Outside Person" });
  suspended = await makeUser({ name: "Suspended Person", status: "suspended" });
  const openParent = await createCommunity(insider, { name: "Open parent", purpose: "Anyone may read.", visibility: "open" });
  slugs.openParent = openParent.slug;
  slugs.openChild = (await createCommunity(insider, { name: "Open child", visibility: "open", parentSlug: openParent.slug })).slug;
  slugs.privateChild = (await createCommunity(insider, { name: "Zebracorn child", purpose: "Zebracorn plans.", visibility: "private", parentSlug: openParent.slug })).slug;
  slugs.private = (await createCommunity(insider, { name: "Zebracorn board", purpose: "Zebracorn restructure.", visibility: "private" })).slug;
  slugs.privateGrandchild = (await createCommunity(insider, { name: "Zebracorn working group", visibility: "private", parentSlug: slugs.private })).slug;
  slugs.restricted = (await createCommunity(insider, { name: "Restricted forum", purpose: "Listed, content for members.", visibility: "restricted" })).slug;
  slugs.restrictedChild = (await createCommunity(insider, { name: "Zebracorn restricted child", visibility: "restricted", parentSlug: slugs.restricted })).slug;
  await joinCommunity(outsider, { slug: openParent.slug });
});

const secret = /zebracorn/i;

describe("what an outsider can learn", () => {
  it("the directory lists none of them, whatever the filter, search or sort", async () => {
    for (const query of [{}, { sort: "name" }, { sort: "size" }, { filter: "mine" }, { q: "zebracorn" }, { q: "restructure" }]) {
      const page = await listDirectory(outsider, query);
      expect(JSON.stringify(page.items)).not.toMatch(secret);
    }
    expect((await listDirectory(outsider, { q: "zebracorn" })).items).toEqual([]);
    expect((await listDirectory(insider, { q: "zebracorn" })).items).toHaveLength(4);
  });

  it("counts of sub-communities count only what the viewer sees", async () => {
    const forOutsider = (await listDirectory(outsider, { q: "Open parent" })).items[0]!;
    const forInsider = (await listDirectory(insider, { q: "Open parent" })).items[0]!;
    expect(forOutsider.subCommunityCount).toBe(1);
    expect(forInsider.subCommunityCount).toBe(2);
    const restricted = (await listDirectory(outsider, { q: "Restricted forum" })).items[0]!;
    expect(restricted.subCommunityCount).toBe(0);
  });

  it("sub-community lists and community pages show only visible children", async () => {
    const page = await getCommunityPage(outsider, slugs.openParent!);
    expect(page.subCommunities.map((c) => c.name)).toEqual(["Open child"]);
    expect(JSON.stringify(page)).not.toMatch(secret);
    const restricted = await getCommunityPage(outsider, slugs.restricted!);
    expect(restricted.allowed.read).toBe(false);
    expect(restricted.subCommunities).toEqual([]);
    expect(restricted.facilitators).toEqual([]);
    expect(JSON.stringify(restricted)).not.toMatch(secret);
  });

  it("every URL of a hidden community is a 404 identical to one that never existed", async () => {
    const missing = await appErrorOf(() => getCommunityPage(outsider, "no-such-community"));
    for (const slug of [slugs.private, slugs.privateChild, slugs.privateGrandchild, slugs.restrictedChild]) {
      for (const read of [() => getCommunityPage(outsider, slug!), () => listMembers(outsider, slug!, {}), () => listDirectory(outsider, { parent: slug })]) {
        const error = await appErrorOf(read);
        expect([error.status, error.message]).toEqual([missing.status, missing.message]);
      }
      const join = await appErrorOf(() => joinCommunity(outsider, { slug: slug! }));
      expect(join.status).toBe(404);
      const sub = await appErrorOf(() => createCommunity(outsider, { name: "Probe", visibility: "private", parentSlug: slug }));
      expect(sub.status).toBe(404);
      const invite = await appErrorOf(() => inviteToCommunity(outsider, slug!, { invitee: "x@y.gov.uk" }));
      expect(invite.status).toBe(404);
    }
  });

  it("the home page mentions none of them", async () => {
    expect(JSON.stringify(await getHome(outsider))).not.toMatch(secret);
  });

  it("member lists of a restricted community are for its members", async () => {
    const error = await appErrorOf(() => listMembers(outsider, slugs.restricted!, {}));
    expect(error.status).toBe(403);
  });

  it("a suspended account reads nothing at all", async () => {
    for (const read of [() => listDirectory(suspended, {}), () => getHome(suspended), () => getCommunityPage(suspended, slugs.openParent!)]) {
      expect((await appErrorOf(read)).status).toBe(403);
    }
  });

  it("nothing for the signed-out: the signed-in route answers 401 before any read runs", async () => {
    // Domain reads take a proven Viewer, so a signed-out caller can only meet the gate in front of them.
    const reads = [(v: Viewer) => listDirectory(v, {}), (v: Viewer) => getHome(v), (v: Viewer) => getCommunityPage(v, slugs.openParent!), (v: Viewer) => getCommunityPage(v, "no-such-community")];
    for (const read of reads) {
      const route = signedInJsonRoute((_request, viewer) => read(viewer));
      const response = await route(new Request("http://roundtable.test/api"), { params: Promise.resolve({}) });
      expect(response.status).toBe(401);
    }
  });

  it("once invited and accepted, the outsider sees the community and its breadcrumb", async () => {
    await inviteToCommunity(insider, slugs.private!, { invitee: outsider.email });
    await acceptInvitationFor(outsider, slugs.private!);
    await inviteToCommunity(insider, slugs.privateGrandchild!, { invitee: outsider.email });
    await acceptInvitationFor(outsider, slugs.privateGrandchild!);
    const page = await getCommunityPage(outsider, slugs.privateGrandchild!);
    expect(page.breadcrumb.map((b) => b.name)).toEqual(["Zebracorn board"]);
    expect((await listDirectory(outsider, { q: "zebracorn" })).items.map((c) => c.name).sort()).toEqual([
      "Zebracorn board",
      "Zebracorn working group",
    ]);
  });
});
