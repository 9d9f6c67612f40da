import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getHome } from "@/lib/communities/home";
import { createCommunity } from "@/lib/communities/mutations";
import { inviteToCommunity } from "@/lib/communities/send-invitations";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { appErrorOf } from "@/test/support/errors";
import { makeUser } from "@/test/support/factories";
import { lastMailTo } from "@/test/support/mail";
import { loadAccount } from "./account";
import { verifyCredentials } from "./credentials";
import { hashPassword } from "./password";
import { confirmEmailChange, requestEmailChange } from "./email-change";
import { changePassword } from "./password-change";
import { requestPasswordReset, resetPassword, RESET_ANSWER } from "./password-reset";
import { registerUser } from "./registration";
import { listDevices, loadSessionViewer, signOutDevice, signOutOtherDevices, startSession } from "./sessions";
import { cancelUnconfirmedAccount, confirmAddress, previewConfirmation, resendConfirmation } from "./verification";

const tokenIn = (link: string) => link.split("/").pop()!;
const device = { device: "Firefox on Linux", network: "203.0.113.0/24" };

async function account(email: string) {
  const [row] = await (await getDb()).select({ id: users.id }).from(users).where(eq(users.email, email));
  return row ? (await loadAccount(row.id))! : null;
}

describe("confirming an address", () => {
  it("asks whoever opens the link for the account's password, then proves the address and hands over waiting invitations", async () => {
    const owner = await makeUser({ name: "Waiting Inviter" });
    const { slug } = await createCommunity(owner, { name: "Waiting for Cara", visibility: "private" });
    await inviteToCommunity(owner, slug, { invitee: "cara@council.gov.uk" });
    await registerUser({ name: "Cara", email: "cara@council.gov.uk", password: "cara's own password" });
    const token = tokenIn((await lastMailTo("cara@council.gov.uk")).links[0]!);
    expect(await previewConfirmation(null, token)).toEqual({ needsPassword: true });
    const wrong = await appErrorOf(() => confirmAddress(null, token, { password: "a guess at it" }));
    expect(wrong.fieldErrors?.password?.[0]).toMatch(/not this account's password/);
    expect(await confirmAddress(null, token, { password: "cara's own password" })).toEqual({ email: "cara@council.gov.uk", signIn: true });
    const cara = (await account("cara@council.gov.uk"))!;
    expect(cara.verified).toBe(true);
    expect((await getHome(cara)).invitations.map((c) => c.slug)).toEqual([slug]);
    expect((await appErrorOf(() => confirmAddress(cara, token, {}))).status).toBe(410);
  });

  it("needs no password in the browser signed in to the account, and a new link retires the old", async () => {
    await registerUser({ name: "Dev", email: "dev@council.gov.uk", password: "dev's own password" });
    const dev = (await account("dev@council.gov.uk"))!;
    const first = tokenIn((await lastMailTo(dev.email)).links[0]!);
    await resendConfirmation(dev);
    const second = tokenIn((await lastMailTo(dev.email)).links[0]!);
    expect((await appErrorOf(() => previewConfirmation(dev, first))).status).toBe(410);
    expect(await previewConfirmation(dev, second)).toEqual({ needsPassword: false });
    expect(await confirmAddress(dev, second, {})).toMatchObject({ signIn: false });
    const confirmed = (await account(dev.email))!;
    expect((await appErrorOf(() => resendConfirmation(confirmed))).status).toBe(409);
  });

  it("lets someone who never made the account cancel it", async () => {
    await registerUser({ name: "Not Me", email: "not.me@council.gov.uk", password: "someone else's password" });
    await cancelUnconfirmedAccount(tokenIn((await lastMailTo("not.me@council.gov.uk")).links[0]!));
    expect(await account("not.me@council.gov.uk")).toBeNull();
  });

  it("applies the domain allow-list when the address is proven", async () => {
    await registerUser({ name: "Ex", email: "ex@formerly-allowed.org", password: "a long enough password" });
    const token = tokenIn((await lastMailTo("ex@formerly-allowed.org")).links[0]!);
    const e = env();
    const before = e.allowedEmailDomains;
    e.allowedEmailDomains = ["gov.uk"];
    try {
      expect((await appErrorOf(() => confirmAddress(null, token, { password: "a long enough password" }))).status).toBe(400);
    } finally {
      e.allowedEmailDomains = before;
    }
  });
});

describe("resetting a password", () => {
  it("answers alike for any address, works once, ends every session and proves the address", async () => {
    expect(await requestPasswordReset({ email: "nobody.here@council.gov.uk" })).toEqual({ message: RESET_ANSWER });
    await expect(lastMailTo("nobody.here@council.gov.uk")).rejects.toThrow();
    const member = await makeUser({ name: "Forgetful", email: "forgetful@council.gov.uk", passwordHash: await hashPassword("the old password"), verified: false });
    const session = await startSession(member.id, device);
    expect(await requestPasswordReset({ email: "forgetful@council.gov.uk" })).toEqual({ message: RESET_ANSWER });
    const token = tokenIn((await lastMailTo(member.email)).links[0]!);
    await resetPassword({ token, password: "the new password" });
    expect(await loadSessionViewer(member.id, session)).toBeNull();
    expect(await verifyCredentials({ email: member.email, password: "the old password" })).toBeNull();
    expect(await verifyCredentials({ email: member.email, password: "the new password" })).toMatchObject({ id: member.id });
    expect((await account(member.email))!.verified).toBe(true);
    expect((await appErrorOf(() => resetPassword({ token, password: "yet another one" }))).status).toBe(410);
  });

  it("is how the owner of an address takes back an account someone else started with it", async () => {
    await registerUser({ name: "Impostor", email: "real.owner@council.gov.uk", password: "the impostor's password" });
    const impostor = (await account("real.owner@council.gov.uk"))!;
    const impostorSession = await startSession(impostor.id, device);
    await registerUser({ name: "Real Owner", email: "real.owner@council.gov.uk", password: "discarded, never stored" });
    const mail = await lastMailTo("real.owner@council.gov.uk");
    expect(mail.subject).toBe("Finish setting up your Roundtable account");
    await resetPassword({ token: tokenIn(mail.links[0]!), password: "the real owner's password" });
    expect(await loadSessionViewer(impostor.id, impostorSession)).toBeNull();
    expect(await verifyCredentials({ email: "real.owner@council.gov.uk", password: "the impostor's password" })).toBeNull();
    expect(await verifyCredentials({ email: "real.owner@council.gov.uk", password: "discarded, never stored" })).toBeNull();
    expect((await account("real.owner@council.gov.uk"))!.verified).toBe(true);
  });
});

describe("signed-in devices and passwords", () => {
  it("lists devices, signs one or all others out, and a password change ends every other session", async () => {
    const member = await makeUser({ name: "Many Devices", passwordHash: await hashPassword("the current password") });
    const [here, laptop, phone] = [await startSession(member.id, device), await startSession(member.id, device), await startSession(member.id, device)];
    expect((await listDevices(member, here)).filter((d) => d.current).map((d) => d.id)).toEqual([here]);
    await signOutDevice(member, { sessionId: laptop });
    expect(await loadSessionViewer(member.id, laptop)).toBeNull();
    expect((await appErrorOf(() => signOutDevice(makeUserLike(member), { sessionId: phone }))).status).toBe(404);
    const wrong = await appErrorOf(() => changePassword(member, here, { currentPassword: "not it", newPassword: "a brand new password" }));
    expect(wrong.fieldErrors?.currentPassword).toBeDefined();
    await changePassword(member, here, { currentPassword: "the current password", newPassword: "a brand new password" });
    expect(await loadSessionViewer(member.id, phone)).toBeNull();
    expect(await loadSessionViewer(member.id, here)).toMatchObject({ id: member.id });
    expect((await lastMailTo(member.email)).subject).toBe("Your Roundtable password was changed");
    const another = await startSession(member.id, device);
    expect(await signOutOtherDevices(member, here)).toBe(1);
    expect(await loadSessionViewer(member.id, another)).toBeNull();
  });
});

/** Someone else's account, for checks that one person cannot act on another's devices. */
function makeUserLike(viewer: { id: string }) {
  return { id: "00000000-0000-4000-8000-000000000000", name: "Other", email: "other@x.gov.uk", siteRole: "member" as const, status: "active" as const, createdAt: new Date(0), verified: true, _: viewer.id };
}

describe("changing an email address", () => {
  it("proves the new address by a link opened while signed in, tells the old one, and never says whether an address is taken", async () => {
    const member = await makeUser({ name: "Mover", email: "mover.old@council.gov.uk", passwordHash: await hashPassword("mover's password") });
    await makeUser({ name: "Taken", email: "taken.address@council.gov.uk" });
    const taken = await requestEmailChange(member, { newEmail: "taken.address@council.gov.uk", password: "mover's password" });
    const free = await requestEmailChange(member, { newEmail: "mover.new@council.gov.uk", password: "mover's password" });
    expect(taken).toEqual(free);
    expect((await lastMailTo("taken.address@council.gov.uk")).subject).toBe("Someone tried to use your address on Roundtable");
    expect((await lastMailTo("mover.old@council.gov.uk")).text).toContain("m•••@council.gov.uk");
    const token = tokenIn((await lastMailTo("mover.new@council.gov.uk")).links[0]!);
    const stranger = await makeUser({ name: "Stranger" });
    expect((await appErrorOf(() => confirmEmailChange(stranger, token))).status).toBe(404);
    expect(await confirmEmailChange(member, token)).toEqual({ email: "mover.new@council.gov.uk" });
    expect((await lastMailTo("mover.old@council.gov.uk")).subject).toBe("Your Roundtable email address was changed");
    expect(await verifyCredentials({ email: "mover.new@council.gov.uk", password: "mover's password" })).toMatchObject({ id: member.id });
  });

  it("is refused to an account whose present address is not proven", async () => {
    const unproven = await makeUser({ name: "Unproven Mover", verified: false });
    expect((await appErrorOf(() => requestEmailChange(unproven, { newEmail: "somewhere@council.gov.uk" }))).message).toMatch(/Confirm your email address first/);
  });
});
