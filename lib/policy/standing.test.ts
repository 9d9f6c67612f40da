import { describe, expect, it } from "vitest";
import { standing, type MembershipState } from ".";

// What the community page and the community lists tell a person about their membership, for
// every kind of membership row, including bans and invitations that have run out.
const now = new Date("2026-06-01T12:00:00Z");
const past = new Date("2026-05-01T12:00:00Z");
const future = new Date("2026-07-01T12:00:00Z");
const row = (m: Partial<MembershipState>): MembershipState => ({
  role: "member",
  status: "active",
  joinedAt: past,
  bannedUntil: null,
  inviteExpiresAt: null,
  ...m,
});

describe("a person's standing with a community", () => {
  it.each([
    ["no membership", undefined, null],
    ["an active member", row({}), "active"],
    ["an active facilitator", row({ role: "facilitator" }), "active"],
    ["an active owner", row({ role: "owner" }), "active"],
    ["a request to join", row({ status: "pending", joinedAt: null }), "pending"],
    ["an invitation with no end", row({ status: "invited", joinedAt: null }), "invited"],
    ["an invitation still open", row({ status: "invited", joinedAt: null, inviteExpiresAt: future }), "invited"],
    ["an invitation that has expired", row({ status: "invited", joinedAt: null, inviteExpiresAt: past }), null],
    ["a ban with no end", row({ status: "banned" }), "banned"],
    ["a ban that has not ended", row({ status: "banned", bannedUntil: future }), "banned"],
    ["a ban that has ended", row({ status: "banned", bannedUntil: past }), null],
  ] as const)("%s", (_label, membership, expected) => {
    expect(standing(membership, now)).toBe(expected);
  });
});
