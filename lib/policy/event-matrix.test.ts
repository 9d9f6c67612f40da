import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCommunity } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import { communities, eventActions, events, posts } from "@/lib/db/schema";
import { loadEvent } from "@/lib/events/load";
import { addMembership, makeActors, makeCommunity } from "@/test/support/factories";
import { refusalLetter } from "@/test/support/refusals";
import { can, eventDetailsVisible, refusal, visibleEvents, type MaybeViewer } from ".";

// The event policy as a table; every cell asserted, and the SQL scopes checked against it.
// Each column is an event arranged by "organiser" (a member) in a community:
//   Up    coming, open community      Now   happening now          Past  over
//   Canc  cancelled                   Hid   its post hidden by a facilitator
//   Pend  its post awaiting approval  R     restricted community   P     private community
//   A     an archived open community
// Actions on it are given to "member".

const columns = ["Up", "Now", "Past", "Canc", "Hid", "Pend", "R", "P", "A"] as const;
type Column = (typeof columns)[number];
const actors = ["anonymous", "suspended", "admin", "nonMember", "member", "organiser", "facilitator", "banned"] as const;
type Actor = (typeof actors)[number];
type Table = Record<Actor, string>;
const fill = (rows: Partial<Table>): Table => ({ ...(Object.fromEntries(actors.map((a) => [a, "........."])) as Table), ...rows });
const runs = "YYYYYYYYY";

const expected: Record<string, Table> = {
  //                              Up Now Past Canc Hid Pend R P A
  "event.read": fill({ admin: runs, nonMember: "YYYY....Y", member: "YYYY..YYY", organiser: runs, facilitator: runs }),
  "event.seeDetails": fill({ admin: runs, member: "YYYY..YYY", organiser: runs, facilitator: runs }),
  "event.rsvp": fill({ member: "YY....YY.", organiser: "YY....YY.", facilitator: "YY....YY." }),
  "event.edit": fill({ admin: "YY..YYYY.", organiser: "YY..YYYY.", facilitator: "YY..YYYY." }),
  "event.cancel": fill({ admin: "YY..YYYY.", organiser: "YY..YYYY.", facilitator: "YY..YYYY." }),
  "event.write": fill({ admin: "YYY.YYYY.", organiser: "YYY.YYYY.", facilitator: "YYY.YYYY." }),
  "event.organise": fill({ admin: runs, organiser: runs, facilitator: runs }),
  "action.tick": fill({ member: "YYYY..YY." }),
  "action.reassign": fill({ admin: "YYYYYYYY.", organiser: "YYYYYYYY.", facilitator: "YYYYYYYY." }),
};

// What each actor is told when they may not answer: s signed out, x suspended, ? not found,
// A archived, W awaiting approval, H hidden, C cancelled, O over, M members only.
const rsvpRefusals: Table = {
  //                 Up Now Past Canc Hid Pend R P A
  anonymous: /*   */ "sssssssss",
  suspended: /*   */ "xxxxxxxxx",
  admin: /*       */ "MMOCHWMMA",
  nonMember: /*   */ "MMOC????A",
  member: /*      */ "..OC??..A",
  organiser: /*   */ "..OCHW..A",
  facilitator: /* */ "..OCHW..A",
  banned: /*      */ "?????????",
};
const rsvpReason = refusalLetter({
  "Please sign in first.": "s",
  "Your account is suspended.": "x",
  "We could not find that page.": "?",
  "This community is archived, so its events take no replies.": "A",
  "This event is waiting for a facilitator's approval.": "W",
  "A facilitator has hidden this event.": "H",
  "This event has been cancelled.": "C",
  "This event is over.": "O",
  "Only members of this community can reply to its events.": "M",
});

// Arranging events: O open, Om open where members may arrange them, R restricted, Rm restricted
// where members may, A archived (members may).
const createColumns = ["O", "Om", "R", "Rm", "A"] as const;
const createExpected = fill({ admin: "YYYY.", member: ".Y.Y.", organiser: ".Y.Y.", facilitator: "YYYY." });
for (const actor of actors) createExpected[actor] = createExpected[actor].slice(0, createColumns.length);

const viewers = new Map<Actor, MaybeViewer>();
const eventIds = new Map<Column, string>();
const actionIds = new Map<Column, string>();
const createSlugs = new Map<(typeof createColumns)[number], string>();
const HOUR = 3600_000;

beforeAll(async () => {
  for (const [name, viewer] of await makeActors(actors)) viewers.set(name, viewer);
  const id = (a: Actor) => viewers.get(a)!.id;
  const db = await getDb();
  const now = Date.now();
  const soon = { startsAt: new Date(now + 7 * 24 * HOUR), endsAt: new Date(now + 7 * 24 * HOUR + 2 * HOUR) };
  const setups: Record<Column, { visibility?: "open" | "restricted" | "private"; archived?: boolean; post?: Partial<typeof posts.$inferInsert>; event?: Partial<typeof events.$inferInsert> }> = {
    Up: {},
    Now: { event: { startsAt: new Date(now - HOUR), endsAt: new Date(now + HOUR) } },
    Past: { event: { startsAt: new Date(now - 72 * HOUR), endsAt: new Date(now - 70 * HOUR) } },
    Canc: { event: { cancelledAt: new Date() } },
    Hid: { post: { hiddenAt: new Date() } },
    Pend: { post: { status: "pending" } },
    R: { visibility: "restricted" },
    P: { visibility: "private" },
    A: { archived: true },
  };
  const member = async (communityId: string) => {
    for (const a of ["suspended", "member", "organiser"] as const) await addMembership(communityId, id(a));
    await addMembership(communityId, id("facilitator"), "active", "facilitator");
    await addMembership(communityId, id("banned"), "banned");
  };
  for (const column of columns) {
    const setup = setups[column];
    const community = await makeCommunity({ visibility: setup.visibility ?? "open", archived: setup.archived });
    await member(community.id);
    const [post] = await db
      .insert(posts)
      .values({ communityId: community.id, authorId: id("organiser"), kind: "event", title: `Event ${column}`, ...setup.post })
      .returning({ id: posts.id });
    await db.insert(events).values({ id: post!.id, communityId: community.id, organiserId: id("organiser"), place: "Room 4", joiningUrl: "https://meet.example/abc", ...soon, ...setup.event });
    const [action] = await db.insert(eventActions).values({ eventId: post!.id, description: "Send the minutes", ownerId: id("member") }).returning({ id: eventActions.id });
    eventIds.set(column, post!.id);
    actionIds.set(column, action!.id);
  }
  const createSetups = { O: {}, Om: { members: true }, R: { visibility: "restricted" as const }, Rm: { visibility: "restricted" as const, members: true }, A: { archived: true, members: true } };
  for (const [column, setup] of Object.entries(createSetups) as [(typeof createColumns)[number], { visibility?: "restricted"; archived?: boolean; members?: boolean }][]) {
    const community = await makeCommunity({ visibility: setup.visibility ?? "open", archived: setup.archived });
    if (setup.members) await db.update(communities).set({ allowMemberEvents: true }).where(eq(communities.id, community.id));
    await member(community.id);
    createSlugs.set(column, community.slug);
  }
});

async function targetOf(actor: Actor, column: Column) {
  const db = await getDb();
  // Signed out, the target does not matter: the policy refuses before it looks.
  const loaded = await loadEvent(db, viewers.get(actor) ?? viewers.get("nonMember")!, eventIds.get(column)!);
  return { ...loaded!.target, action: { ownerId: viewers.get("member")!.id } };
}

describe("event policy matrix", () => {
  for (const [action, table] of Object.entries(expected)) {
    it(`${action} for every actor on every kind of event`, async () => {
      const actual: Partial<Table> = {};
      for (const actor of actors) {
        let row = "";
        for (const column of columns) row += can(viewers.get(actor)!, action as "action.tick", await targetOf(actor, column)) ? "Y" : ".";
        actual[actor] = row;
      }
      expect(actual).toEqual(table);
    });
  }

  it("what each actor is told when they may not answer", async () => {
    const actual: Partial<Table> = {};
    for (const actor of actors) {
      let row = "";
      for (const column of columns) row += rsvpReason(refusal(viewers.get(actor)!, "event.rsvp", await targetOf(actor, column)));
      actual[actor] = row;
    }
    expect(actual).toEqual(rsvpRefusals);
  });

  it("event.create for every actor in every kind of community", async () => {
    const db = await getDb();
    const actual: Partial<Table> = {};
    for (const actor of actors) {
      let row = "";
      for (const column of createColumns) {
        const loaded = (await loadCommunity(db, viewers.get(actor) ?? null, { slug: createSlugs.get(column)! }))!;
        row += can(viewers.get(actor)!, "event.create", { ...loaded.target, allowMemberEvents: loaded.community.allowMemberEvents }) ? "Y" : ".";
      }
      actual[actor] = row;
    }
    expect(actual).toEqual(createExpected);
  });

  it("the SQL scopes agree with event.read and event.seeDetails for every actor", async () => {
    const db = await getDb();
    const ids = columns.map((c) => eventIds.get(c)!);
    const sqlRow = async (actor: Actor, condition: "read" | "details") => {
      const viewer = viewers.get(actor)!;
      const rows = await db
        .select({ id: events.id })
        .from(events)
        .where(condition === "read" ? visibleEvents(viewer, events) : eventDetailsVisible(viewer, events))
        .then((all) => all.filter((r) => ids.includes(r.id)));
      const seen = new Set(rows.map((r) => r.id));
      return columns.map((c) => (seen.has(eventIds.get(c)!) ? "Y" : ".")).join("");
    };
    const read: Partial<Table> = {};
    const details: Partial<Table> = {};
    for (const actor of actors) {
      read[actor] = await sqlRow(actor, "read");
      details[actor] = await sqlRow(actor, "details");
    }
    expect(read).toEqual(expected["event.read"]);
    expect(details).toEqual(expected["event.seeDetails"]);
    // The scope narrows a list; it never needs the whole table.
    expect(await db.select({ id: events.id }).from(events).where(inArray(events.id, ids))).toHaveLength(columns.length);
  });
});
