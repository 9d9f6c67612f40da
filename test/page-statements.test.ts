import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getHome, getHomePage } from "@/lib/communities/home";
import { getCommunityPage } from "@/lib/communities/page";
import { countQueries } from "@/lib/db/query-count";
import { recordPostRead } from "@/lib/notifications/reads";
import type { Viewer } from "@/lib/policy";
import { getDb } from "@/lib/db/client";
import { posts } from "@/lib/db/schema";
import { myOpenActions, nextCommunityEvents, upcomingEventsForMember } from "@/lib/events/lists";
import { createDocument, outForComment } from "@/lib/library/documents";
import { setStatus } from "@/lib/library/manage";
import { getCommunityWatch, setCommunityWatch } from "@/lib/notifications/watches";
import { peopleLikeYou } from "@/lib/people/finder";
import { getCommunityFeed, getHomeFeed, ownUnpublishedPosts } from "@/lib/posts/feeds";
import { createReport } from "@/lib/moderation/reports";
import { saveDraft } from "@/lib/posts/drafts";
import { createComment, setAcceptedAnswer } from "@/lib/posts/mutations";
import { getPostPage } from "@/lib/posts/thread";
import { search } from "@/lib/search";
import { loadSession, startSession } from "@/lib/users/sessions";
import { makeUser } from "@/test/support/factories";
import { inDays, makeEvent } from "@/test/support/events";
import { communityWith, makePost } from "@/test/support/posts";

// The statements each page of the speed goals sends, counted exactly: the signed-in shell (the
// session with its account, the header's unread count) and the calls the page makes, as in its
// page.tsx. A new statement on one of these pages must show up here on purpose.

let owner: Viewer;
let reader: Viewer;
let slug: string;
let sessionId: string;

/** The shell every signed-in page shares: the viewer from the session, with the header's unread count. */
async function shell() {
  return loadSession(reader.id, sessionId);
}

const pages = {
  community: async () => {
    await shell();
    await getCommunityPage(reader, slug);
    await getCommunityFeed(reader, slug, {}, { page: true });
  },
  home: async () => {
    await shell();
    await getHomePage(reader);
  },
  search: async () => {
    await shell();
    await search(reader, { q: "budget" });
  },
};

beforeAll(async () => {
  owner = await makeUser({ name: "Statement Owner" });
  reader = await makeUser({ name: "Statement Reader" });
  sessionId = await startSession(reader.id, { device: "test", network: "test" });
  slug = await communityWith(owner, "Statement counts", [reader]);
  for (let i = 0; i < 12; i++) await makePost(owner, slug, { title: `Budget post ${i}`, tags: "budget" });
});

describe("statements per page", () => {
  it("the community feed, home feed and search pages send a fixed number", async () => {
    const counts: Record<string, number> = {};
    for (const [name, load] of Object.entries(pages)) {
      await load(); // the shared feed page is cached after the first reader
      counts[name] = (await countQueries(load)).count;
    }
    // Community: the shell (the session with the header's count), the community, its lists
    // (sub-communities, facilitators), the community again for the feed (here only: in a
    // request, React's cache() in loadAuthorizedForPage shares the first load, so the real
    // server sends 5, or 4 with the shared feed page cached), the shared feed page (pinned and
    // the rest), and the viewer's own: their visit, read marks, unpublished posts, documents out
    // for comment, the next events with their time zone, and their watch. The visit is written
    // only when it changes, after the response. Home: the shell and one statement of every list.
    // Search: the shell, then at once: posts (which also say whether the query kept any words),
    // communities, people, documents.
    expect(counts).toEqual({ community: 6, home: 2, search: 5 });
  });

  it("the post page sends 5 with the shell, with or without an accepted answer or a reply asked for, and writes the read mark only when it moves", async () => {
    const { postId } = await makePost(owner, slug, { kind: "question", title: "Counted question" });
    let last = "";
    for (let i = 0; i < 60; i++) last = (await createComment(owner, postId, { body: `<p>${i}</p>`, bodyFormat: "html" })).commentId;
    const page = () => countQueries(async () => {
      await shell();
      return getPostPage(reader, slug, postId, {}, { page: true });
    });
    const first = await page();
    expect(first.count).toBe(5);
    expect(first.result.readChanges).toBe(true);
    await recordPostRead(reader, postId, first.result.readUpTo);
    // The same first page again: the mark is already at its last reply.
    const again = await page();
    expect(again.result.readChanges).toBe(false);
    expect(again.count).toBe(5);
    // The next page shows replies after the mark; once recorded, it too has nothing to move.
    const next = await getPostPage(reader, slug, postId, { cursor: again.result.nextCursor! }, { page: true });
    expect(next.readChanges).toBe(true);
    await recordPostRead(reader, postId, next.readUpTo);
    expect((await getPostPage(reader, slug, postId, { cursor: again.result.nextCursor! }, { page: true })).readChanges).toBe(false);
    await setAcceptedAnswer(owner, postId, { commentId: last });
    expect((await page()).count).toBe(5);
    // The page that holds a reply, and the page before a cursor: the same one statement of replies.
    const deep = await countQueries(async () => {
      await shell();
      return getPostPage(reader, slug, postId, { reply: last }, { page: true });
    });
    expect(deep.count).toBe(5);
    expect(deep.result.comments[0]!.id).toBe(last);
    const back = await countQueries(async () => {
      await shell();
      return getPostPage(reader, slug, postId, { before: deep.result.prevCursor! }, { page: true });
    });
    expect(back.count).toBe(5);
  });

  it("the post page's one statement of viewer state carries their draft, their reports and the header's count, and only for them", async () => {
    const { postId } = await makePost(owner, slug, { title: "State on the page" });
    const { commentId } = await createComment(owner, postId, { body: "<p>A reply</p>", bodyFormat: "html" });
    await saveDraft(reader, { key: `comment:${postId}`, idempotencyKey: crypto.randomUUID(), body: "<p>Half a thought</p>" });
    await createReport(reader, { postId, reason: "spam" });
    await createReport(reader, { postId, commentId, reason: "spam" });
    const mine = await getPostPage(reader, slug, postId, {}, { page: true });
    expect(mine.page).toMatchObject({ draft: "<p>Half a thought</p>", myReport: "open", attachments: [], canAttach: false });
    expect(mine.page?.header).toMatchObject({ community: { slug, name: "Statement counts" }, breadcrumb: [], subCommunityCount: 0 });
    expect(mine.comments.map((c) => c.myReport)).toEqual(["open"]);
    const theirs = await getPostPage(owner, slug, postId, {}, { page: true });
    expect(theirs.page).toMatchObject({ draft: null, myReport: null, canAttach: true });
    expect(theirs.comments.map((c) => c.myReport)).toEqual([null]);
    // The JSON leaves the page's parts out.
    expect((await getPostPage(reader, slug, postId, {})).page).toBeNull();
  });

  it("the community page's one statement of viewer state carries the same lists as each asked alone, and only the viewer's own", async () => {
    const here = await communityWith(owner, "State beside the feed", [reader]);
    const { community } = await getCommunityPage(reader, here);
    const { postId } = await makePost(reader, here, { title: "Taken down" });
    await makePost(owner, here, { title: "Still up" });
    const db = await getDb();
    await db.update(posts).set({ hiddenAt: new Date(), hiddenReason: "Off topic" }).where(eq(posts.id, postId));
    await makeEvent(owner, here, { title: "Next meeting", date: inDays(10) });
    const { documentId } = await createDocument(owner, here, { title: "Draft policy", body: "<p>Text</p>", bodyFormat: "html" });
    await setStatus(owner, documentId, { status: "out_for_comment", deadline: "2030-01-31" });
    await setCommunityWatch(reader, here, { level: "watching" });
    for (const viewer of [reader, owner]) {
      const { page } = await getCommunityFeed(viewer, here, {}, { page: true });
      expect(page).toEqual({
        own: await ownUnpublishedPosts(viewer, community.id),
        forComment: await outForComment(viewer, community.id),
        coming: await nextCommunityEvents(viewer, community.id),
        watch: await getCommunityWatch(viewer, community.id),
      });
    }
    const mine = (await getCommunityFeed(reader, here, {}, { page: true })).page!;
    expect(mine.own).toMatchObject([{ id: postId, title: "Taken down", hiddenReason: "Off topic" }]);
    expect(mine.own[0]!.hiddenAt).toBeInstanceOf(Date);
    expect(mine.forComment).toMatchObject([{ id: documentId, title: "Draft policy", commentCount: 0 }]);
    expect(mine.forComment[0]!.commentDeadline).toBeInstanceOf(Date);
    expect(mine.coming.map((e) => e.title)).toEqual(["Next meeting"]);
    expect(mine.coming[0]!.startsAt).toBeInstanceOf(Date);
    expect(mine.watch.level).toBe("watching");
    expect((await getCommunityFeed(owner, here, {}, { page: true })).page).toMatchObject({ own: [], watch: { level: "normal" } });
    // The JSON leaves the page's parts out.
    expect((await getCommunityFeed(reader, here, {})).page).toBeNull();
  });

  it("the home page's one statement carries the same lists as each asked alone", async () => {
    for (const viewer of [reader, owner]) {
      const page = await getHomePage(viewer);
      expect(page).toEqual({
        ...(await getHome(viewer)),
        activity: await getHomeFeed(viewer, { limit: 10 }),
        events: await upcomingEventsForMember(viewer),
        actions: await myOpenActions(viewer),
        likeYou: await peopleLikeYou(viewer),
      });
      expect(page.mine.length).toBeGreaterThan(0);
      expect(page.mine[0]!.lastActivityAt).toBeInstanceOf(Date);
      expect(page.activity.items[0]!.lastActivityAt).toBeInstanceOf(Date);
    }
  });
});

