import argon2 from "argon2";
import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sendSignInLink } from "@/lib/auth/sign-in-rules";
import { createCommunity } from "@/lib/communities/mutations";
import { inviteToCommunity } from "@/lib/communities/send-invitations";
import { getDb } from "@/lib/db/client";
import { devOutbox } from "@/lib/db/schema";
import { verifyCredentials } from "@/lib/users/credentials";
import { requestPasswordReset } from "@/lib/users/password-reset";
import { registerUser } from "@/lib/users/registration";
import { appErrorOf } from "@/test/support/errors";
import { makeUser } from "@/test/support/factories";

process.env.RATE_LIMITS = "on";

// Limits on every path that sends mail or creates accounts, and on password sign-in. Each of
// these failed before the limits existed (see the report for the run on the earlier commit).

const mailsTo = async (to: string) => {
  const [row] = await (await getDb()).select({ n: count() }).from(devOutbox).where(eq(devOutbox.to, to));
  return row!.n;
};

afterEach(() => vi.restoreAllMocks());

describe("sign-up", () => {
  it("takes 3 a day per address, refusing the 4th before hashing any password", async () => {
    const input = { name: "Flood", email: "flooded@council.gov.uk", password: "a long enough password" };
    for (let i = 0; i < 3; i++) await registerUser(input, "198.51.100.1");
    const hash = vi.spyOn(argon2, "hash");
    const error = await appErrorOf(() => registerUser(input, "198.51.100.2"));
    expect([error.status, error.message]).toEqual([429, expect.stringMatching(/^Too many sign-ups for this email address today\./)]);
    expect(hash).not.toHaveBeenCalled();
    expect(await mailsTo("flooded@council.gov.uk")).toBe(3);
  });

  it("takes 10 an hour per network", async () => {
    for (let i = 0; i < 10; i++) await registerUser({ name: "Many", email: `many.${i}@council.gov.uk`, password: "a long enough password" }, "198.51.100.9");
    const error = await appErrorOf(() => registerUser({ name: "Many", email: "many.10@council.gov.uk", password: "a long enough password" }, "198.51.100.9"));
    expect(error.message).toMatch(/from this network/);
  });
});

describe("sign-in links", () => {
  it("mails 5 an hour per address, and quietly no more", async () => {
    await makeUser({ name: "Linked", email: "linked@council.gov.uk" });
    const request = new Request("http://localhost/api/auth/signin/email", { headers: { "x-forwarded-for": "198.51.100.20" } });
    for (let i = 0; i < 7; i++) await sendSignInLink("linked@council.gov.uk", "http://localhost:3000/api/auth/callback/email?token=t", request);
    expect(await mailsTo("linked@council.gov.uk")).toBe(5);
  });
});

describe("password resets", () => {
  it("take 5 an hour per address, whether or not it has an account", async () => {
    for (const email of ["reset.known@council.gov.uk", "reset.unknown@council.gov.uk"]) {
      if (email.startsWith("reset.known")) await makeUser({ name: "Known", email });
      for (let i = 0; i < 5; i++) await requestPasswordReset({ email }, `198.51.100.${30 + i}`);
      expect((await appErrorOf(() => requestPasswordReset({ email }, "198.51.100.40"))).status).toBe(429);
    }
    expect(await mailsTo("reset.known@council.gov.uk")).toBe(5);
    expect(await mailsTo("reset.unknown@council.gov.uk")).toBe(0);
  });
});

describe("invitations", () => {
  it("reach one address 5 times a day at most, from everyone together", async () => {
    const inviters = [await makeUser({ name: "Inviter One" }), await makeUser({ name: "Inviter Two" })];
    const slugs = await Promise.all(inviters.map(async (who, i) => (await createCommunity(who, { name: `Invites ${i}`, visibility: "open" })).slug));
    for (let i = 0; i < 5; i++) await inviteToCommunity(inviters[i % 2]!, slugs[i % 2]!, { invitee: "popular@elsewhere.gov.uk" });
    const error = await appErrorOf(() => inviteToCommunity(inviters[1]!, slugs[1]!, { invitee: "popular@elsewhere.gov.uk" }));
    expect([error.status, error.message]).toEqual([429, expect.stringMatching(/^That address has been sent enough invitations today\./)]);
    expect(await mailsTo("popular@elsewhere.gov.uk")).toBe(5);
  });

  it("go out 30 an hour per member (and 10 a day from an account on its first day)", async () => {
    const newcomer = await makeUser({ name: "New Inviter" });
    const first = await createCommunity(newcomer, { name: "New invites", visibility: "open" });
    for (let i = 0; i < 10; i++) await inviteToCommunity(newcomer, first.slug, { invitee: `new.guest.${i}@elsewhere.gov.uk` });
    expect((await appErrorOf(() => inviteToCommunity(newcomer, first.slug, { invitee: "new.guest.10@elsewhere.gov.uk" }))).message).toMatch(/today's limit of 10 invitations/);
    const inviter = { ...(await makeUser({ name: "Busy Inviter" })), createdAt: new Date(Date.now() - 30 * 86_400_000) };
    const { slug } = await createCommunity(inviter, { name: "Busy invites", visibility: "open" });
    for (let i = 0; i < 30; i++) await inviteToCommunity(inviter, slug, { invitee: `guest.${i}@elsewhere.gov.uk` });
    expect((await appErrorOf(() => inviteToCommunity(inviter, slug, { invitee: "guest.30@elsewhere.gov.uk" }))).message).toMatch(/too quickly/);
  });
});

describe("password sign-in", () => {
  it("never lets a stranger's guesses lock the member out", async () => {
    await registerUser({ name: "Victim", email: "victim@council.gov.uk", password: "the real password" }, "198.51.100.51");
    for (let i = 0; i < 6; i++) expect(await verifyCredentials({ email: "victim@council.gov.uk", password: `guess ${i}` }, "203.0.113.65")).toBeNull();
    expect(await verifyCredentials({ email: "victim@council.gov.uk", password: "the real password" }, "192.0.2.8")).toMatchObject({ email: "victim@council.gov.uk" });
  });

  it("locks out one network guessing at one account after 10 tries, never the member signing in from elsewhere", async () => {
    await registerUser({ name: "Target", email: "target@council.gov.uk", password: "the real password" }, "198.51.100.50");
    for (let i = 0; i < 10; i++) expect(await verifyCredentials({ email: "target@council.gov.uk", password: `guess ${i}` }, "203.0.113.66")).toBeNull();
    const locked = await appErrorOf(() => verifyCredentials({ email: "target@council.gov.uk", password: "the real password" }, "203.0.113.66"));
    expect(locked.message).toMatch(/for this account from this network/);
    expect(await verifyCredentials({ email: "target@council.gov.uk", password: "the real password" }, "192.0.2.7")).toMatchObject({ email: "target@council.gov.uk" });
  });

  it("stops one network spraying many accounts", async () => {
    for (let i = 0; i < 100; i++) await verifyCredentials({ email: `spray.${i}@council.gov.uk`, password: "x" }, "203.0.113.99");
    expect((await appErrorOf(() => verifyCredentials({ email: "spray.100@council.gov.uk", password: "x" }, "203.0.113.99"))).message).toMatch(/from this network/);
  });
});
