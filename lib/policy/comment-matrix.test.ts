import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { comments, posts, users } from "@/lib/db/schema";
import { loadPost } from "@/lib/posts/load";
import { addMembership, makeActors, makeCommunity } from "@/test/support/factories";
import { can, notHiddenFrom, personReadsComment, visibleComments, visiblePosts, type MaybeViewer } from ".";

// Who reads which reply, as a table; every cell is asserted, in JS and in SQL. Each column is a
// reply by "author" on their live post:
//   Olive Ohid Odel   in an open community: live, hidden by a facilitator, deleted
//   Rlive Rhid        in a restricted community: live, hidden
// "Thread" is what the post page lists: hidden replies only for their author and the
// facilitators, and deleted ones too (as "deleted", for the replies that answer them).

const columns = ["Olive", "Ohid", "Odel", "Rlive", "Rhid"] as const;
type Column = (typeof columns)[number];
const actors = ["anonymous", "suspended", "unverified", "admin", "nonMember", "member", "author", "facilitator", "banned"] as const;
type Actor = (typeof actors)[number];
type Table = Record<Actor, string>;
const fill = (rows: Partial<Table>): Table => ({ ...(Object.fromEntries(actors.map((a) => [a, "....."])) as Table), ...rows });

const read = fill({ unverified: "Y....", admin: "YY.YY", nonMember: "Y....", member: "Y..Y.", author: "YY.YY", facilitator: "YY.YY" });
const thread = fill({ unverified: "Y.Y..", admin: "YYYYY", nonMember: "Y.Y..", member: "Y.YY.", author: "YYYYY", facilitator: "YYYYY" });

const viewers = new Map<Actor, MaybeViewer>();
const replies = new Map<Column, { postId: string; commentId: string }>();

beforeAll(async () => {
  for (const [name, viewer] of await makeActors(actors)) viewers.set(name, viewer);
  const id = (a: Actor) => viewers.get(a)!.id;
  const db = await getDb();
  for (const visibility of ["open", "restricted"] as const) {
    const community = await makeCommunity({ visibility });
    for (const a of ["suspended", "member", "author"] as const) await addMembership(community.id, id(a));
    await addMembership(community.id, id("facilitator"), "active", "facilitator");
    await addMembership(community.id, id("banned"), "banned");
    const [post] = await db.insert(posts).values({ communityId: community.id, authorId: id("author"), title: `Post ${visibility}` }).returning({ id: posts.id });
    const states = visibility === "open" ? { Olive: {}, Ohid: { hiddenAt: new Date() }, Odel: { deletedAt: new Date() } } : { Rlive: {}, Rhid: { hiddenAt: new Date() } };
    for (const [column, state] of Object.entries(states)) {
      const [reply] = await db
        .insert(comments)
        .values({ postId: post!.id, authorId: id("author"), bodyHtml: "<p>x</p>", ...state })
        .returning({ id: comments.id });
      replies.set(column as Column, { postId: post!.id, commentId: reply!.id });
    }
  }
});

async function decide(actor: Actor, column: Column): Promise<boolean> {
  const db = await getDb();
  const viewer = viewers.get(actor)!;
  const { postId, commentId } = replies.get(column)!;
  const [reply] = await db.select().from(comments).where(eq(comments.id, commentId));
  // Signed out, the target does not matter: can() refuses before it looks.
  const loaded = await loadPost(db, viewer ?? viewers.get("nonMember")!, postId);
  const comment = { authorId: reply!.authorId, deletedAt: reply!.deletedAt, hiddenAt: reply!.hiddenAt };
  return can(viewer, "comment.read", { ...loaded!.target, comment });
}

/** The replies a SQL condition lets through, for one actor, as a row of the table. */
async function sqlRow(actor: Actor, condition: typeof visibleComments) {
  const db = await getDb();
  const viewer = viewers.get(actor)!;
  const rows = await db
    .select({ id: comments.id })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(and(visiblePosts(viewer, posts), condition(viewer, comments, posts.communityId)));
  const ids = new Set(rows.map((r) => r.id));
  return columns.map((c) => (ids.has(replies.get(c)!.commentId) ? "Y" : ".")).join("");
}

describe("reply reading matrix", () => {
  it("comment.read for every actor on every kind of reply", async () => {
    const actual: Partial<Table> = {};
    for (const actor of actors) {
      let row = "";
      for (const column of columns) row += (await decide(actor, column)) ? "Y" : ".";
      actual[actor] = row;
    }
    expect(actual).toEqual(read);
  });

  it("the SQL scope for replies agrees with comment.read in every cell", async () => {
    const actual: Partial<Table> = {};
    for (const actor of actors) actual[actor] = await sqlRow(actor, visibleComments);
    expect(actual).toEqual(read);
  });

  it("a thread lists hidden replies only for their author and the facilitators, and deleted ones for everyone", async () => {
    const actual: Partial<Table> = {};
    for (const actor of actors) actual[actor] = await sqlRow(actor, notHiddenFrom);
    expect(actual).toEqual(thread);
  });

  it("the scope for many people at once (notifications) agrees with comment.read in every cell", async () => {
    const db = await getDb();
    const actual: Partial<Table> = {};
    for (const actor of actors) {
      const viewer = viewers.get(actor);
      let row = "";
      for (const column of columns) {
        const [hit] = viewer ? await db.select({ id: users.id }).from(users).where(and(eq(users.id, viewer.id), personReadsComment(users, replies.get(column)!.commentId))) : [];
        row += hit ? "Y" : ".";
      }
      actual[actor] = row;
    }
    expect(actual).toEqual(read);
  });
});
