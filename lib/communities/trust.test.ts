import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { communities } from "@/lib/db/schema";
import { listCommunityLog } from "@/lib/moderation/audit";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { addMembership, makeUser } from "@/test/support/factories";
import { lastMailTo } from "@/test/support/mail";
import { acceptInvitationFor } from "./answer-invitations";
import { approveRequest, declineRequest, removeMember, setMemberRole } from "./members";
import { joinCommunity, requestToJoin } from "./membership";
import { createCommunity, setArchived, updateCommunity } from "./mutations";
import { inviteToCommunity, listOpenInvitations, revokeInvitation } from "./send-invitations";

// Findings about communities: invitations that leaked addresses, a facilitator opening a
// private community, slugs that named hidden communities, and an audit log that missed most
// of what facilitators do. Each test failed before the fix.

let owner: Viewer;
let facilitator: Viewer;
let member: Viewer;
let other: Viewer;
let dana: Viewer;
beforeAll(async () => {
  owner = await makeUser({ name: "Orla Owner" });
  facilitator = await makeUser({ name: "Fin Facilitator" });
  member = await makeUser({ name: "Mo Member" });
  other = await makeUser({ name: "Oti Other" });
  dana = await makeUser({ name: "Dana Private", email: "dana.private@council.gov.uk" });
});

describe("invitations never give away an address", () => {
  it("inviting someone by name never echoes their address", async () => {
    const { slug } = await createCommunity(owner, { name: "Echo check", visibility: "open" });
    await joinCommunity(member, { slug });
    const result = await inviteToCommunity(member, slug, { invitee: "Dana Private" });
    expect(JSON.stringify(result)).not.toContain("dana.private@council.gov.uk");
    expect(JSON.stringify(await listOpenInvitations(owner, slug))).not.toContain("dana.private@council.gov.uk");
  });

  it("inviting an address answers alike whether it is a member's, a banned person's or nobody's", async () => {
    const { slug } = await createCommunity(owner, { name: "Same answer", visibility: "open" });
    await joinCommunity(member, { slug });
    await joinCommunity(dana, { slug });
    const banned = await makeUser({ name: "Ben Banned", email: "ben.banned@council.gov.uk" });
    const [row] = await (await getDb()).select({ id: communities.id }).from(communities).where(eq(communities.slug, slug));
    await addMembership(row!.id, banned.id, "banned");
    const answers = [];
    for (const invitee of [dana.email, banned.email, "nobody.yet@council.gov.uk"]) answers.push(await inviteToCommunity(member, slug, { invitee }));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(JSON.stringify(answers[0])).not.toMatch(/Dana|Ben/);
  });

  it("shows pending invitations to facilitators and to whoever sent them, and only they may withdraw them", async () => {
    const { slug } = await createCommunity(owner, { name: "Who sees invitations", visibility: "open" });
    for (const who of [member, other]) await joinCommunity(who, { slug });
    await inviteToCommunity(member, slug, { invitee: "from.member@elsewhere.gov.uk" });
    await inviteToCommunity(owner, slug, { invitee: "from.owner@elsewhere.gov.uk" });
    expect((await listOpenInvitations(owner, slug)).invitations.map((i) => i.label).sort()).toEqual(["from.member@elsewhere.gov.uk", "from.owner@elsewhere.gov.uk"]);
    expect((await listOpenInvitations(member, slug)).invitations.map((i) => i.label)).toEqual(["from.member@elsewhere.gov.uk"]);
    expect((await listOpenInvitations(other, slug)).invitations).toEqual([]);
    const [byMember] = (await listOpenInvitations(owner, slug)).invitations.filter((i) => i.label.startsWith("from.member"));
    expect((await appErrorOf(() => revokeInvitation(other, slug, { invitationId: byMember!.id }))).status).toBe(404);
    await revokeInvitation(member, slug, { invitationId: byMember!.id });
    expect((await listOpenInvitations(owner, slug)).invitations.map((i) => i.label)).toEqual(["from.owner@elsewhere.gov.uk"]);
  });
});

describe("opening a community", () => {
  it("is refused to a facilitator who is not an owner", async () => {
    const { slug } = await createCommunity(owner, { name: "Closed by default", visibility: "private" });
    await inviteToCommunity(owner, slug, { invitee: facilitator.email });
    await acceptInvitationFor(facilitator, slug);
    await setMemberRole(owner, slug, { userId: facilitator.id, role: "facilitator" });
    const error = await appErrorOf(() => updateCommunity(facilitator, slug, { name: "Closed by default", visibility: "open" }));
    expect([error.status, error.message]).toEqual([403, "Only the community's owners can open it to more people."]);
    const [row] = await (await getDb()).select({ visibility: communities.visibility }).from(communities).where(eq(communities.slug, slug));
    expect(row!.visibility).toBe("private");
  });

  it("waits for an owner's confirmation, then tells every member and logs it", async () => {
    const { slug } = await createCommunity(owner, { name: "Opening up", visibility: "restricted" });
    await requestToJoin(member, slug, {});
    await approveRequest(owner, slug, { userId: member.id });
    await updateCommunity(owner, slug, { name: "Opening up", visibility: "open" });
    const db = await getDb();
    const visibility = async () => (await db.select({ v: communities.visibility }).from(communities).where(eq(communities.slug, slug)))[0]!.v;
    expect(await visibility()).toBe("restricted");
    await updateCommunity(owner, slug, { name: "Opening up", visibility: "open", confirm: "yes" });
    expect(await visibility()).toBe("open");
    expect((await lastMailTo(member.email)).subject).toBe("Opening up is now open");
    const log = await listCommunityLog(owner, slug, {});
    expect(log.items.map((e) => [e.action, e.details])).toContainEqual(["open up", { from: "restricted", to: "open" }]);
  });
});

describe("new communities' addresses", () => {
  it("look the same whether or not a community the creator cannot see has the name", async () => {
    await createCommunity(owner, { name: "Section 114 planning", visibility: "private" });
    const taken = await createCommunity(other, { name: "Section 114 planning", visibility: "open" });
    const free = await createCommunity(other, { name: "Never used before", visibility: "open" });
    expect(taken.slug).toMatch(/^section-114-planning-[0-9a-f]{6}$/);
    expect(free.slug).toMatch(/^never-used-before-[0-9a-f]{6}$/);
  });
});

describe("the audit log", () => {
  it("records role changes, removals, request decisions, invitations, visibility and archiving", async () => {
    const { slug } = await createCommunity(owner, { name: "Everything logged", visibility: "restricted" });
    const a = await makeUser({ name: "Asker Approved" });
    const d = await makeUser({ name: "Asker Declined" });
    await requestToJoin(a, slug, {});
    await requestToJoin(d, slug, {});
    await approveRequest(owner, slug, { userId: a.id });
    await declineRequest(owner, slug, { userId: d.id });
    await setMemberRole(owner, slug, { userId: a.id, role: "facilitator" });
    await removeMember(owner, slug, { userId: a.id });
    await inviteToCommunity(owner, slug, { invitee: member.email });
    await acceptInvitationFor(member, slug);
    await inviteToCommunity(owner, slug, { invitee: "withdrawn@elsewhere.gov.uk" });
    const [open] = (await listOpenInvitations(owner, slug)).invitations;
    await revokeInvitation(owner, slug, { invitationId: open!.id });
    await updateCommunity(owner, slug, { name: "Everything logged", visibility: "private" });
    await setArchived(owner, slug, true);
    const log = await listCommunityLog(owner, slug, {});
    expect(log.items.map((e) => `${e.action}: ${e.targetLabel}`).reverse()).toEqual([
      "approve request: Asker Approved",
      "decline request: Asker Declined",
      "change role: Asker Approved",
      "remove member: Asker Approved",
      `invite: ${member.email}`,
      "accept invitation: Mo Member",
      "invite: withdrawn@elsewhere.gov.uk",
      "withdraw invitation: withdrawn@elsewhere.gov.uk",
      "close: Everything logged",
      "archive: Everything logged",
    ]);
  });
});
