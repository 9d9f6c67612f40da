import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { comments, communities, posts, users, type CommunityRow } from "@/lib/db/schema";
import { loadPost } from "@/lib/posts/load";
import { addMembership, makeActors, makeCommunity } from "@/test/support/factories";
import { refusalLetter } from "@/test/support/refusals";
import { can, CONFIRM_ADDRESS_FIRST, personReadsPost, refusal, visiblePosts, type MaybeViewer } from ".";

// The post and reply policy as a table. Each column is a question post in a community:
//   O       a live post in an open community
//   Olock   locked                Ohid   hidden by a facilitator   Opend  awaiting approval
//   Odel    deleted               R      live, restricted community P live, private community
//   Onm     live, open community that lets non-members reply       A      live, archived open community
// Actors: anonymous, suspended (member, suspended), unverified (an account whose address is not
// proven: it reads what is open to all, and does nothing else), admin (no memberships), nonMember,
// member, author (a member who wrote the post and the reply), facilitator, banned (in the
// community), leftAuthor (wrote them, then left the community).

const columns = ["O", "Olock", "Ohid", "Opend", "Odel", "R", "P", "Onm", "A"] as const;
type Column = (typeof columns)[number];
const actors = ["anonymous", "suspended", "unverified", "admin", "nonMember", "member", "author", "facilitator", "banned", "leftAuthor"] as const;
type Actor = (typeof actors)[number];
type Table = Record<Actor, string>;

const none = ".........";
const fill = (rows: Partial<Table>): Table => ({ ...(Object.fromEntries(actors.map((a) => [a, none])) as Table), ...rows });

const postExpected: Record<string, Table> = {
  //                          O Olock Ohid Opend Odel R P Onm A
  "post.read": fill({
    unverified: /*         */ "YY.....YY",
    admin: /*              */ "YYYY.YYYY",
    nonMember: /*          */ "YY.....YY",
    member: /*             */ "YY...YYYY",
    author: /*             */ "YYYY.YYYY",
    facilitator: /*        */ "YYYY.YYYY",
    leftAuthor: /*         */ "YYYY...YY",
  }),
  "post.comment": fill({
    admin: /*              */ ".......Y.",
    nonMember: /*          */ ".......Y.",
    member: /*             */ "Y....YYY.",
    author: /*             */ "Y....YYY.",
    facilitator: /*        */ "Y....YYY.",
    leftAuthor: /*         */ ".......Y.",
  }),
  "post.edit": fill({
    author: /*             */ "YYYY.YYY.",
    leftAuthor: /*         */ "YYYY...Y.",
  }),
  "post.acceptAnswer": fill({
    admin: /*              */ "YY...YYY.",
    author: /*             */ "YY...YYY.",
    facilitator: /*        */ "YY...YYY.",
    leftAuthor: /*         */ "YY.....Y.",
  }),
  "post.react": fill({
    member: /*             */ "YY...YYY.",
    facilitator: /*        */ "YY...YYY.",
  }),
  "post.follow": fill({
    admin: /*              */ "YYYY.YYYY",
    nonMember: /*          */ "YY.....YY",
    member: /*             */ "YY...YYYY",
    author: /*             */ "YYYY.YYYY",
    facilitator: /*        */ "YYYY.YYYY",
    leftAuthor: /*         */ "YYYY...YY",
  }),
};

// Replies on the same posts: the actor's own reply ("author" and "leftAuthor" wrote it) or someone else's.
const commentExpected: Record<string, Table> = {
  // The author still edits their reply on their own hidden or pending post, which only they and
  // the facilitators see; someone who left edits only where they can still read the post.
  "comment.edit": fill({ author: "Y.YY.YYY.", leftAuthor: "Y......Y." }),
  "comment.delete": fill({ author: "YYYY.YYY.", leftAuthor: "YY.....Y." }),
  "comment.react": fill({ member: "YY...YYY.", facilitator: "YY...YYY." }),
  "comment.viewRevisions": fill({
    admin: "YYYY.YYYY",
    author: "YYYY.YYYY",
    facilitator: "YYYY.YYYY",
    leftAuthor: "YY.....YY",
  }),
  // These replies are live: each is read wherever its post is. (Hidden replies: comment-matrix.test.ts.)
  "comment.read": fill({
    unverified: "YY.....YY",
    admin: "YYYY.YYYY",
    nonMember: "YY.....YY",
    member: "YY...YYYY",
    author: "YYYY.YYYY",
    facilitator: "YYYY.YYYY",
    leftAuthor: "YY.....YY",
  }),
};

// Why a reply is refused, in each cell: the message must be true of that viewer's situation.
// . allowed   s signed out   x suspended   v address not proven   ? not found (404)   A archived   H the post is hidden
// W the post awaits approval   L locked   M only members reply   J join first (an open community)
const replyRefusals: Table = {
  //           O Olock Ohid Opend Odel R P Onm A
  anonymous: /*   */ "sssssssss",
  suspended: /*   */ "xxxxxxxxx",
  unverified: /*  */ "vv?????vv",
  admin: /*       */ "JLHW?MM.A",
  nonMember: /*   */ "JL?????.A",
  member: /*      */ ".L???...A",
  author: /*      */ ".LHW?...A",
  facilitator: /* */ ".LHW?...A",
  banned: /*      */ "?????????",
  leftAuthor: /*  */ "JLHW???.A",
};
const replyReason = refusalLetter({
  "Please sign in first.": "s",
  "Your account is suspended.": "x",
  [CONFIRM_ADDRESS_FIRST]: "v",
  "We could not find that page.": "?",
  "This community is archived, so it takes no new replies.": "A",
  "A facilitator has hidden this post, so it takes no new replies.": "H",
  "This post is waiting for a facilitator's approval, so it takes no new replies yet.": "W",
  "This post is locked, so it takes no new replies.": "L",
  "Only members of this community can reply here.": "M",
  "Join this community to reply here.": "J",
});

const viewers = new Map<Actor, MaybeViewer>();
const postIds = new Map<Column, string>();
const commentIds = new Map<Column, string>();

beforeAll(async () => {
  for (const [name, viewer] of await makeActors(actors)) viewers.set(name, viewer);
  const id = (a: Actor) => viewers.get(a)!.id;
  const db = await getDb();
  const setups: Record<Column, { community: Partial<Parameters<typeof makeCommunity>[0]> & { nonMemberComments?: boolean }; post?: Partial<typeof posts.$inferInsert> }> = {
    O: { community: { visibility: "open" } },
    Olock: { community: { visibility: "open" }, post: { lockedAt: new Date() } },
    Ohid: { community: { visibility: "open" }, post: { hiddenAt: new Date(), hiddenReason: "Off topic" } },
    Opend: { community: { visibility: "open" }, post: { status: "pending" } },
    Odel: { community: { visibility: "open" }, post: { deletedAt: new Date() } },
    R: { community: { visibility: "restricted" } },
    P: { community: { visibility: "private" } },
    Onm: { community: { visibility: "open", nonMemberComments: true } },
    A: { community: { visibility: "open", archived: true } },
  };
  for (const column of columns) {
    const setup = setups[column];
    const community: CommunityRow = await makeCommunity(setup.community);
    if (setup.community.nonMemberComments) {
      await db.update(communities).set({ allowNonMemberComments: true }).where(eq(communities.id, community.id));
    }
    for (const a of ["suspended", "member", "author"] as const) await addMembership(community.id, id(a));
    await addMembership(community.id, id("facilitator"), "active", "facilitator");
    await addMembership(community.id, id("banned"), "banned");
    const [post] = await db
      .insert(posts)
      .values({ communityId: community.id, authorId: id("author"), kind: "question", title: `Post ${column}`, ...setup.post })
      .returning({ id: posts.id });
    const [other] = await db
      .insert(posts)
      .values({ communityId: community.id, authorId: id("leftAuthor"), kind: "question", title: `Left ${column}`, ...setup.post })
      .returning({ id: posts.id });
    postIds.set(column, post!.id);
    postIds.set(`${column}:left` as Column, other!.id);
    const [mine] = await db.insert(comments).values({ postId: post!.id, authorId: id("author"), bodyHtml: "<p>x</p>" }).returning({ id: comments.id });
    const [left] = await db.insert(comments).values({ postId: post!.id, authorId: id("leftAuthor"), bodyHtml: "<p>y</p>" }).returning({ id: comments.id });
    commentIds.set(column, mine!.id);
    commentIds.set(`${column}:left` as Column, left!.id);
  }
});

/** leftAuthor is judged on their own post and reply; everyone else on the author's. */
const postFor = (actor: Actor, column: Column) => postIds.get((actor === "leftAuthor" ? `${column}:left` : column) as Column)!;
const commentFor = (actor: Actor, column: Column) => commentIds.get((actor === "leftAuthor" ? `${column}:left` : column) as Column)!;

async function targetOf(actor: Actor, column: Column) {
  const db = await getDb();
  return (await loadPost(db, viewers.get(actor)!, postFor(actor, column)))!.target;
}

describe("post policy matrix", () => {
  for (const [action, table] of Object.entries(postExpected)) {
    it(`${action} for every actor on every kind of post`, async () => {
      const actual: Partial<Table> = {};
      for (const actor of actors) {
        let row = "";
        for (const column of columns) row += can(viewers.get(actor)!, action as "post.read", await targetOf(actor, column)) ? "Y" : ".";
        actual[actor] = row;
      }
      expect(actual).toEqual(table);
    });
  }

  for (const [action, table] of Object.entries(commentExpected)) {
    it(`${action} for every actor on replies in every kind of post`, async () => {
      const db = await getDb();
      const actual: Partial<Table> = {};
      for (const actor of actors) {
        let row = "";
        for (const column of columns) {
          const [comment] = await db.select().from(comments).where(eq(comments.id, commentFor(actor, column)));
          const target = { ...(await targetOf(actor, column)), comment: { authorId: comment!.authorId, deletedAt: comment!.deletedAt, hiddenAt: comment!.hiddenAt } };
          // leftAuthor's reply sits on the author's post: rebuild the target on that post.
          const onPost = actor === "leftAuthor" ? { ...(await loadPost(db, viewers.get(actor)!, postIds.get(column)!))!.target, comment: target.comment } : target;
          row += can(viewers.get(actor)!, action as "comment.edit", onPost) ? "Y" : ".";
        }
        actual[actor] = row;
      }
      expect(actual).toEqual(table);
    });
  }

  it("tells each actor the true reason a post takes no reply from them, in every cell", async () => {
    const actual: Partial<Table> = {};
    for (const actor of actors) {
      let row = "";
      for (const column of columns) {
        row += replyReason(refusal(viewers.get(actor)!, "post.comment", await targetOf(actor, column)));
      }
      actual[actor] = row;
    }
    expect(actual).toEqual(replyRefusals);
  });

  it("the SQL scope for posts agrees with post.read in every cell", async () => {
    const db = await getDb();
    const actual: Partial<Table> = {};
    for (const actor of actors) {
      const visible = new Set(
        (await db.select({ id: posts.id }).from(posts).where(visiblePosts(viewers.get(actor)!, posts))).map((r) => r.id),
      );
      actual[actor] = columns.map((c) => (visible.has(postFor(actor, c)) ? "Y" : ".")).join("");
    }
    expect(actual).toEqual(postExpected["post.read"]);
  });

  it("the scope for many people at once (notifications) agrees with post.read in every cell", async () => {
    const db = await getDb();
    const actual: Partial<Table> = {};
    for (const actor of actors) {
      const viewer = viewers.get(actor);
      let row = "";
      for (const column of columns) {
        const [hit] = viewer ? await db.select({ id: users.id }).from(users).where(and(eq(users.id, viewer.id), personReadsPost(users, postFor(actor, column)))) : [];
        row += hit ? "Y" : ".";
      }
      actual[actor] = row;
    }
    expect(actual).toEqual(postExpected["post.read"]);
  });
});
