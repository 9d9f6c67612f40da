import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { countOwners, loadCommunity } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { communities, users, type CommunityRow, type Visibility } from "@/lib/db/schema";
import { addMembership, makeActors, makeCommunity } from "@/test/support/factories";
import { refusalLetter } from "@/test/support/refusals";
import {
  can,
  CONFIRM_ADDRESS_FIRST,
  listedCommunities,
  personManagesCommunity,
  personReadsCommunity,
  personSeesCommunity,
  readableCommunityIds,
  refusal,
  type Action,
  type MaybeViewer,
} from ".";

// The community policy as a table, in the manner of Discourse's guardian spec. Every cell
// (actor × community × action) is asserted. Y = allowed, . = refused.
//
// Communities, in column order:
//   O  R  P        top-level open, restricted, private
//   O/O O/R O/P    an open parent's open, restricted and private child
//   R/R R/P P/P    a restricted parent's restricted and private child; a private parent's private child
//   A              an archived open community
//   D3             an open community three levels deep
//
// Actors. Unless stated, an actor is an active member of every community above the target.
//   anonymous, suspended (a member everywhere, but suspended), unverified (an account whose address
//   is not proven: no memberships, reads open communities only), admin (site admin, no memberships),
//   nonMember (no memberships), pending, invited, member, facilitator, owner (the only owner),
//   banned (in the target), parentMember (of the ancestors only),
//   parentFacilitator (facilitator of the parent, nothing in the target),
//   childOnly (member of the target but of no community above it).

const targets = ["O", "R", "P", "O/O", "O/R", "O/P", "R/R", "R/P", "P/P", "A", "D3"] as const;
type TargetName = (typeof targets)[number];

const actors = [
  "anonymous",
  "suspended",
  "unverified",
  "admin",
  "nonMember",
  "pending",
  "invited",
  "member",
  "facilitator",
  "owner",
  "banned",
  "parentMember",
  "parentFacilitator",
  "childOnly",
] as const;
type ActorName = (typeof actors)[number];

type Table = Record<ActorName, string>;

const none = "...........";
const all = "YYYYYYYYYYY";
const managers = (row: string): Pick<Table, "admin" | "facilitator" | "owner"> => ({
  admin: row,
  facilitator: row,
  owner: row,
});

const view: Table = {
  anonymous: none,
  suspended: none,
  unverified: "Y..Y.....YY",
  admin: all,
  nonMember: "YY.YY....YY",
  pending: "YY.YY.Y..YY",
  invited: all,
  member: all,
  facilitator: all,
  owner: all,
  banned: "YY.YY.Y..YY",
  parentMember: "YY.YY.Y..YY",
  parentFacilitator: "YY.YY.Y..YY",
  childOnly: "YYYYYY...YY",
};

const read: Table = {
  anonymous: none,
  suspended: none,
  unverified: "Y..Y.....YY",
  admin: all,
  nonMember: "Y..Y.....YY",
  pending: "Y..Y.....YY",
  invited: "Y..Y.....YY",
  member: all,
  facilitator: all,
  owner: all,
  banned: none,
  parentMember: "Y..Y.....YY",
  parentFacilitator: "Y..Y.....YY",
  childOnly: "YYYYYY...YY",
};

const onlyFor = (rows: Partial<Table>): Table => ({
  ...(Object.fromEntries(actors.map((a) => [a, none])) as Table),
  ...rows,
});

// Rows named "action→visibility" decide a change to that visibility.
const expected: Record<Exclude<(Action & `community.${string}`) | "post.create", "community.changeVisibility"> | `community.changeVisibility→${"open" | "private"}`, Table> = {
  "community.view": view,
  "community.read": read,
  "community.viewMembers": { ...read, unverified: none },
  "community.join": onlyFor({
    admin: "Y..Y......Y",
    nonMember: "Y..Y......Y",
    pending: "Y..Y......Y",
    invited: "Y..Y......Y",
    parentMember: "Y..Y......Y",
    parentFacilitator: "Y..Y......Y",
  }),
  "community.request": onlyFor({
    admin: ".Y..Y.Y....",
    nonMember: ".Y..Y......",
    parentMember: ".Y..Y.Y....",
    parentFacilitator: ".Y..Y.Y....",
  }),
  "community.withdrawRequest": onlyFor({ pending: all }),
  "community.acceptInvite": onlyFor({ invited: "YYYYYYYYY.Y" }),
  "community.declineInvite": onlyFor({ invited: all }),
  "community.leave": onlyFor({ member: all, facilitator: all, childOnly: all }),
  "community.createSub": onlyFor(managers("YYYYYYYYY..")),
  "community.edit": onlyFor(managers("YYYYYYYYY.Y")),
  "community.archive": onlyFor(managers(all)),
  "community.invite": onlyFor({
    ...managers("YYYYYYYYY.Y"),
    member: "Y..Y......Y",
    childOnly: "Y..Y......Y",
  }),
  "community.manageRequests": onlyFor(managers("YYYYYYYYY.Y")),
  "community.manageMembers": onlyFor(managers("YYYYYYYYY.Y")),
  "community.moderate": onlyFor(managers(all)),
  // Figures: that community's own facilitators and owners (parentFacilitator gets none), and admins.
  "community.viewAnalytics": onlyFor(managers(all)),
  // Export: as for figures, that community's own facilitators and owners, and admins.
  "community.export": onlyFor(managers(all)),
  // Facilitators may close a community; opening one to more people is for its owners and site admins.
  "community.changeVisibility→private": onlyFor(managers("YYYYYYYYY.Y")),
  "community.changeVisibility→open": onlyFor({ admin: "YYYYYY....Y", owner: "YYYYYY....Y", facilitator: "Y..Y......Y" }),
  "post.create": onlyFor({ ...managers("YYYYYYYYY.Y"), admin: none, member: "YYYYYYYYY.Y", childOnly: "YYYYYY....Y" }),
};

// Why a post is refused, in each cell: the message must be true of that viewer's situation.
// . allowed   s signed out   x suspended   v address not proven   ? not found (404)   A archived   M only members post
// J join first (an open community they read)   B banned from it
const postRefusals: Table = {
  anonymous: "sssssssssss",
  suspended: "xxxxxxxxxxx",
  unverified: "v??v?????vv",
  admin: "JMMJMMMMMAJ",
  nonMember: "JM?JM????AJ",
  pending: "JM?JM?M??AJ",
  invited: "JMMJMMMMMAJ",
  member: ".........A.",
  facilitator: ".........A.",
  owner: ".........A.",
  banned: "BB?BB?B??AB",
  parentMember: "JM?JM?M??AJ",
  parentFacilitator: "JM?JM?M??AJ",
  childOnly: "......???A.",
};
const postReason = refusalLetter({
  "Please sign in first.": "s",
  "Your account is suspended.": "x",
  [CONFIRM_ADDRESS_FIRST]: "v",
  "We could not find that page.": "?",
  "This community is archived, so it takes no new posts.": "A",
  "Only members of this community can post here.": "M",
  "Join this community to post here.": "J",
  "You are banned from this community, so you cannot post here.": "B",
});

// Why the discussions are closed to someone, in each cell: what they are told must be true of
// them, and say what they can do. . reads   s signed out   x suspended   ? not found (404: an
// unproven address sees only open communities)
// B banned   W their request waits   I invited (accept it)   J ask to join   M members only
const readRefusals: Table = {
  anonymous: "sssssssssss",
  suspended: "xxxxxxxxxxx",
  unverified: ".??.?????..",
  admin: "...........",
  nonMember: ".J?.J????..",
  pending: ".W?.W?W??..",
  invited: ".II.IIIII..",
  member: "...........",
  facilitator: "...........",
  owner: "...........",
  banned: "BB?BB?B??BB",
  parentMember: ".J?.J?J??..",
  parentFacilitator: ".J?.J?J??..",
  childOnly: "......???..",
};
const readReason = refusalLetter({
  "Please sign in first.": "s",
  "Your account is suspended.": "x",
  "We could not find that page.": "?",
  "You are banned from this community, so you cannot read it.": "B",
  "Discussions here are for members only. You can read them once your request to join is accepted.": "W",
  "Discussions here are for members only. Accept your invitation to read them.": "I",
  "Discussions here are for members only. Ask to join to read and take part.": "J",
  "Discussions here are for members only.": "M",
});

type Fixture = { chain: CommunityRow[] };
const fixtures = new Map<TargetName, Fixture>();
const viewers = new Map<ActorName, MaybeViewer>();

async function chainOf(...specs: Parameters<typeof makeCommunity>[0][]) {
  const chain: CommunityRow[] = [];
  for (const spec of specs) {
    chain.push(await makeCommunity({ ...spec, parent: chain.at(-1) }));
  }
  return { chain };
}

/** Gives each actor its memberships in one community chain. */
async function enrol(chain: CommunityRow[]) {
  const target = chain.at(-1)!;
  const ancestors = chain.slice(0, -1);
  const parent = ancestors.at(-1);
  const v = (name: ActorName) => viewers.get(name)!.id;
  const inAncestors = async (name: ActorName) => {
    for (const a of ancestors) await addMembership(a.id, v(name));
  };
  for (const name of ["suspended", "pending", "invited", "member", "facilitator", "owner", "banned", "parentMember"] as const) {
    await inAncestors(name);
  }
  await addMembership(target.id, v("suspended"));
  await addMembership(target.id, v("pending"), "pending");
  await addMembership(target.id, v("invited"), "invited");
  await addMembership(target.id, v("member"));
  await addMembership(target.id, v("facilitator"), "active", "facilitator");
  await addMembership(target.id, v("owner"), "active", "owner");
  await addMembership(target.id, v("banned"), "banned");
  await addMembership(target.id, v("childOnly"));
  for (const a of ancestors) {
    await addMembership(a.id, v("parentFacilitator"), "active", a === parent ? "facilitator" : "member");
  }
}

beforeAll(async () => {
  for (const [name, viewer] of await makeActors(actors)) viewers.set(name, viewer);

  fixtures.set("O", await chainOf({ visibility: "open" }));
  fixtures.set("R", await chainOf({ visibility: "restricted" }));
  fixtures.set("P", await chainOf({ visibility: "private" }));
  fixtures.set("O/O", await chainOf({ visibility: "open" }, { visibility: "open" }));
  fixtures.set("O/R", await chainOf({ visibility: "open" }, { visibility: "restricted" }));
  fixtures.set("O/P", await chainOf({ visibility: "open" }, { visibility: "private" }));
  fixtures.set("R/R", await chainOf({ visibility: "restricted" }, { visibility: "restricted" }));
  fixtures.set("R/P", await chainOf({ visibility: "restricted" }, { visibility: "private" }));
  fixtures.set("P/P", await chainOf({ visibility: "private" }, { visibility: "private" }));
  fixtures.set("A", await chainOf({ visibility: "open", archived: true }));
  fixtures.set("D3", await chainOf({ visibility: "open" }, { visibility: "open" }, { visibility: "open" }));
  for (const fixture of fixtures.values()) await enrol(fixture.chain);
});

async function targetFor(actor: ActorName, name: TargetName) {
  const db = await getDb();
  const community = fixtures.get(name)!.chain.at(-1)!;
  const loaded = await loadCommunity(db, viewers.get(actor)!, { id: community.id });
  const target = loaded!.target;
  target.ownerCount = await countOwners(db, community.id);
  return target;
}

/** The decisions of one actor for one action across every community, as a table row. */
async function rowOf(actor: ActorName, action: keyof typeof expected) {
  const [name, to] = action.split("→") as [Action, Visibility | undefined];
  let row = "";
  for (const target of targets) {
    const loaded = await targetFor(actor, target);
    row += can(viewers.get(actor)!, name, (to ? { ...loaded, newVisibility: to } : loaded) as never) ? "Y" : ".";
  }
  return row;
}

describe("community policy matrix", () => {
  for (const [action, table] of Object.entries(expected) as [keyof typeof expected, Table][]) {
    it(`${action}: every actor on every kind of community`, async () => {
      const actual: Partial<Table> = {};
      for (const actor of actors) actual[actor] = await rowOf(actor, action);
      expect(actual).toEqual(table);
    });
  }

  it("the SQL scopes agree with can() in every cell", async () => {
    const db = await getDb();
    const actual: Record<string, { view: string; read: string }> = {};
    const wanted: Record<string, { view: string; read: string }> = {};
    for (const actor of actors) {
      const viewer = viewers.get(actor)!;
      const listed = await db
        .select({ id: communities.id })
        .from(communities)
        .where(listedCommunities(viewer));
      const readable = await selectRows<{ id: string }>(db, sql`select id from ${readableCommunityIds(viewer)} r(id)`);
      const listedIds = new Set(listed.map((r) => r.id));
      const readableIds = new Set(readable.map((r) => r.id));
      const mark = (ids: Set<string>) =>
        targets.map((t) => (ids.has(fixtures.get(t)!.chain.at(-1)!.id) ? "Y" : ".")).join("");
      actual[actor] = { view: mark(listedIds), read: mark(readableIds) };
      wanted[actor] = { view: view[actor], read: read[actor] };
    }
    expect(actual).toEqual(wanted);
  });

  it("the scopes for many people at once (notifications) agree with can() in every cell", async () => {
    const db = await getDb();
    const actual: Record<string, { view: string; read: string; moderate: string }> = {};
    const wanted: Record<string, { view: string; read: string; moderate: string }> = {};
    for (const actor of actors) {
      const viewer = viewers.get(actor);
      const row = async (scope: typeof personReadsCommunity) => {
        let out = "";
        for (const name of targets) {
          const id = fixtures.get(name)!.chain.at(-1)!.id;
          const [hit] = viewer ? await db.select({ id: users.id }).from(users).where(sql`${users.id} = ${viewer.id} and ${scope(users, id)}`) : [];
          out += hit ? "Y" : ".";
        }
        return out;
      };
      actual[actor] = { view: await row(personSeesCommunity), read: await row(personReadsCommunity), moderate: await row(personManagesCommunity) };
      wanted[actor] = { view: view[actor], read: read[actor], moderate: expected["community.moderate"][actor] };
    }
    expect(actual).toEqual(wanted);
  });

  const refusalTables = [
    ["read, and what they can do", "community.read", readRefusals, readReason],
    ["post", "post.create", postRefusals, postReason],
  ] as const;
  for (const [what, action, table, reason] of refusalTables) {
    it(`tells each actor the true reason they may not ${what}, in every cell`, async () => {
      const actual: Partial<Table> = {};
      for (const actor of actors) {
        let row = "";
        for (const name of targets) row += reason(refusal(viewers.get(actor)!, action, await targetFor(actor, name)));
        actual[actor] = row;
      }
      expect(actual).toEqual(table);
    });
  }

  it("counts every cell it asserts", () => {
    const cells = Object.keys(expected).length * actors.length * targets.length;
    expect(cells).toBe(21 * 14 * 11);
  });
});
