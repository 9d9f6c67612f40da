import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { countOwners, loadCommunity } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import { comments, memberships, posts, type CommunityRow } from "@/lib/db/schema";
import { loadPost } from "@/lib/posts/load";
import { addMembership, makeActors, makeCommunity, makeUser } from "@/test/support/factories";
import { can, type MaybeViewer, type PersonTarget } from ".";

// Moderation, as a table. Columns are communities, each with a live post and reply by "author":
//   O R P      top-level open, restricted, private
//   O/P R/R    a private child of an open parent; a restricted child of a restricted parent
//   A          an archived open community
// Actors are members of every community above the target unless stated. The tricky ones:
//   parentFacilitator  facilitator of the parent only, acting in the sub-community
//   exFacilitator      was a facilitator here until a moment ago; now a member
//   lockedOutFacilitator  facilitator here, but banned from the parent, so cannot read it
// A move goes to "D", an open community that facilitator, owner and lockedOutFacilitator look after.
// A move that lets people read a post who could not where it was written (out of R, P, O/P or
// R/R into D) needs an owner of the source, or an admin, to confirm it ("post.move confirmed").

const columns = ["O", "R", "P", "O/P", "R/R", "A"] as const;
type Column = (typeof columns)[number];
const actors = [
  "anonymous", "suspended", "unverified", "admin", "nonMember", "member", "author", "facilitator", "owner",
  "banned", "parentFacilitator", "exFacilitator", "lockedOutFacilitator",
] as const;
type Actor = (typeof actors)[number];
type Table = Record<Actor, string>;
const none = "......";
const fill = (rows: Partial<Table>): Table => ({ ...(Object.fromEntries(actors.map((a) => [a, none])) as Table), ...rows });

const moderators = { admin: "YYYYYY", facilitator: "YYYYYY", owner: "YYYYYY", lockedOutFacilitator: "YYY..Y" };
const readersWhoDidNotWrite = {
  admin: "YYYYYY",
  nonMember: "Y....Y",
  member: "YYYYYY",
  facilitator: "YYYYYY",
  owner: "YYYYYY",
  parentFacilitator: "Y....Y",
  exFacilitator: "YYYYYY",
  lockedOutFacilitator: "YYY..Y",
};

const expected: Record<string, Table> = {
  "post.moderate": fill(moderators),
  "comment.moderate": fill(moderators),
  "community.moderate": fill(moderators),
  "post.delete": fill({ ...moderators, author: "YYYYY." }),
  "post.report": fill(readersWhoDidNotWrite),
  "comment.report": fill(readersWhoDidNotWrite),
  "member.ban": fill(moderators),
  "member.unban": fill(moderators),
  "post.move": fill({ admin: "Y....Y", facilitator: "Y....Y", owner: "Y....Y", lockedOutFacilitator: "Y....Y" }),
  "post.move confirmed": fill({ admin: "YYYYYY", facilitator: "Y....Y", owner: "YYYYYY", lockedOutFacilitator: "Y....Y" }),
};

const viewers = new Map<Actor, MaybeViewer>();
const fixtures = new Map<Column, { chain: CommunityRow[]; postId: string; commentId: string; victimId: string; bannedId: string }>();
let destination: CommunityRow;

beforeAll(async () => {
  for (const [name, viewer] of await makeActors(actors)) viewers.set(name, viewer);
  const id = (a: Actor) => viewers.get(a)!.id;
  const db = await getDb();
  const victim = await makeUser({ name: "victim" });
  const specs: Record<Column, Parameters<typeof makeCommunity>[0][]> = {
    O: [{ visibility: "open" }],
    R: [{ visibility: "restricted" }],
    P: [{ visibility: "private" }],
    "O/P": [{ visibility: "open" }, { visibility: "private" }],
    "R/R": [{ visibility: "restricted" }, { visibility: "restricted" }],
    A: [{ visibility: "open", archived: true }],
  };
  for (const column of columns) {
    const chain: CommunityRow[] = [];
    for (const spec of specs[column]) chain.push(await makeCommunity({ ...spec, parent: chain.at(-1) }));
    const target = chain.at(-1)!;
    for (const ancestor of chain.slice(0, -1)) {
      for (const a of ["suspended", "member", "author", "facilitator", "owner", "banned", "exFacilitator"] as const) await addMembership(ancestor.id, id(a));
      await addMembership(ancestor.id, id("parentFacilitator"), "active", "facilitator");
      await addMembership(ancestor.id, id("lockedOutFacilitator"), "banned");
      await addMembership(ancestor.id, victim.id);
    }
    for (const a of ["suspended", "member", "author"] as const) await addMembership(target.id, id(a));
    await addMembership(target.id, id("facilitator"), "active", "facilitator");
    await addMembership(target.id, id("lockedOutFacilitator"), "active", "facilitator");
    await addMembership(target.id, id("owner"), "active", "owner");
    await addMembership(target.id, id("banned"), "banned");
    await addMembership(target.id, victim.id);
    // A facilitator demoted a moment ago: the decision reads the role as it is now.
    await addMembership(target.id, id("exFacilitator"), "active", "facilitator");
    await db.update(memberships).set({ role: "member" }).where(and(eq(memberships.communityId, target.id), eq(memberships.userId, id("exFacilitator"))));
    const [post] = await db.insert(posts).values({ communityId: target.id, authorId: id("author"), title: `Post ${column}` }).returning({ id: posts.id });
    const [comment] = await db.insert(comments).values({ postId: post!.id, authorId: id("author"), bodyHtml: "<p>x</p>" }).returning({ id: comments.id });
    fixtures.set(column, { chain, postId: post!.id, commentId: comment!.id, victimId: victim.id, bannedId: id("banned") });
  }
  destination = await makeCommunity({ visibility: "open" });
  await addMembership(destination.id, id("facilitator"), "active", "facilitator");
  await addMembership(destination.id, id("lockedOutFacilitator"), "active", "facilitator");
  await addMembership(destination.id, id("owner"), "active", "facilitator");
});

async function decide(actor: Actor, action: string, column: Column): Promise<boolean> {
  const db = await getDb();
  const viewer = viewers.get(actor)!;
  const fixture = fixtures.get(column)!;
  const post = (await loadPost(db, viewer, fixture.postId))!.target;
  const community = (await loadCommunity(db, viewer, { id: fixture.chain.at(-1)!.id }))!.target;
  community.ownerCount = await countOwners(db, fixture.chain.at(-1)!.id);
  const person = async (userId: string): Promise<PersonTarget> => {
    const [m] = await db.select().from(memberships).where(and(eq(memberships.communityId, fixture.chain.at(-1)!.id), eq(memberships.userId, userId)));
    return { ...community, subject: { userId, membership: m ?? null } };
  };
  switch (action) {
    case "post.moderate":
    case "post.delete":
    case "post.report":
      return can(viewer, action, post);
    case "comment.moderate":
    case "comment.report":
      return can(viewer, action, { ...post, comment: { authorId: viewers.get("author")!.id, deletedAt: null, hiddenAt: null } });
    case "community.moderate":
      return can(viewer, action, community);
    case "member.ban":
      return can(viewer, action, await person(fixture.victimId));
    case "member.unban":
      return can(viewer, action, await person(fixture.bannedId));
    case "post.move":
    case "post.move confirmed":
      return can(viewer, "post.move", {
        ...post,
        destination: (await loadCommunity(db, viewer, { id: destination.id }))!.target,
        wideningConfirmed: action === "post.move confirmed",
      });
  }
  throw new Error(`No such action ${action}`);
}

describe("moderation policy matrix", () => {
  for (const [action, table] of Object.entries(expected)) {
    it(`${action} for every actor in every kind of community`, async () => {
      const actual: Partial<Table> = {};
      for (const actor of actors) {
        let row = "";
        for (const column of columns) row += (await decide(actor, action, column)) ? "Y" : ".";
        actual[actor] = row;
      }
      expect(actual).toEqual(table);
    });
  }

  it("refuses a move into an archived community, even for its facilitators", async () => {
    const db = await getDb();
    const archived = await makeCommunity({ visibility: "open", archived: true });
    const facilitator = viewers.get("facilitator")!;
    await addMembership(archived.id, facilitator.id, "active", "facilitator");
    const post = (await loadPost(db, facilitator, fixtures.get("O")!.postId))!.target;
    const into = (await loadCommunity(db, facilitator, { id: archived.id }))!.target;
    expect(can(facilitator, "post.move", { ...post, destination: into })).toBe(false);
  });

  it("keeps suspended and unproven accounts out of sight of all but admins, and unproven viewers from everyone but themselves, in every cell", () => {
    // Columns: another active account, another suspended account, another account whose address is not proven, the actor's own account.
    const people = ["active", "suspendedOther", "unverifiedOther", "self"] as const;
    const table = { anonymous: "....", suspended: "....", unverified: "...Y", member: "Y..Y", facilitator: "Y..Y", admin: "YYYY" };
    const actual: Record<string, { view: string; suspend: string }> = {};
    const wanted: Record<string, { view: string; suspend: string }> = {};
    for (const actor of Object.keys(table) as (keyof typeof table)[]) {
      const viewer = viewers.get(actor)!;
      const subject = (who: (typeof people)[number]) =>
        who === "self"
          ? { userId: viewer?.id ?? "nobody", status: "active" as const, verified: viewer?.verified ?? false }
          : { userId: who, status: who === "suspendedOther" ? ("suspended" as const) : ("active" as const), verified: who !== "unverifiedOther" };
      actual[actor] = {
        view: people.map((who) => (can(viewer, "user.view", subject(who)) ? "Y" : ".")).join(""),
        suspend: people.map((who) => (can(viewer, "user.suspend", subject(who)) ? "Y" : ".")).join(""),
      };
      wanted[actor] = { view: table[actor], suspend: actor === "admin" ? "YYY." : "...." };
    }
    expect(actual).toEqual(wanted);
  });

  it("lets only site admins suspend accounts, and never their own", () => {
    const admin = viewers.get("admin")!;
    const member = viewers.get("member")!;
    expect(can(admin, "user.suspend", { userId: member.id })).toBe(true);
    expect(can(admin, "user.suspend", { userId: admin.id })).toBe(false);
    expect(can(member, "user.suspend", { userId: admin.id })).toBe(false);
    expect(can(viewers.get("facilitator")!, "site.viewLog", {})).toBe(false);
    expect(can(admin, "site.viewLog", {})).toBe(true);
  });
});
