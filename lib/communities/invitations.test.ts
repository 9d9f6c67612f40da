import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { invitations } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { registerUser } from "@/lib/users/registration";
import { loadAccount } from "@/lib/users/account";
import { confirmAddress } from "@/lib/users/verification";
import { users } from "@/lib/db/schema";
import { appErrorOf } from "@/test/support/errors";
import { makeUser } from "@/test/support/factories";
import { lastMailTo, tokenFrom } from "@/test/support/mail";
import { acceptInvitation, acceptInvitationFor, declineInvitation, viewInvitation } from "./answer-invitations";
import { inviteToCommunity, listOpenInvitations, revokeInvitation } from "./send-invitations";
import { createCommunity } from "./mutations";
import { getHome } from "./home";
import { getCommunityPage } from "./page";
import { joinCommunity, requestToJoin } from "./membership";

let owner: Viewer;
let priya: Viewer;
let other: Viewer;

beforeAll(async () => {
  owner = await makeUser({ name: "Owen Owner" });
  priya = await makeUser({ name: "Priya Shah", email: "priya.shah@langdon.gov.uk" });
  other = await makeUser({ name: "Someone Else" });
});

describe("inviting people", () => {
  it("invites an existing member by name; they see it and accept from their home page", async () => {
    const { slug } = await createCommunity(owner, { name: "Invite by name", visibility: "private" });
    await expect(getCommunityPage(priya, slug)).rejects.toMatchObject({ status: 404 });
    const result = await inviteToCommunity(owner, slug, { invitee: "priya shah" });
    expect(result).toEqual({ message: "Invitation sent to Priya Shah." });
    const home = await getHome(priya);
    expect(home.invitations.map((c) => c.slug)).toEqual([slug]);
    const page = await getCommunityPage(priya, slug);
    expect(page.allowed).toMatchObject({ read: false, acceptInvite: true });
    await acceptInvitationFor(priya, slug);
    expect((await getCommunityPage(priya, slug)).allowed.read).toBe(true);
    await expect(viewInvitation(priya, tokenFrom((await lastMailTo(priya.email)).links[0]!))).rejects.toMatchObject({ status: 410 });
  });

  it("invites a new person by email; the link works once, only for that address", async () => {
    const { slug } = await createCommunity(owner, { name: "Invite by email", visibility: "private" });
    await inviteToCommunity(owner, slug, { invitee: "New.Person@Fernley.gov.uk" });
    const mail = await lastMailTo("new.person@fernley.gov.uk");
    expect(mail.subject).toBe("Owen Owner invited you to Invite by email");
    expect(mail.links[0]).toMatch(/^http:\/\/localhost:3000\/invitations\/[A-Za-z0-9_-]{43}$/);
    const token = tokenFrom(mail.links[0]!);

    const mismatch = await appErrorOf(() => viewInvitation(other, token));
    expect(mismatch.status).toBe(403);
    expect(mismatch.message).not.toContain("Invite by email");

    await registerUser({ name: "New Person", email: "new.person@fernley.gov.uk", password: "a long password" });
    const confirmation = (await lastMailTo("new.person@fernley.gov.uk")).links[0]!.split("/").pop()!;
    await confirmAddress(null, confirmation, { password: "a long password" });
    const db = await getDb();
    const [created] = await db.select({ id: users.id }).from(users).where(eq(users.email, "new.person@fernley.gov.uk"));
    const newcomer = (await loadAccount(created!.id))!;
    expect((await getHome(newcomer)).invitations.map((c) => c.slug)).toEqual([slug]);
    expect(await viewInvitation(newcomer, token)).toMatchObject({ communityName: "Invite by email", invitedBy: "Owen Owner" });
    await acceptInvitation(newcomer, token);
    expect((await getCommunityPage(newcomer, slug)).community.memberCount).toBe(2);
    const used = await appErrorOf(() => acceptInvitation(newcomer, token));
    expect(used.status).toBe(410);
    expect(used.message).toMatch(/already been used/);
  });

  it("refuses expired, revoked and made-up links with a clear 4xx", async () => {
    const { slug } = await createCommunity(owner, { name: "Expiry", visibility: "restricted" });
    await inviteToCommunity(owner, slug, { invitee: priya.email });
    const token = tokenFrom((await lastMailTo(priya.email)).links[0]!);
    const db = await getDb();
    await db.update(invitations).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(invitations.email, priya.email));
    const expired = await appErrorOf(() => acceptInvitation(priya, token));
    expect([expired.status, expired.message]).toEqual([410, "This invitation has expired. Ask for a new one."]);

    await inviteToCommunity(owner, slug, { invitee: priya.email });
    const fresh = tokenFrom((await lastMailTo(priya.email)).links[0]!);
    const [open] = (await listOpenInvitations(owner, slug)).invitations;
    await revokeInvitation(owner, slug, { invitationId: open!.id });
    const revoked = await appErrorOf(() => acceptInvitation(priya, fresh));
    expect([revoked.status, revoked.message]).toEqual([410, "This invitation was withdrawn."]);
    expect((await getHome(priya)).invitations.map((c) => c.slug)).not.toContain(slug);

    const madeUp = await appErrorOf(() => viewInvitation(priya, "x".repeat(43)));
    expect(madeUp.status).toBe(404);
    const garbage = await appErrorOf(() => viewInvitation(priya, "../../etc/passwd"));
    expect(garbage.status).toBe(404);
  });

  it("gives clear messages for people who cannot be invited", async () => {
    const { slug } = await createCommunity(owner, { name: "Who can be invited", visibility: "open" });
    await joinCommunity(other, { slug });
    const cases: [unknown, number, RegExp][] = [
      [{ invitee: "" }, 400, /Enter a name or email address/],
      [{ invitee: "not@an@email" }, 400, /right format/],
      [{ invitee: "Nobody By This Name" }, 400, /could not find anyone called/],
      [{ invitee: "Someone Else" }, 409, /already a member/],
      [{ invitee: owner.email }, 400, /already in this community/],
    ];
    for (const [input, status, message] of cases) {
      const error = await appErrorOf(() => inviteToCommunity(owner, slug, input));
      expect(error.status).toBe(status);
      expect(error.fieldErrors?.invitee?.[0]).toMatch(message);
    }
  });

  it("lets members invite to open communities, but only facilitators to closed ones", async () => {
    const open = await createCommunity(owner, { name: "Open invites", visibility: "open" });
    await joinCommunity(other, { slug: open.slug });
    await inviteToCommunity(other, open.slug, { invitee: priya.email });
    const closed = await createCommunity(owner, { name: "Closed invites", visibility: "restricted" });
    await requestToJoin(other, closed.slug, {});
    const result = await inviteToCommunity(owner, closed.slug, { invitee: "Someone Else" });
    expect(result.message).toBe("Someone Else had asked to join, so they are now a member.");
    const refused = await appErrorOf(() => inviteToCommunity(other, closed.slug, { invitee: priya.email }));
    expect(refused.status).toBe(403);
  });

  it("invites to a closed sub-community only people who can read its parent", async () => {
    const parent = await createCommunity(owner, { name: "Closed parent for invites", visibility: "private" });
    const child = await createCommunity(owner, { name: "Closed child for invites", visibility: "private", parentSlug: parent.slug });
    const error = await appErrorOf(() => inviteToCommunity(owner, child.slug, { invitee: priya.email }));
    expect(error.fieldErrors?.invitee?.[0]).toMatch(/not a member of “Closed parent for invites”/);
    await inviteToCommunity(owner, parent.slug, { invitee: priya.email });
    await acceptInvitationFor(priya, parent.slug);
    await inviteToCommunity(owner, child.slug, { invitee: priya.email });
    await declineInvitation(priya, child.slug);
    await expect(getCommunityPage(priya, child.slug)).rejects.toMatchObject({ status: 404 });
  });
});
