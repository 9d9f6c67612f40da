import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/policy";
import { addMembership, makeCommunity, makeUser } from "@/test/support/factories";
import { listDirectory } from "./directory";
import { getCommunityPage } from "./page";

// A ban or an invitation that has run out is not shown as if it still held: the community page
// offers what anyone else is offered, and lists do not say "You are invited".

const past = new Date(Date.now() - 24 * 60 * 60 * 1000);
const future = new Date(Date.now() + 24 * 60 * 60 * 1000);

let person: Viewer;
beforeAll(async () => {
  person = await makeUser({ name: "Robin Standing" });
});

async function pageFor(status: "banned" | "invited", extra: { bannedUntil?: Date; inviteExpiresAt?: Date }, visibility: "open" | "restricted" = "open") {
  const community = await makeCommunity({ visibility, name: `Standing ${status} ${Math.random().toString(36).slice(2, 8)}` });
  await addMembership(community.id, person.id, status, "member", extra);
  return { community, page: await getCommunityPage(person, community.slug) };
}

describe("the standing a community page shows", () => {
  it("a ban that has not ended: banned, with its end date, and no Join", async () => {
    const { page } = await pageFor("banned", { bannedUntil: future });
    expect(page.myMembership).toMatchObject({ standing: "banned", bannedUntil: future });
    expect(page.allowed.join).toBe(false);
    expect(page.refusals.read).toBe("You are banned from this community, so you cannot read it.");
  });

  it("a ban that has ended: no standing, and they may join and read again", async () => {
    const { page } = await pageFor("banned", { bannedUntil: past });
    expect(page.myMembership?.standing).toBeNull();
    expect(page.allowed.join).toBe(true);
    expect(page.allowed.read).toBe(true);
  });

  it("an invitation still open: invited, and they may accept it", async () => {
    const { page } = await pageFor("invited", { inviteExpiresAt: future }, "restricted");
    expect(page.myMembership?.standing).toBe("invited");
    expect(page.allowed.acceptInvite).toBe(true);
  });

  it("an expired invitation: no standing, and they may ask to join instead; lists do not call them invited", async () => {
    const { community, page } = await pageFor("invited", { inviteExpiresAt: past }, "restricted");
    expect(page.myMembership?.standing).toBeNull();
    expect(page.allowed.acceptInvite).toBe(false);
    expect(page.allowed.request).toBe(true);
    const listed = await listDirectory(person, { q: community.name });
    expect(listed.items.find((c) => c.id === community.id)?.myStatus).toBeNull();
  });
});
