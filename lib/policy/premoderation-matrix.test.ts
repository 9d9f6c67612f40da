import { describe, expect, it } from "vitest";
import type { MembershipRole, PremoderationMode } from "@/lib/db/schema";
import { needsApproval, type CommunityTarget, type Viewer } from ".";

// Whose new post waits for a facilitator's approval, under each pre-moderation setting.
// Y = waits, . = published at once. Every cell is asserted.

const now = new Date("2026-06-01T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const settings = ["off", "new_members", "everyone"] as const satisfies readonly PremoderationMode[];

type Poster = { siteRole?: Viewer["siteRole"]; role?: MembershipRole; joinedDaysAgo?: number | null };
const posters: Record<string, Poster> = {
  admin: { siteRole: "admin" },
  owner: { role: "owner", joinedDaysAgo: 1 },
  facilitator: { role: "facilitator", joinedDaysAgo: 1 },
  veteran: { role: "member", joinedDaysAgo: 30 },
  newcomer: { role: "member", joinedDaysAgo: 2 },
  /** A membership with no joining date counts as joined just now. */
  undated: { role: "member", joinedDaysAgo: null },
};

const expected: Record<keyof typeof posters, string> = {
  admin: "...",
  owner: "...",
  facilitator: "...",
  veteran: "..Y",
  newcomer: ".YY",
  undated: ".YY",
};

function decide(poster: Poster, premoderation: PremoderationMode): boolean {
  const viewer: Viewer = { id: "poster", name: "P", email: "p@x.gov.uk", siteRole: poster.siteRole ?? "member", status: "active", createdAt: new Date(0), verified: true };
  const target: CommunityTarget = {
    chain: [{ id: "c", name: "C", parentId: null, depth: 1, visibility: "open", archivedAt: null }],
    memberships: poster.role
      ? {
          c: {
            role: poster.role,
            status: "active",
            joinedAt: poster.joinedDaysAgo == null ? null : new Date(now.getTime() - poster.joinedDaysAgo * DAY),
            bannedUntil: null,
            inviteExpiresAt: null,
          },
        }
      : {},
  };
  return needsApproval(viewer, target, { premoderation, premoderationDays: 7 }, now);
}

describe("pre-moderation matrix", () => {
  it("holds back exactly the posts its setting names, and never a facilitator's or an admin's", () => {
    const actual = Object.fromEntries(
      Object.entries(posters).map(([name, poster]) => [name, settings.map((mode) => (decide(poster, mode) ? "Y" : ".")).join("")]),
    );
    expect(actual).toEqual(expected);
  });

  it("lets a new member through once the days have passed", () => {
    expect(decide({ role: "member", joinedDaysAgo: 6.9 }, "new_members")).toBe(true);
    expect(decide({ role: "member", joinedDaysAgo: 7 }, "new_members")).toBe(false);
  });
});
