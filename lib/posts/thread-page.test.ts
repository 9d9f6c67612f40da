import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { comments } from "@/lib/db/schema";
import { THREAD_PAGE_SIZE as N } from "@/lib/notifications/reads";
import type { Viewer } from "@/lib/policy";
import { makeUser } from "@/test/support/factories";
import { communityWith, makePost } from "@/test/support/posts";
import { createComment, setAcceptedAnswer } from "./mutations";
import { getPostPage } from "./thread";

// Paging a long thread: forward by `cursor`, back by `before`, and straight to the page that
// holds a reply by `reply`, each by keyset, with the accepted answer on every page.

let owner: Viewer;
let reader: Viewer;
let slug: string;
let postId: string;
/** The replies' ids in thread order; replies[i] says `<p>i</p>`. */
const replies: string[] = [];
const texts = (page: { comments: { bodyHtml: string }[] }) => page.comments.map((c) => Number(c.bodyHtml.replace(/\D/g, "")));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

beforeAll(async () => {
  owner = await makeUser({ name: "Paging Owner" });
  reader = await makeUser({ name: "Paging Reader" });
  slug = await communityWith(owner, "Thread paging", [reader]);
  ({ postId } = await makePost(owner, slug, { kind: "question", title: "A long thread" }));
  for (let i = 0; i < 3 * N + 5; i++) replies.push((await createComment(owner, postId, { body: `<p>${i}</p>`, bodyFormat: "html" })).commentId);
  await setAcceptedAnswer(owner, postId, { commentId: replies[2 * N + 3]! });
});

describe("a long thread's pages", () => {
  it("go forward and back by keyset, the way back ending on the first page", async () => {
    const first = await getPostPage(reader, slug, postId, {});
    expect(texts(first)).toEqual(range(0, N));
    expect(first.prevCursor).toBeNull();
    const second = await getPostPage(reader, slug, postId, { cursor: first.nextCursor! });
    expect(texts(second)).toEqual(range(N, 2 * N));
    const back = await getPostPage(reader, slug, postId, { before: second.prevCursor! });
    expect(texts(back)).toEqual(range(0, N));
    expect(back.prevCursor).toBeNull();
    expect(back.nextCursor).toBe(first.nextCursor);
    const third = await getPostPage(reader, slug, postId, { cursor: second.nextCursor! });
    const fromThird = await getPostPage(reader, slug, postId, { before: third.prevCursor! });
    expect(texts(fromThird)).toEqual(range(N, 2 * N));
  });

  it("open on the page that holds a reply: the first page when it is there, else a page from it", async () => {
    const early = await getPostPage(reader, slug, postId, { reply: replies[3] });
    expect(texts(early)).toEqual(range(0, N));
    const deep = await getPostPage(reader, slug, postId, { reply: replies[N + 7] });
    expect(texts(deep)).toEqual(range(N + 7, 2 * N + 7));
    expect(deep.prevCursor).not.toBeNull();
    const before = await getPostPage(reader, slug, postId, { before: deep.prevCursor! });
    expect(texts(before)).toEqual(range(7, N + 7));
    // The last few: a short page with nothing after it.
    const last = await getPostPage(reader, slug, postId, { reply: replies.at(-2) });
    expect(texts(last)).toEqual([3 * N + 3, 3 * N + 4]);
    expect(last.nextCursor).toBeNull();
  });

  it("show the accepted answer on every page, and quote links know whether the quoted reply is on the page", async () => {
    for (const query of [{}, { reply: replies[N + 1] }, { before: (await getPostPage(reader, slug, postId, { reply: replies[N + 1] })).prevCursor! }]) {
      expect((await getPostPage(reader, slug, postId, query)).acceptedAnswer?.id).toBe(replies[2 * N + 3]);
    }
    const { commentId } = await createComment(reader, postId, { body: "<p>Quoting the first</p>", bodyFormat: "html", replyToId: replies[0] });
    const page = await getPostPage(reader, slug, postId, { reply: commentId });
    expect(page.comments.find((c) => c.id === commentId)!.replyTo).toMatchObject({ id: replies[0], here: false });
  });

  it("treat a reply the viewer may not see, or one from another post, as not asked for; a tampered cursor is a 400", async () => {
    const db = await getDb();
    const hidden = replies[N + 2]!;
    await db.update(comments).set({ hiddenAt: new Date() }).where(eq(comments.id, hidden));
    const other = await makePost(owner, slug, { title: "Another post" });
    const elsewhere = (await createComment(owner, other.postId, { body: "<p>x</p>", bodyFormat: "html" })).commentId;
    for (const reply of [hidden, elsewhere, "not-a-uuid"]) {
      const page = await getPostPage(reader, slug, postId, { reply });
      expect(texts(page)).toEqual(range(0, N));
    }
    // Its author still sees it, and is taken to it.
    expect((await getPostPage(owner, slug, postId, { reply: hidden })).comments[0]!.id).toBe(hidden);
    await db.update(comments).set({ hiddenAt: null }).where(eq(comments.id, hidden));
    await expect(getPostPage(reader, slug, postId, { before: "garbage" })).rejects.toMatchObject({ status: 400 });
  });
});
