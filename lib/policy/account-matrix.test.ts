import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCommunity } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import { invitations, memberships, users, type CommunityRow } from "@/lib/db/schema";
import { addMembership, makeActors, makeCommunity, makeUser } from "@/test/support/factories";
import { can, findablePeople, invitationsSeenBy, type MaybeViewer } from ".";

// Who sees and withdraws an invitation waiting for an answer (and so the address it went to),
// and who may find whom by name. Every cell is asserted, in JS and in SQL.
//
// Invitations: one in each of O, R, P (open, restricted, private), sent by "sender", a member.
// "leftSender" sent one in each too, then left. Actors are plain members of each community
// unless their name says otherwise; nonMember and unverified belong nowhere.

const columns = ["O", "R", "P"] as const;
type Column = (typeof columns)[number];
const actors = ["anonymous", "suspended", "unverified", "admin", "nonMember", "member", "sender", "leftSender", "facilitator", "owner"] as const;
type Actor = (typeof actors)[number];
type Table = Record<Actor, string>;
const fill = (rows: Partial<Table>): Table => ({ ...(Object.fromEntries(actors.map((a) => [a, "..."])) as Table), ...rows });

// Each cell: may they see (and withdraw) the sender's invitation, and leftSender's?
const seesSenders = fill({ admin: "YYY", sender: "YYY", facilitator: "YYY", owner: "YYY" });
const seesLeftSenders = fill({ admin: "YYY", leftSender: "Y..", facilitator: "YYY", owner: "YYY" });

const viewers = new Map<Actor, MaybeViewer>();
const communities = new Map<Column, CommunityRow>();
const sent = new Map<string, { id: string; invitedById: string }>();

beforeAll(async () => {
  for (const [name, viewer] of await makeActors(actors)) viewers.set(name, viewer);
  const id = (a: Actor) => viewers.get(a)!.id;
  const db = await getDb();
  for (const column of columns) {
    const community = await makeCommunity({ visibility: ({ O: "open", R: "restricted", P: "private" } as const)[column] });
    communities.set(column, community);
    for (const a of ["suspended", "member", "sender", "leftSender"] as const) await addMembership(community.id, id(a));
    await addMembership(community.id, id("facilitator"), "active", "facilitator");
    await addMembership(community.id, id("owner"), "active", "owner");
    for (const by of ["sender", "leftSender"] as const) {
      const [row] = await db
        .insert(invitations)
        .values({ communityId: community.id, email: `${by}.${column}@invitee.gov.uk`, inviteeLabel: "x", tokenHash: `${by}-${column}`, invitedById: id(by), expiresAt: new Date(Date.now() + 86_400_000) })
        .returning({ id: invitations.id });
      sent.set(`${by}:${column}`, { id: row!.id, invitedById: id(by) });
    }
    await db.delete(memberships).where(and(eq(memberships.communityId, community.id), eq(memberships.userId, id("leftSender"))));
  }
});

async function decide(actor: Actor, action: "invitation.view" | "invitation.withdraw", by: "sender" | "leftSender") {
  const db = await getDb();
  let row = "";
  for (const column of columns) {
    const viewer = viewers.get(actor)!;
    const loaded = await loadCommunity(db, viewer, { id: communities.get(column)!.id });
    row += can(viewer, action, { ...loaded!.target, invitation: { invitedById: sent.get(`${by}:${column}`)!.invitedById } }) ? "Y" : ".";
  }
  return row;
}

describe("invitation policy matrix", () => {
  for (const action of ["invitation.view", "invitation.withdraw"] as const) {
    for (const [by, table] of [["sender", seesSenders], ["leftSender", seesLeftSenders]] as const) {
      it(`${action} of an invitation by ${by}, for every actor in every kind of community`, async () => {
        const actual: Partial<Table> = {};
        for (const actor of actors) actual[actor] = await decide(actor, action, by);
        expect(actual).toEqual(table);
      });
    }
  }

  it("the SQL scope for invitations agrees with invitation.view in every cell", async () => {
    const db = await getDb();
    for (const [by, table] of [["sender", seesSenders], ["leftSender", seesLeftSenders]] as const) {
      const actual: Partial<Table> = {};
      for (const actor of actors) {
        const ids = columns.map((c) => sent.get(`${by}:${c}`)!.id);
        const seen = new Set((await db.select({ id: invitations.id }).from(invitations).where(and(inArray(invitations.id, ids), invitationsSeenBy(viewers.get(actor)!, invitations)))).map((r) => r.id));
        actual[actor] = columns.map((c) => (seen.has(sent.get(`${by}:${c}`)!.id) ? "Y" : ".")).join("");
      }
      expect(actual).toEqual(table);
    }
  });
});

describe("finding people by name", () => {
  it("finds only active people whose address is proven, and nobody for a viewer whose own address is not", async () => {
    const db = await getDb();
    // Columns: an active member with a proven address, one not yet proven, a suspended one.
    const people = [await makeUser({ name: "Findable Fran" }), await makeUser({ name: "Unproven Una", verified: false }), await makeUser({ name: "Suspended Sue", status: "suspended" })];
    const table = { anonymous: "...", suspended: "...", unverified: "...", member: "Y..", admin: "Y.." };
    const actual: Record<string, string> = {};
    for (const actor of Object.keys(table) as (keyof typeof table)[]) {
      const found = new Set(
        (await db.select({ id: users.id }).from(users).where(and(inArray(users.id, people.map((p) => p.id)), findablePeople(viewers.get(actor)!)))).map((r) => r.id),
      );
      actual[actor] = people.map((p) => (found.has(p.id) ? "Y" : ".")).join("");
    }
    expect(actual).toEqual(table);
  });
});
