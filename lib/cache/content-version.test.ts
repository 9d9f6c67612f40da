import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { communities } from "@/lib/db/schema";
import { approvePost, deletePost, hideComment, hidePost, restoreComment, restorePost, setLocked, setPinned } from "@/lib/moderation/content";
import { updateModerationSettings } from "@/lib/moderation/settings";
import { createComment, deleteComment, editPost, setAcceptedAnswer } from "@/lib/posts/mutations";
import { toggleHelpfulPost } from "@/lib/posts/reactions";
import { makeUser } from "@/test/support/factories";
import { communityWith, makePost, postInput } from "@/test/support/posts";

// The shared feed cache is keyed by the community's content version. If a change to what a
// feed shows forgot to bump it, readers could be served the old feed: a hidden post included.

describe("every change to what a feed shows bumps the community's content version", () => {
  it("for posting, replying, answering, marking and every moderation step", async () => {
    const owner = await makeUser({ name: "Version owner" });
    const member = await makeUser({ name: "Version member" });
    const slug = await communityWith(owner, "Versioned", [member]);
    const db = await getDb();
    const version = async () => (await db.select({ v: communities.contentVersion }).from(communities).where(eq(communities.slug, slug)))[0]!.v;
    const steps: [string, () => Promise<unknown>][] = [];
    let postId = "";
    let commentId = "";
    steps.push(["a new post", async () => (postId = (await makePost(member, slug, { kind: "question" })).postId)]);
    steps.push(["an edit", () => editPost(member, postId, postInput({ title: "Edited", kind: "question" }))]);
    steps.push(["a reply", async () => (commentId = (await createComment(owner, postId, { body: "<p>Answer</p>", bodyFormat: "html" })).commentId)]);
    steps.push(["an accepted answer", () => setAcceptedAnswer(member, postId, { commentId })]);
    steps.push(["a helpful mark", () => toggleHelpfulPost(owner, postId)]);
    steps.push(["pinning", () => setPinned(owner, postId, true)]);
    steps.push(["locking", () => setLocked(owner, postId, true)]);
    steps.push(["hiding a reply", () => hideComment(owner, commentId, { reason: "x" })]);
    steps.push(["restoring a reply", () => restoreComment(owner, commentId)]);
    steps.push(["hiding the post", () => hidePost(owner, postId, { reason: "x" })]);
    steps.push(["restoring the post", () => restorePost(owner, postId)]);
    steps.push(["deleting a reply", () => deleteComment(owner, commentId)]);
    steps.push(["approving a held post", async () => {
      await updateModerationSettings(owner, slug, { premoderation: "everyone", premoderationDays: "7" });
      const held = await makePost(member, slug, { title: "Held" });
      await approvePost(owner, held.postId);
    }]);
    steps.push(["deleting the post", () => deletePost(member, postId, {})]);
    for (const [label, step] of steps) {
      const before = await version();
      await step();
      expect(await version(), label).toBeGreaterThan(before);
    }
  });
});
