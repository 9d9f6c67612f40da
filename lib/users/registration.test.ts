import argon2 from "argon2";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { appErrorOf } from "@/test/support/errors";
import { verifyCredentials } from "./credentials";
import { loadAccount } from "./account";
import { emailDomainAllowed, registerUser, SIGN_UP_ANSWER } from "./registration";

/** Signs up and returns the new account's id and address. */
async function signUp(input: Record<string, unknown>) {
  expect(await registerUser(input)).toEqual({ message: SIGN_UP_ANSWER });
  const db = await getDb();
  const [row] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, String(input.email).trim().toLowerCase()));
  return row!;
}

const good = { name: "Amina Okoro", email: "amina.okoro@brackenford.gov.uk", password: "three random words" };

describe("signing up", () => {
  it("creates an unconfirmed account with an argon2id hash and a normalised email", async () => {
    const user = await signUp({ ...good, email: "  Amina.Okoro@Brackenford.GOV.uk " });
    expect(user.email).toBe("amina.okoro@brackenford.gov.uk");
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.name).toBe("Amina Okoro");
    expect(row?.emailVerified).toBeNull();
  });

  const badInput: [string, Record<string, unknown>, number, string, RegExp][] = [
    ["an invalid email", { ...good, email: "amina@" }, 400, "email", /right format/],
    ["a short password", { ...good, email: "a1@x.gov.uk", password: "short" }, 400, "password", /at least 10/],
    ["an empty name", { ...good, email: "a2@x.gov.uk", name: "   " }, 400, "name", /Enter your name/],
    ["a 10,000-character name", { ...good, email: "a3@x.gov.uk", name: "n".repeat(10_000) }, 400, "name", /100 characters or fewer/],
    ["a missing password", { name: "A", email: "a4@x.gov.uk" }, 400, "password", /Enter a password/],
    ["a 10,000-character password", { ...good, email: "a5@x.gov.uk", password: "p".repeat(10_000) }, 400, "password", /128 characters or fewer/],
  ];
  for (const [label, input, status, field, message] of badInput) {
    it(`refuses ${label} with a ${status} and a message for the ${field} field`, async () => {
      const error = await appErrorOf(() => registerUser(input));
      expect(error.status).toBe(status);
      expect(error.fieldErrors?.[field]?.[0]).toMatch(message);
    });
  }

  it("limits sign-up to ALLOWED_EMAIL_DOMAINS, subdomains included, whole labels only", () => {
    expect(emailDomainAllowed("a@brackenford.gov.uk", ["gov.uk"])).toBe(true);
    expect(emailDomainAllowed("a@gov.uk", ["gov.uk"])).toBe(true);
    expect(emailDomainAllowed("a@notgov.uk", ["gov.uk"])).toBe(false);
    expect(emailDomainAllowed("a@gmail.com", ["gov.uk", "nhs.net"])).toBe(false);
    expect(emailDomainAllowed("a@gmail.com", [])).toBe(true);
  });
});

describe("checking a password", () => {
  afterEach(() => vi.restoreAllMocks());

  it("signs in with the right password only, and never a suspended account", async () => {
    const user = await signUp({ ...good, email: "sign.in@x.gov.uk" });
    expect(await verifyCredentials({ email: "SIGN.IN@x.gov.uk", password: good.password })).toMatchObject({ id: user.id });
    expect(await verifyCredentials({ email: "sign.in@x.gov.uk", password: "wrong password" })).toBeNull();
    const db = await getDb();
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, user.id));
    expect(await verifyCredentials({ email: "sign.in@x.gov.uk", password: good.password })).toBeNull();
  });

  it("does the same argon2 work whether or not the email exists", async () => {
    await signUp({ ...good, email: "timing@x.gov.uk" });
    const verify = vi.spyOn(argon2, "verify");
    await verifyCredentials({ email: "timing@x.gov.uk", password: "wrong password" });
    await verifyCredentials({ email: "nobody@x.gov.uk", password: "wrong password" });
    expect(verify).toHaveBeenCalledTimes(2);
    const [known, unknown] = verify.mock.calls.map(([hash]) => hash.split("$").slice(1, 4).join("$"));
    expect(unknown).toBe(known);
  });
});

describe("loading the viewer for a request", () => {
  it("reflects a suspension on the very next request", async () => {
    const user = await signUp({ ...good, email: "next.request@x.gov.uk" });
    expect((await loadAccount(user.id))?.status).toBe("active");
    const db = await getDb();
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, user.id));
    expect((await loadAccount(user.id))?.status).toBe("suspended");
    expect(await loadAccount("00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});
