import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { setArchived } from "@/lib/communities/mutations";
import { xssCorpus } from "@/test/support/xss-corpus";
import { getDb } from "@/lib/db/client";
import { comments, communities, posts } from "@/lib/db/schema";
import { createCommunity } from "@/lib/communities/mutations";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { makeUser } from "@/test/support/factories";
import { communityWith, makePost, postInput } from "@/test/support/posts";
import { getDraft, saveDraft } from "./drafts";
import {
  createComment,
  createPost,
  deleteComment,
  editComment,
  editPost,
  setAcceptedAnswer,
} from "./mutations";
import { toggleHelpfulComment, toggleHelpfulPost } from "./reactions";
import { getPostPage } from "./thread";

let owner: Viewer;
let asker: Viewer;
let helper: Viewer;
let outsider: Viewer;

beforeAll(async () => {
  owner = await makeUser({ name: "Olu Owner" });
  asker = await makeUser({ name: "Asha Asker" });
  helper = await makeUser({ name: "Hal Helper" });
  outsider = await makeUser({ name: "Otto Outsider" });
});

describe("posting", () => {
  it("stores clean HTML, its plain text and tidy tags", async () => {
    const slug = await communityWith(owner, "Posting basics", [asker]);
    const { postId } = await createPost(asker, slug, postInput({ title: "  Draft outcomes framework  ", body: "<h1>Intro</h1><p onclick='x()'>Hello <a href='https://gov.uk'>guidance</a></p>", tags: "Social Value, social value, Outcomes" }));
    const db = await getDb();
    const [row] = await db.select().from(posts).where(eq(posts.id, postId));
    expect(row).toMatchObject({
      title: "Draft outcomes framework",
      bodyHtml: '<h2>Intro</h2><p>Hello <a href="https://gov.uk" rel="nofollow ugc noopener">guidance</a></p>',
      bodyText: "Intro\nHello guidance",
      tags: ["social-value", "outcomes"],
    });
  });

  it("turns the no-script textarea's plain text into paragraphs", async () => {
    const slug = await communityWith(owner, "Plain text", [asker]);
    const { postId } = await createPost(asker, slug, postInput({ body: "First line\nsame paragraph\n\n<script>x</script> second", bodyFormat: "plain" }));
    const page = await getPostPage(asker, slug, postId, {});
    expect(page.post.bodyHtml).toBe("<p>First line<br />same paragraph</p><p>&lt;script&gt;x&lt;/script&gt; second</p>");
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ["an empty title", { title: "" }, "title", /Enter a title/],
    ["a whitespace-only title", { title: " \n\t " }, "title", /Enter a title/],
    ["a 201-character title", { title: "t".repeat(201) }, "title", /200 characters or fewer/],
    ["an empty body", { body: "" }, "body", /Write something/],
    ["a body of only spaces and markup", { body: "<p> </p><p><br></p>" }, "body", /Write something/],
    ["a body over 100 KB", { body: `<p>${"x".repeat(100 * 1024)}</p>` }, "body", /under 100 KB/],
    ["six tags", { tags: "a,b,c,d,e,f" }, "tags", /up to 5 tags/],
    ["a 31-character tag", { tags: "t".repeat(31) }, "tags", /30 characters or fewer/],
    ["an unknown kind", { kind: "poll" }, "kind", /discussion, a question or an article/],
  ];
  for (const [label, input, field, message] of bad) {
    it(`refuses ${label} with a message for the ${field} field, and saves nothing`, async () => {
      const slug = await communityWith(owner, `Bad ${label}`, [asker]);
      const error = await appErrorOf(() => createPost(asker, slug, postInput(input)));
      expect(error.status).toBe(400);
      expect(error.fieldErrors?.[field]?.[0]).toMatch(message);
      const db = await getDb();
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(posts).innerJoin(communities, eq(communities.id, posts.communityId)).where(eq(communities.slug, slug));
      expect(row?.n).toBe(0);
    });
  }

  it("saves no payload of the XSS corpus in an active form", async () => {
    const slug = await communityWith(owner, "XSS corpus", [asker]);
    for (const payload of xssCorpus) {
      const { postId } = await createPost(asker, slug, postInput({ title: payload.slice(0, 200), body: `<p>before</p>${payload}` }));
      const page = await getPostPage(asker, slug, postId, {});
      expect(page.post.bodyHtml).not.toMatch(/<(script|iframe|img|svg|object|embed|style|form|input)\b|\son\w+=|javascript:|data:|vbscript:/i);
    }
  });

  it("makes one post from a double submit with the same key, even at the same moment", async () => {
    const slug = await communityWith(owner, "Double submit", [asker]);
    const input = postInput({ idempotencyKey: "form-render-1" });
    const [a, b, c] = await Promise.all([createPost(asker, slug, input), createPost(asker, slug, input), createPost(asker, slug, input)]);
    expect(new Set([a.postId, b.postId, c.postId]).size).toBe(1);
    const again = await createPost(asker, slug, input);
    expect(again).toMatchObject({ postId: a.postId, created: false });
    const db = await getDb();
    const [community] = await db.select().from(communities).where(eq(communities.slug, slug));
    expect(community?.postCount).toBe(1);
  });

  it("lets only members post, and nobody in an archived community", async () => {
    const slug = await communityWith(owner, "Members only", [asker]);
    expect((await appErrorOf(() => makePost(outsider, slug))).status).toBe(403);
    await setArchived(owner, slug, true);
    // A member is refused for the true reason: the community is archived, not that they are not a member.
    expect((await appErrorOf(() => makePost(asker, slug))).message).toMatch(/archived, so it takes no new posts/);
  });

  it("keeps the earlier version when the author edits, and refuses anyone else", async () => {
    const slug = await communityWith(owner, "Editing posts", [asker, helper]);
    const { postId } = await makePost(asker, slug, { title: "First title" });
    await editPost(asker, postId, postInput({ title: "Better title", body: "<p>Clearer.</p>" }));
    expect((await appErrorOf(() => editPost(helper, postId, postInput()))).status).toBe(403);
    const db = await getDb();
    const revisions = await db.execute(sql`select title from post_revisions where post_id = ${postId}`);
    expect((revisions as unknown as { rows: { title: string }[] }).rows).toEqual([{ title: "First title" }]);
    const page = await getPostPage(helper, slug, postId, {});
    expect(page.post.title).toBe("Better title");
    expect(page.post.editedAt).not.toBeNull();
  });
});

describe("replies", () => {
  it("quote what they answer, show edits, and keep revisions for facilitators", async () => {
    const slug = await communityWith(owner, "Reply threads", [asker, helper]);
    const { postId } = await makePost(asker, slug);
    const first = await createComment(helper, postId, { body: "<p>We used a peer review.</p>", bodyFormat: "html" });
    const second = await createComment(asker, postId, { body: "<p>How long did it take?</p>", bodyFormat: "html", replyToId: first.commentId });
    await editComment(helper, first.commentId, { body: "<p>We used a peer review, twice.</p>", bodyFormat: "html" });
    const asOwner = await getPostPage(owner, slug, postId, {});
    const [a, b] = asOwner.comments;
    expect(a).toMatchObject({ editedAt: expect.any(Date), bodyHtml: "<p>We used a peer review, twice.</p>" });
    expect(a!.revisions.map((r) => r.bodyHtml)).toEqual(["<p>We used a peer review.</p>"]);
    expect(b!.replyTo).toEqual({ id: first.commentId, author: "Hal Helper", text: "We used a peer review, twice.", here: true });
    expect((await getPostPage(asker, slug, postId, {})).comments[0]!.revisions).toEqual([]);
    expect(second.created).toBe(true);
  });

  it("show as deleted when others replied to them, and vanish otherwise", async () => {
    const slug = await communityWith(owner, "Deleting replies", [asker, helper]);
    const { postId } = await makePost(asker, slug);
    const answered = await createComment(helper, postId, { body: "<p>One</p>", bodyFormat: "html" });
    await createComment(asker, postId, { body: "<p>Thanks</p>", bodyFormat: "html", replyToId: answered.commentId });
    const lonely = await createComment(helper, postId, { body: "<p>Two</p>", bodyFormat: "html" });
    expect((await appErrorOf(() => deleteComment(asker, answered.commentId))).status).toBe(403);
    await deleteComment(helper, answered.commentId);
    await deleteComment(helper, lonely.commentId);
    const page = await getPostPage(asker, slug, postId, {});
    expect(page.comments.map((c) => (c.deleted ? "deleted" : c.bodyHtml))).toEqual(["deleted", "<p>Thanks</p>"]);
    expect(page.post.commentCount).toBe(1);
    expect(page.comments[1]!.replyTo?.text).toBeNull();
  });

  it("are refused on a locked post and in an archived community", async () => {
    const slug = await communityWith(owner, "Locked post", [asker]);
    const { postId } = await makePost(asker, slug);
    const db = await getDb();
    await db.update(posts).set({ lockedAt: new Date() }).where(eq(posts.id, postId));
    const locked = await appErrorOf(() => createComment(asker, postId, { body: "<p>x</p>", bodyFormat: "html" }));
    expect([locked.status, locked.message]).toEqual([403, "This post is locked, so it takes no new replies."]);
    await db.update(posts).set({ lockedAt: null }).where(eq(posts.id, postId));
    await setArchived(owner, slug, true);
    expect((await appErrorOf(() => createComment(asker, postId, { body: "<p>x</p>", bodyFormat: "html" }))).message).toMatch(/archived/);
  });

  it("are refused on its author's own hidden post for that reason, not for being a non-member", async () => {
    const slug = await communityWith(owner, "Hidden post replies", [asker]);
    const { postId } = await makePost(asker, slug);
    const db = await getDb();
    await db.update(posts).set({ hiddenAt: new Date(), hiddenReason: "Names a resident." }).where(eq(posts.id, postId));
    const hidden = "A facilitator has hidden this post, so it takes no new replies.";
    const refused = await appErrorOf(() => createComment(asker, postId, { body: "<p>x</p>", bodyFormat: "html" }));
    expect([refused.status, refused.message]).toEqual([403, hidden]);
    const page = await getPostPage(asker, slug, postId, {});
    expect([page.allowed.comment, page.refusals.comment]).toEqual([false, hidden]);
  });

  it("come from non-members only where an open community allows it", async () => {
    const slug = await communityWith(owner, "Open replies", []);
    const { postId } = await makePost(owner, slug);
    expect((await appErrorOf(() => createComment(outsider, postId, { body: "<p>x</p>", bodyFormat: "html" }))).status).toBe(403);
    const db = await getDb();
    await db.update(communities).set({ allowNonMemberComments: true }).where(eq(communities.slug, slug));
    expect((await createComment(outsider, postId, { body: "<p>x</p>", bodyFormat: "html" })).created).toBe(true);
  });

  it("keep counts exact under 40 concurrent replies and helpful marks", async () => {
    const slug = await communityWith(owner, "Busy thread", [asker]);
    const { postId } = await makePost(asker, slug);
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => makeUser({ name: `Replier ${i}` })));
    const { joinCommunity } = await import("@/lib/communities/membership");
    for (const p of people) await joinCommunity(p, { slug });
    await Promise.all([
      ...people.map((p) => createComment(p, postId, { body: "<p>Agreed.</p>", bodyFormat: "html" })),
      ...people.map((p) => toggleHelpfulPost(p, postId)),
      ...people.slice(0, 5).map((p) => createComment(p, postId, { body: "<p>Same key</p>", bodyFormat: "html", idempotencyKey: "k" })),
    ]);
    const db = await getDb();
    const [row] = await db.select().from(posts).where(eq(posts.id, postId));
    const [actual] = await db.select({ n: sql<number>`count(*)::int` }).from(comments).where(eq(comments.postId, postId));
    expect({ comments: row!.commentCount, helpful: row!.helpfulCount }).toEqual({ comments: actual!.n, helpful: 20 });
    expect(actual!.n).toBe(25);
    await Promise.all(people.slice(0, 10).map((p) => toggleHelpfulPost(p, postId)));
    const [after] = await db.select().from(posts).where(eq(posts.id, postId));
    expect(after!.helpfulCount).toBe(10);
  });
});

describe("questions and answers", () => {
  it("the asker or a facilitator marks, changes and clears the answer", async () => {
    const slug = await communityWith(owner, "Q and A", [asker, helper, outsider]);
    const { postId } = await makePost(asker, slug, { kind: "question", title: "How do you report void turnaround?" });
    const one = await createComment(helper, postId, { body: "<p>Weekly.</p>", bodyFormat: "html" });
    const two = await createComment(outsider, postId, { body: "<p>Monthly.</p>", bodyFormat: "html" });
    expect((await appErrorOf(() => setAcceptedAnswer(helper, postId, { commentId: one.commentId }))).status).toBe(403);
    await setAcceptedAnswer(asker, postId, { commentId: one.commentId });
    expect((await getPostPage(helper, slug, postId, {})).acceptedAnswer?.id).toBe(one.commentId);
    await setAcceptedAnswer(owner, postId, { commentId: two.commentId });
    expect((await getPostPage(helper, slug, postId, {})).acceptedAnswer?.id).toBe(two.commentId);
    await setAcceptedAnswer(asker, postId, { commentId: "" });
    expect((await getPostPage(helper, slug, postId, {})).acceptedAnswer).toBeNull();
    const elsewhere = await makePost(asker, slug, { kind: "question" });
    const stray = await createComment(helper, elsewhere.postId, { body: "<p>x</p>", bodyFormat: "html" });
    expect((await appErrorOf(() => setAcceptedAnswer(asker, postId, { commentId: stray.commentId }))).status).toBe(404);
  });

  it("cannot be marked on a discussion", async () => {
    const slug = await communityWith(owner, "Not a question", [asker]);
    const { postId } = await makePost(asker, slug);
    expect((await appErrorOf(() => setAcceptedAnswer(asker, postId, {}))).status).toBe(403);
  });

  it("counts helpful marks on replies once per member, and never your own", async () => {
    const slug = await communityWith(owner, "Helpful replies", [asker, helper]);
    const { postId } = await makePost(asker, slug);
    const reply = await createComment(helper, postId, { body: "<p>Try this.</p>", bodyFormat: "html" });
    expect((await toggleHelpfulComment(asker, reply.commentId)).count).toBe(1);
    expect((await toggleHelpfulComment(asker, reply.commentId)).count).toBe(0);
    expect((await appErrorOf(() => toggleHelpfulComment(helper, reply.commentId))).status).toBe(403);
  });
});

describe("mentions", () => {
  it("link people who can read the post, and leave others as plain text", async () => {
    const { slug } = await createCommunity(owner, { name: "Private mentions", visibility: "private" });
    const body = `<p>Ask <span data-type="mention" data-id="${owner.id}" data-label="Olu Owner">@Olu Owner</span> or <span data-type="mention" data-id="${outsider.id}" data-label="Otto Outsider">@Otto Outsider</span></p>`;
    const { postId } = await createPost(owner, slug, postInput({ body }));
    const html = (await getPostPage(owner, slug, postId, {})).post.bodyHtml;
    expect(html).toContain(`href="/people/${owner.id}"`);
    expect(html).not.toContain(`/people/${outsider.id}`);
    expect(html).toContain("@Otto Outsider");
  });
});

describe("drafts", () => {
  it("are saved while typing and come back, only for places the member may write", async () => {
    const slug = await communityWith(owner, "Draft keeping", [asker]);
    const db = await getDb();
    const [community] = await db.select().from(communities).where(eq(communities.slug, slug));
    const key = `post:${community!.id}`;
    await saveDraft(asker, { key, idempotencyKey: "form-1", title: "Half a thought", body: "<p>So far</p>", kind: "question" });
    expect(await getDraft(asker, key)).toMatchObject({ title: "Half a thought", body: "<p>So far</p>", kind: "question" });
    expect((await appErrorOf(() => saveDraft(outsider, { key, idempotencyKey: "form-2", title: "x" }))).status).toBe(403);
    expect((await appErrorOf(() => saveDraft(asker, { key: "post:not-a-place", idempotencyKey: "form-3" }))).status).toBe(400);
    await createPost(asker, slug, postInput());
    expect(await getDraft(asker, key)).toBeNull();
  });
});
