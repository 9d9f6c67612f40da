import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { joinCommunity } from "@/lib/communities/membership";
import { createCommunity } from "@/lib/communities/mutations";
import { getDb } from "@/lib/db/client";
import { accountDeletions, comments, communities, posts, users } from "@/lib/db/schema";
import { cleanUp } from "@/lib/maintenance/cleanup";
import { getPostPage } from "@/lib/posts/thread";
import { createComment } from "@/lib/posts/mutations";
import { toggleHelpfulPost } from "@/lib/posts/reactions";
import { appErrorOf } from "@/test/support/errors";
import { makeUser } from "@/test/support/factories";
import { lastMailTo } from "@/test/support/mail";
import { makePost } from "@/test/support/posts";
import { hashPassword } from "./password";
import { cancelDeletionOnSignIn, requestDeletion } from "./deletion";
import { loadSessionViewer, startSession } from "./sessions";

const device = { device: "Firefox on Linux", network: "" };
const makeDue = async (userId: string) => (await getDb()).update(accountDeletions).set({ dueAt: sql`now() - interval '1 minute'` }).where(eq(accountDeletions.userId, userId));
const counts = async (slug: string) => (await (await getDb()).select({ members: communities.memberCount, posts: communities.postCount }).from(communities).where(eq(communities.slug, slug)))[0];

describe("deleting an account", () => {
  it("waits 14 days, signed out everywhere; signing in cancels it", async () => {
    const leaver = await makeUser({ name: "Wavering Will", passwordHash: await hashPassword("will's password") });
    const session = await startSession(leaver.id, device);
    expect((await appErrorOf(() => requestDeletion(leaver, { content: "keep", password: "wrong", confirm: "yes" }))).fieldErrors?.password).toBeDefined();
    expect((await appErrorOf(() => requestDeletion(leaver, { content: "keep", password: "will's password" }))).fieldErrors?.confirm).toBeDefined();
    const { dueAt } = await requestDeletion(leaver, { content: "keep", password: "will's password", confirm: "yes" });
    expect(Math.round((dueAt.getTime() - Date.now()) / 86_400_000)).toBe(14);
    expect(await loadSessionViewer(leaver.id, session)).toBeNull();
    expect((await lastMailTo(leaver.email)).subject).toBe("Your Roundtable account will be deleted");
    expect(await cancelDeletionOnSignIn(leaver.id)).toBe(true);
    expect((await lastMailTo(leaver.email)).subject).toBe("Your Roundtable account will not be deleted");
    await makeDue(leaver.id);
    await cleanUp();
    expect(await (await getDb()).select().from(users).where(eq(users.id, leaver.id))).toHaveLength(1);
  });

  it("keeps posts and replies as a former member's when asked, with every count still exact", async () => {
    const owner = await makeUser({ name: "Staying Owner" });
    const leaver = await makeUser({ name: "Keeping Kim" });
    const { slug } = await createCommunity(owner, { name: "Kept content", visibility: "open" });
    await joinCommunity(leaver, { slug });
    const { postId } = await makePost(leaver, slug, { title: "Kim's question" });
    const other = await makePost(owner, slug, { title: "Owner's post", idempotencyKey: "owner-post" });
    await createComment(leaver, other.postId, { body: "<p>Kim's reply</p>", bodyFormat: "html" });
    await toggleHelpfulPost(leaver, other.postId);
    await requestDeletion(leaver, { content: "keep", confirm: "yes" });
    await makeDue(leaver.id);
    expect((await cleanUp()).removed.deletedAccounts).toBe(1);
    expect((await lastMailTo(leaver.email)).subject).toBe("Your Roundtable account has been deleted");
    const page = await getPostPage(owner, slug, postId, {});
    expect([page.post.title, page.post.author]).toEqual(["Kim's question", null]);
    const reply = await getPostPage(owner, slug, other.postId, {});
    expect(reply.comments.map((c) => [c.bodyHtml, c.author])).toEqual([["<p>Kim's reply</p>", null]]);
    expect(reply.post.helpfulCount).toBe(0);
    expect(await counts(slug)).toEqual({ members: 1, posts: 2 });
  });

  it("removes posts and replies when asked, with the replies to them, and keeps every count exact", async () => {
    const owner = await makeUser({ name: "Owner Who Stays" });
    const leaver = await makeUser({ name: "Removing Rae" });
    const { slug } = await createCommunity(owner, { name: "Removed content", visibility: "open" });
    await joinCommunity(leaver, { slug });
    const { postId } = await makePost(leaver, slug, { title: "Rae's post" });
    await createComment(owner, postId, { body: "<p>An answer to Rae</p>", bodyFormat: "html" });
    const kept = await makePost(owner, slug, { title: "Owner's question", kind: "question", idempotencyKey: "kept" });
    const { commentId } = await createComment(leaver, kept.postId, { body: "<p>Rae's answer</p>", bodyFormat: "html" });
    await (await getDb()).update(posts).set({ acceptedCommentId: commentId }).where(eq(posts.id, kept.postId));
    await requestDeletion(leaver, { content: "remove", confirm: "yes" });
    await makeDue(leaver.id);
    await cleanUp();
    const db = await getDb();
    expect(await db.select().from(posts).where(eq(posts.id, postId))).toEqual([]);
    expect(await db.select().from(comments).where(eq(comments.postId, postId))).toEqual([]);
    const [question] = await db.select({ comments: posts.commentCount, accepted: posts.acceptedCommentId }).from(posts).where(eq(posts.id, kept.postId));
    expect(question).toEqual({ comments: 0, accepted: null });
    expect(await counts(slug)).toEqual({ members: 1, posts: 1 });
  });

  it("is refused to the only owner of a community others belong to", async () => {
    const owner = await makeUser({ name: "Only Owner" });
    const { slug } = await createCommunity(owner, { name: "Needs an owner", visibility: "open" });
    await joinCommunity(await makeUser({ name: "A Member" }), { slug });
    const error = await appErrorOf(() => requestDeletion(owner, { content: "keep", confirm: "yes" }));
    expect([error.status, error.message]).toEqual([409, "You are the only owner of “Needs an owner”. Make someone else an owner first, or archive it."]);
  });
});

describe("the scheduled clean-up", () => {
  it("removes accounts never confirmed within 7 days", async () => {
    const stale = await makeUser({ name: "Never Confirmed", verified: false });
    const fresh = await makeUser({ name: "Just Signed Up", verified: false });
    const db = await getDb();
    await db.update(users).set({ createdAt: sql`now() - interval '8 days'` }).where(eq(users.id, stale.id));
    expect((await cleanUp()).removed.unconfirmedAccounts).toBe(1);
    expect((await db.select({ id: users.id }).from(users).where(sql`${users.id} in (${stale.id}, ${fresh.id})`)).map((r) => r.id)).toEqual([fresh.id]);
  });
});
