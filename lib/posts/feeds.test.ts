import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createCommunity } from "@/lib/communities/mutations";
import { getDb } from "@/lib/db/client";
import { communityVisits, posts } from "@/lib/db/schema";
import { countQueries } from "@/lib/db/query-count";
import type { Viewer } from "@/lib/policy";
import { makeUser } from "@/test/support/factories";
import { communityWith, makePost } from "@/test/support/posts";
import { createComment, setAcceptedAnswer } from "./mutations";
import { getCommunityFeed, getHomeFeed } from "./feeds";
import { THREAD_PAGE_SIZE } from "@/lib/notifications/reads";
import { getPostPage } from "./thread";

let owner: Viewer;
let reader: Viewer;

beforeAll(async () => {
  owner = await makeUser({ name: "Feed Owner" });
  reader = await makeUser({ name: "Feed Reader" });
});

async function age(postId: string, minutesAgo: number) {
  const db = await getDb();
  await db.update(posts).set({ lastActivityAt: sql`now() - make_interval(mins => ${minutesAgo})` }).where(eq(posts.id, postId));
}

describe("the community feed", () => {
  it("puts pinned posts first, then the latest activity, and pages by keyset", async () => {
    const slug = await communityWith(owner, "Feed order", [reader]);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const { postId } = await makePost(owner, slug, { title: `Post ${i}` });
      await age(postId, 100 - i);
      ids.push(postId);
    }
    const db = await getDb();
    await db.update(posts).set({ pinnedAt: new Date() }).where(eq(posts.id, ids[0]!));
    const first = await getCommunityFeed(reader, slug, { limit: "3" });
    expect(first.pinned.map((p) => p.title)).toEqual(["Post 0"]);
    expect(first.items.map((p) => p.title)).toEqual(["Post 6", "Post 5", "Post 4"]);
    const second = await getCommunityFeed(reader, slug, { limit: "3", cursor: first.nextCursor! });
    expect(second.pinned).toEqual([]);
    expect(second.items.map((p) => p.title)).toEqual(["Post 3", "Post 2", "Post 1"]);
    expect(second.nextCursor).toBeNull();
    await createComment(reader, ids[1]!, { body: "<p>Bump</p>", bodyFormat: "html" });
    expect((await getCommunityFeed(reader, slug, { limit: "1" })).items[0]!.title).toBe("Post 1");
  });

  it("answers a broken page link with a 400, and on the page with the newest page and a note", async () => {
    const slug = await communityWith(owner, "Broken links", [reader]);
    await makePost(owner, slug, { title: "Newest" });
    for (const cursor of ["not-a-cursor", Buffer.from(JSON.stringify([1])).toString("base64url")]) {
      await expect(getCommunityFeed(reader, slug, { cursor })).rejects.toMatchObject({ status: 400 });
      const page = await getCommunityFeed(reader, slug, { cursor }, { page: true });
      expect([page.items.map((p) => p.title), page.notice, page.page?.coming]).toEqual([["Newest"], expect.stringMatching(/not valid/), []]);
    }
    expect((await getCommunityFeed(reader, slug, {}, { page: true })).notice).toBeNull();
  });

  it("filters by kind, tag and unanswered questions", async () => {
    const slug = await communityWith(owner, "Feed filters", [reader]);
    await makePost(owner, slug, { title: "A discussion", tags: "housing" });
    const open = await makePost(owner, slug, { kind: "question", title: "Open question", tags: "housing, data" });
    const done = await makePost(owner, slug, { kind: "question", title: "Answered question" });
    const reply = await createComment(reader, done.postId, { body: "<p>Answer</p>", bodyFormat: "html" });
    await setAcceptedAnswer(owner, done.postId, { commentId: reply.commentId });
    const titles = async (q: Record<string, string>) => (await getCommunityFeed(reader, slug, q)).items.map((p) => p.title).sort();
    expect(await titles({ kind: "question" })).toEqual(["Answered question", "Open question"]);
    expect(await titles({ tag: "housing" })).toEqual(["A discussion", "Open question"]);
    expect(await titles({ tag: "DATA" })).toEqual(["Open question"]);
    expect(await titles({ unanswered: "1" })).toEqual(["Open question"]);
    expect(await titles({ kind: "nonsense" })).toHaveLength(3);
    const row = (await getCommunityFeed(reader, slug, { kind: "question" })).items.find((p) => p.id === done.postId)!;
    expect(row).toMatchObject({ answered: true, commentCount: 1, author: { name: "Feed Owner" } });
    expect(open.created).toBe(true);
  });

  it("marks what is new since the reader's last visit", async () => {
    const slug = await communityWith(owner, "New marks", [reader]);
    const old = await makePost(owner, slug, { title: "Before" });
    await age(old.postId, 120);
    await getCommunityFeed(reader, slug, {});
    const db = await getDb();
    await db.update(communityVisits).set({ lastSeenAt: sql`now() - interval '60 minutes'` }).where(eq(communityVisits.userId, reader.id));
    await makePost(owner, slug, { title: "After" });
    const feed = await getCommunityFeed(reader, slug, {});
    expect(Object.fromEntries(feed.items.map((p) => [p.title, p.isNew]))).toEqual({ After: true, Before: false });
    // Within the same visit the marks stay put.
    expect((await getCommunityFeed(reader, slug, {})).items.find((p) => p.title === "After")!.isNew).toBe(true);
  });

  it("takes the same number of queries for 3 posts as for 60", async () => {
    const small = await communityWith(owner, "Few posts", [reader]);
    const large = await communityWith(owner, "Many posts", [reader]);
    for (let i = 0; i < 3; i++) await makePost(owner, small, { title: `S${i}`, tags: "a,b" });
    for (let i = 0; i < 60; i++) await makePost(owner, large, { title: `L${i}`, tags: "a,b" });
    const few = await countQueries(() => getCommunityFeed(reader, small, { limit: "50" }));
    const many = await countQueries(() => getCommunityFeed(reader, large, { limit: "50" }));
    expect(many.result.items).toHaveLength(50);
    expect(many.count).toBe(few.count);
    // The community, the shared page (pinned and the rest in one), the reader's visit with their
    // read marks for the whole page, and the first visit written down.
    expect(few.count).toBe(4);
    // Looking again within a few minutes writes nothing.
    expect((await countQueries(() => getCommunityFeed(reader, small, { limit: "50" }))).count).toBe(3);
  });
});

describe("the post page", () => {
  it("takes the same number of queries for 2 replies as for 120", async () => {
    const slug = await communityWith(owner, "Thread sizes", [reader]);
    const short = await makePost(owner, slug, { kind: "question" });
    const long = await makePost(owner, slug, { kind: "question" });
    for (let i = 0; i < 2; i++) await createComment(reader, short.postId, { body: `<p>${i}</p>`, bodyFormat: "html" });
    let last = "";
    for (let i = 0; i < 120; i++) last = (await createComment(reader, long.postId, { body: `<p>${i}</p>`, bodyFormat: "html" })).commentId;
    await setAcceptedAnswer(owner, short.postId, {});
    await setAcceptedAnswer(owner, long.postId, { commentId: last });
    const a = await countQueries(() => getPostPage(owner, slug, short.postId, {}));
    const b = await countQueries(() => getPostPage(owner, slug, long.postId, {}));
    expect(b.result.comments).toHaveLength(THREAD_PAGE_SIZE);
    expect(b.result.acceptedAnswer?.id).toBe(last);
    // The post, its community, the viewer's state on it, the replies with the accepted answer.
    expect(a.count).toBe(4);
    expect(b.count).toBe(a.count);
    const page2 = await getPostPage(owner, slug, long.postId, { cursor: b.result.nextCursor! });
    expect(page2.comments[0]!.bodyHtml).toBe(`<p>${THREAD_PAGE_SIZE}</p>`);
  });
});

describe("the home feed", () => {
  it("shows recent activity from the reader's communities only", async () => {
    const reader = await makeUser({ name: "Home Reader" });
    const mine = await communityWith(owner, "Home mine", [reader]);
    const notMine = await communityWith(owner, "Home not mine", []);
    const { slug: hidden } = await createCommunity(owner, { name: "Home hidden", visibility: "private" });
    const a = await makePost(owner, mine, { title: "In my community" });
    await makePost(owner, notMine, { title: "Elsewhere" });
    await makePost(owner, hidden, { title: "Secret" });
    const hiddenPost = await makePost(owner, mine, { title: "Hidden by facilitator" });
    const db = await getDb();
    await db.update(posts).set({ hiddenAt: new Date() }).where(eq(posts.id, hiddenPost.postId));
    const feed = await getHomeFeed(reader, {});
    expect(feed.items.map((i) => i.title)).toEqual(["In my community"]);
    expect(feed.items[0]).toMatchObject({ id: a.postId, communitySlug: mine });
    const ownerFeed = await getHomeFeed(owner, { limit: "2" });
    expect(ownerFeed.items).toHaveLength(2);
    const rest = await getHomeFeed(owner, { limit: "2", cursor: ownerFeed.nextCursor! });
    expect(rest.items.map((i) => i.id)).not.toContain(ownerFeed.items[0]!.id);
  });
});
