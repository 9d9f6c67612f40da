import { describe, expect, it } from "vitest";
import type { MembershipRole } from "@/lib/db/schema";
import { can, refusal, type PersonTarget, type Viewer } from ".";

// Who may change whose role, and remove whom, in one community. Y = allowed, . = refused,
// - = not a change (the subject already has that role). Every cell is asserted.

const community = { id: "c1", name: "C1", parentId: null, depth: 1, visibility: "open" as const, archivedAt: null };
const viewerFor = (id: string, siteRole: Viewer["siteRole"] = "member"): Viewer => ({
  id,
  name: id,
  email: `${id}@x.gov.uk`,
  siteRole,
  status: "active",
  createdAt: new Date(0),
  verified: true,
});

type Actor = { viewer: Viewer; role?: MembershipRole };
const actors: Record<string, Actor> = {
  owner: { viewer: viewerFor("owner"), role: "owner" },
  facilitator: { viewer: viewerFor("facilitator"), role: "facilitator" },
  member: { viewer: viewerFor("member"), role: "member" },
  admin: { viewer: viewerFor("admin", "admin") },
};

type Case = { actor: keyof typeof actors; subject: MembershipRole; self?: boolean; owners: number; roles: string; remove: "Y" | "." };
// roles: the answer for → owner, → facilitator, → member, in that order.
const cases: Case[] = [
  { actor: "owner", subject: "member", owners: 1, roles: "YY-", remove: "Y" },
  { actor: "owner", subject: "facilitator", owners: 1, roles: "Y-Y", remove: "Y" },
  { actor: "owner", subject: "owner", owners: 2, roles: "-YY", remove: "Y" },
  { actor: "owner", subject: "owner", self: true, owners: 1, roles: "-..", remove: "." },
  { actor: "owner", subject: "owner", self: true, owners: 2, roles: "-YY", remove: "." },
  { actor: "facilitator", subject: "member", owners: 1, roles: ".Y-", remove: "Y" },
  { actor: "facilitator", subject: "facilitator", owners: 1, roles: ".-.", remove: "." },
  { actor: "facilitator", subject: "owner", owners: 1, roles: "-..", remove: "." },
  { actor: "facilitator", subject: "facilitator", self: true, owners: 1, roles: ".-Y", remove: "." },
  { actor: "member", subject: "member", owners: 1, roles: "..-", remove: "." },
  { actor: "member", subject: "owner", owners: 1, roles: "-..", remove: "." },
  { actor: "admin", subject: "member", owners: 1, roles: "YY-", remove: "Y" },
  { actor: "admin", subject: "owner", owners: 1, roles: "-..", remove: "." },
  { actor: "admin", subject: "owner", owners: 2, roles: "-YY", remove: "Y" },
];

// Why each cell above is refused, in the same order (→ owner, → facilitator, → member, remove):
// . allowed   O the last owner   A already has the role   S a higher role for themselves
// R not a role they may give   Y removing themselves   F only owners remove facilitators   M not a facilitator
const reasons = ["..A.", ".A..", "A...", "OOOY", "A..Y", "R.A.", "RARF", "OOOO", "SA.Y", "MMMM", "MMMM", "..A.", "OOOO", "A..."];
const reasonCode = (message: string) =>
  ({
    "A community needs an owner. Make someone else an owner first.": "O",
    "You cannot give yourself a higher role.": "S",
    "You cannot give that role.": "R",
    "You cannot remove yourself. Leave the community instead.": "Y",
    "Only owners can remove facilitators and owners.": "F",
    "Only the community's facilitators can manage its members.": "M",
  })[message] ?? (message.startsWith("They are already ") ? "A" : `[${message}]`);

function targetFor(c: Case, archived = false): PersonTarget {
  const actor = actors[c.actor]!;
  const memberships: PersonTarget["memberships"] = {};
  if (actor.role) {
    memberships[community.id] = { role: c.self ? c.subject : actor.role, status: "active", joinedAt: null, bannedUntil: null, inviteExpiresAt: null };
  }
  return {
    chain: [{ ...community, archivedAt: archived ? new Date() : null }],
    memberships,
    ownerCount: c.owners,
    subject: {
      userId: c.self ? actor.viewer.id : "subject",
      membership: { role: c.subject, status: "active", joinedAt: null, bannedUntil: null, inviteExpiresAt: null },
    },
  };
}

describe("member actions matrix", () => {
  for (const c of cases) {
    const who = c.self ? `themselves (${c.subject})` : `a ${c.subject}`;
    it(`${c.actor} acting on ${who} with ${c.owners} owner(s)`, () => {
      const roles = (["owner", "facilitator", "member"] as const)
        .map((newRole) => (newRole === c.subject ? "-" : can(actors[c.actor]!.viewer, "member.setRole", { ...targetFor(c), newRole }) ? "Y" : "."))
        .join("");
      const remove = can(actors[c.actor]!.viewer, "member.remove", targetFor(c)) ? "Y" : ".";
      expect({ roles, remove }).toEqual({ roles: c.roles, remove: c.remove });
    });
  }

  it("tells why, in every refused cell: the last owner keeps the role, and the rest", () => {
    const actual = cases.map((c) => {
      const viewer = actors[c.actor]!.viewer;
      const code = (r: ReturnType<typeof refusal>) => (r ? reasonCode(r.message) : ".");
      const roles = (["owner", "facilitator", "member"] as const).map((newRole) => code(refusal(viewer, "member.setRole", { ...targetFor(c), newRole })));
      return roles.join("") + code(refusal(viewer, "member.remove", targetFor(c)));
    });
    expect(actual).toEqual(reasons);
  });

  it("refuses every member action in an archived community", () => {
    for (const c of cases) {
      for (const newRole of ["owner", "facilitator", "member"] as const) {
        expect(can(actors[c.actor]!.viewer, "member.setRole", { ...targetFor(c, true), newRole })).toBe(false);
      }
      expect(can(actors[c.actor]!.viewer, "member.remove", targetFor(c, true))).toBe(false);
    }
  });

  it("refuses a suspended or signed-out actor", () => {
    const c = cases[0]!;
    expect(can({ ...actors.owner!.viewer, status: "suspended" }, "member.remove", targetFor(c))).toBe(false);
    expect(can(null, "member.remove", targetFor(c))).toBe(false);
  });
});
