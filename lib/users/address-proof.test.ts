import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { allowSignIn } from "@/lib/auth/sign-in-rules";
import { acceptInvitationFor } from "@/lib/communities/answer-invitations";
import { getHome } from "@/lib/communities/home";
import { joinCommunity } from "@/lib/communities/membership";
import { createCommunity } from "@/lib/communities/mutations";
import { inviteToCommunity } from "@/lib/communities/send-invitations";
import { getDb } from "@/lib/db/client";
import { memberships, users } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { createPost } from "@/lib/posts/mutations";
import { appErrorOf } from "@/test/support/errors";
import { makeUser } from "@/test/support/factories";
import { lastMailTo } from "@/test/support/mail";
import { loadAccount } from "./account";
import { verifyCredentials } from "./credentials";
import { registerUser } from "./registration";

// The High finding: sign-up never proved the address. Each test here failed before accounts
// had to prove their address (see the report for the run on the earlier commit).

let owner: Viewer;
beforeAll(async () => {
  owner = await makeUser({ name: "Olu Owner" });
});

/** Signs up through the real sign-up, and returns the account as a Viewer. */
async function signUp(email: string, password = "a long enough password", name = "Jane Someone") {
  await registerUser({ name, email, password });
  const db = await getDb();
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadAccount(row!.id))!;
}

describe("an account whose address is not proven", () => {
  it("cannot join or post, even in an open community, and is told to confirm its address", async () => {
    const { slug } = await createCommunity(owner, { name: "Open to all members", visibility: "open" });
    const jane = await signUp("jane.unproven@council.gov.uk");
    for (const attempt of [() => joinCommunity(jane, { slug }), () => createPost(jane, slug, { kind: "discussion", title: "Hello", body: "<p>Hi</p>", bodyFormat: "html" })]) {
      const error = await appErrorOf(attempt);
      expect(error.status).toBe(403);
      expect(error.message).toMatch(/Confirm your email address first/);
    }
    expect(jane.verified).toBe(false);
  });

  it("does not pick up invitations sent to its address, private communities included, and cannot accept them", async () => {
    const { slug } = await createCommunity(owner, { name: "Chief executives only", visibility: "private" });
    await inviteToCommunity(owner, slug, { invitee: "jane.target@council.gov.uk" });
    const attacker = await signUp("jane.target@council.gov.uk");
    expect((await getHome(attacker)).invitations).toEqual([]);
    const db = await getDb();
    expect(await db.select().from(memberships).where(eq(memberships.userId, attacker.id))).toEqual([]);
    expect((await appErrorOf(() => acceptInvitationFor(attacker, slug))).status).toBe(404);
  });

  it("is not where later invitations to that address land, and cannot be found to invite by name", async () => {
    const attacker = await signUp("jane.later@council.gov.uk", "a long enough password", "Jane Later");
    const { slug } = await createCommunity(owner, { name: "Later invitations", visibility: "private" });
    await inviteToCommunity(owner, slug, { invitee: "jane.later@council.gov.uk" });
    const db = await getDb();
    expect(await db.select().from(memberships).where(eq(memberships.userId, attacker.id))).toEqual([]);
    const byName = await appErrorOf(() => inviteToCommunity(owner, slug, { invitee: "Jane Later" }));
    expect(byName.fieldErrors?.invitee?.[0]).toMatch(/could not find anyone called/);
  });

  it("is made safe before the address's owner signs in to it with an emailed link: password cleared (pre-hijacking)", async () => {
    const attacker = await signUp("jane.hijack@council.gov.uk", "the attacker's password");
    expect(await verifyCredentials({ email: "jane.hijack@council.gov.uk", password: "the attacker's password" })).toMatchObject({ id: attacker.id });
    // Auth.js asks allowSignIn when the real Jane opens the sign-in link mailed to her.
    const allowed = await allowSignIn({ user: { id: attacker.id, email: attacker.email }, account: { provider: "email", type: "email", providerAccountId: attacker.email } });
    expect(await verifyCredentials({ email: "jane.hijack@council.gov.uk", password: "the attacker's password" })).toBeNull();
    expect(allowed).toBe(true);
    expect((await lastMailTo("jane.hijack@council.gov.uk")).subject).toBe("Your Roundtable account is confirmed");
  });
});

describe("single sign-on", () => {
  const oidc = (email: string) => ({ provider: "oidc", type: "oidc" as const, providerAccountId: `sub-${email}` });

  it("links to an existing account only when the provider says the address is verified", async () => {
    const member = await makeUser({ name: "Sso Member", email: "sso.member@council.gov.uk" });
    const user = { id: "from-provider", email: member.email };
    expect(await allowSignIn({ user, account: oidc(member.email), profile: { email: member.email } })).toBe(false);
    expect(await allowSignIn({ user, account: oidc(member.email), profile: { email: member.email, email_verified: "true" as unknown as boolean } })).toBe(false);
    expect(await allowSignIn({ user, account: oidc(member.email), profile: { email: member.email, email_verified: true } })).toBe(true);
  });

  it("makes an unproven account safe before the verified owner of the address signs in to it", async () => {
    await signUp("jane.sso@council.gov.uk", "the attacker's password");
    const allowed = await allowSignIn({ user: { id: "x", email: "jane.sso@council.gov.uk" }, account: oidc("jane.sso@council.gov.uk"), profile: { email: "jane.sso@council.gov.uk", email_verified: true } });
    expect(await verifyCredentials({ email: "jane.sso@council.gov.uk", password: "the attacker's password" })).toBeNull();
    expect(allowed).toBe(true);
  });
});

describe("signing up", () => {
  it("answers the same for a taken address as for a free one, and tells the owner by email instead", async () => {
    await makeUser({ name: "Already Here", email: "already.here@council.gov.uk" });
    const taken = await registerUser({ name: "Someone", email: "already.here@council.gov.uk", password: "a long enough password" });
    const free = await registerUser({ name: "Someone", email: "not.here.yet@council.gov.uk", password: "a long enough password" });
    expect(taken).toEqual(free);
    expect((await lastMailTo("already.here@council.gov.uk")).subject).toBe("You already have a Roundtable account");
    expect((await lastMailTo("not.here.yet@council.gov.uk")).subject).toBe("Confirm your email address for Roundtable");
  });
});
