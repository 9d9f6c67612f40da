import { beforeAll, describe, expect, it } from "vitest";
import { makeActors } from "@/test/support/factories";
import { can, refusal, type AccountTarget, type MaybeViewer } from ".";

// Site administration as a table: who may open the admin pages, and whose confirmation email
// an admin may send again. Every cell is asserted.
// Columns (the account acted on): U unconfirmed and active, V confirmed, S unconfirmed but
// suspended, M the actor's own account, unconfirmed.
const actors = ["anonymous", "suspended", "member", "facilitator", "admin"] as const;
type Actor = (typeof actors)[number];
const columns = ["U", "V", "S", "M"] as const;

const administer: Record<Actor, string> = { anonymous: ".", suspended: ".", member: ".", facilitator: ".", admin: "Y" };
const resend: Record<Actor, string> = { anonymous: "....", suspended: "....", member: "....", facilitator: "....", admin: "Y..Y" };
// Why not, for the admin: . allowed, C already confirmed (409), X suspended (409).
const adminReasons = ".CX.";

const viewers = new Map<Actor, MaybeViewer>();
beforeAll(async () => {
  for (const [name, viewer] of await makeActors(actors)) viewers.set(name, viewer);
});

function account(column: (typeof columns)[number], viewer: MaybeViewer): AccountTarget {
  const confirmed = new Date("2025-01-01T00:00:00Z");
  return {
    U: { userId: "u", status: "active" as const, emailVerified: null },
    V: { userId: "v", status: "active" as const, emailVerified: confirmed },
    S: { userId: "s", status: "suspended" as const, emailVerified: null },
    M: { userId: viewer?.id ?? "nobody", status: "active" as const, emailVerified: null },
  }[column];
}

describe("site administration matrix", () => {
  it("site.administer: only site admins, in every cell", () => {
    const actual = Object.fromEntries(actors.map((a) => [a, can(viewers.get(a)!, "site.administer", {}) ? "Y" : "."]));
    expect(actual).toEqual(administer);
  });

  it("user.resendVerification: admins, for unconfirmed active accounts, in every cell", () => {
    const actual = Object.fromEntries(
      actors.map((a) => [a, columns.map((c) => (can(viewers.get(a)!, "user.resendVerification", account(c, viewers.get(a)!)) ? "Y" : ".")).join("")]),
    );
    expect(actual).toEqual(resend);
  });

  it("tells the admin the true reason in each refused cell, and everyone else that it is for admins", () => {
    const admin = viewers.get("admin")!;
    const letter = (c: (typeof columns)[number]) => {
      const refused = refusal(admin, "user.resendVerification", account(c, admin));
      if (!refused) return ".";
      return refused.message.includes("already confirmed") ? "C" : refused.message.includes("suspended") ? "X" : "?";
    };
    expect(columns.map(letter).join("")).toBe(adminReasons);
    expect(refusal(viewers.get("facilitator")!, "site.administer", {})).toEqual({ status: 404, message: "We could not find that page." });
    expect(refusal(viewers.get("anonymous")!, "site.administer", {})?.status).toBe(401);
    expect(refusal(viewers.get("suspended")!, "site.administer", {})?.status).toBe(403);
  });
});
