import { describe, expect, it } from "vitest";
import type { MembershipState } from "./community-rules";
import { allowedVisibilities, inviteeRefusal, type CommunityTarget } from ".";

// Who may be invited where, judged on the invitee's own memberships: never the viewer's, and
// with no stand-in Viewer. Columns are communities; the invitee's memberships are the row's.
//   O      an open top-level community
//   P      a private top-level community
//   O/P    a private community inside an open one
//   P/P    a private community inside a private one
// . may be invited   M already a member (409)   B banned (409)   N not in the community above (400)

const columns = ["O", "P", "O/P", "P/P"] as const;
type Column = (typeof columns)[number];
const chains: Record<Column, ("open" | "private")[]> = { O: ["open"], P: ["private"], "O/P": ["open", "private"], "P/P": ["private", "private"] };

const state = (status: MembershipState["status"], bannedUntil: Date | null = null): MembershipState => ({
  role: "member",
  status,
  joinedAt: null,
  bannedUntil,
  inviteExpiresAt: null,
});
const past = new Date(Date.now() - 60_000);
const future = new Date(Date.now() + 24 * 60 * 60 * 1000);

/** Each invitee's membership in the community itself, and in the one above it (where there is one). */
const invitees: Record<string, { here?: MembershipState; above?: MembershipState }> = {
  newcomer: {},
  member: { here: state("active"), above: state("active") },
  pending: { here: state("pending") },
  invited: { here: state("invited") },
  banned: { here: state("banned", future) },
  bannedForever: { here: state("banned", null) },
  banEnded: { here: state("banned", past) },
  memberAbove: { above: state("active") },
  bannedAbove: { above: state("banned", null) },
};

const expected: Record<keyof typeof invitees, string> = {
  newcomer: "...N",
  member: "MMMM",
  pending: "...N",
  invited: "...N",
  banned: "BBBB",
  bannedForever: "BBBB",
  banEnded: "...N",
  memberAbove: "....",
  bannedAbove: "..NN",
};

function targetFor(column: Column, invitee: { here?: MembershipState; above?: MembershipState }): CommunityTarget {
  const chain = chains[column].map((visibility, i) => ({
    id: `c${i}`,
    name: i === 0 ? "The parent" : "The child",
    parentId: i === 0 ? null : `c${i - 1}`,
    depth: i + 1,
    visibility,
    archivedAt: null,
  }));
  const memberships: CommunityTarget["memberships"] = {};
  if (invitee.here) memberships[chain.at(-1)!.id] = invitee.here;
  if (invitee.above && chain.length > 1) memberships[chain[0]!.id] = invitee.above;
  return { chain, memberships };
}

const codes: Record<number, string> = { 409: "M", 400: "N" };

describe("invitee matrix", () => {
  it("refuses exactly the people who could not join, for the reason that is true of them", () => {
    const actual = Object.fromEntries(
      Object.entries(invitees).map(([name, invitee]) => [
        name,
        columns
          .map((column) => {
            const refused = inviteeRefusal(targetFor(column, invitee), "Sam");
            if (!refused) return ".";
            return refused.message.includes("cannot be invited") ? "B" : (codes[refused.status] ?? "?");
          })
          .join(""),
      ]),
    );
    expect(actual).toEqual(expected);
  });

  it("names the person and the community above in its messages", () => {
    expect(inviteeRefusal(targetFor("O", invitees.member!), "Sam Patel")?.message).toBe("Sam Patel is already a member.");
    expect(inviteeRefusal(targetFor("P/P", invitees.newcomer!), "Sam Patel")?.message).toBe(
      "Sam Patel is not a member of “The parent”, which this community sits inside. Invite them there first.",
    );
  });
});

describe("visibilities under a parent", () => {
  it("are never more open than the parent", () => {
    expect({
      none: allowedVisibilities(null),
      open: allowedVisibilities("open"),
      restricted: allowedVisibilities("restricted"),
      private: allowedVisibilities("private"),
    }).toEqual({
      none: ["open", "restricted", "private"],
      open: ["open", "restricted", "private"],
      restricted: ["restricted", "private"],
      private: ["private"],
    });
  });
});
