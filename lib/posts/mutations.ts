import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { touchContent } from "@/lib/communities/counters";
import { loadAuthorized } from "@/lib/communities/load";
import { getDb, type Db } from "@/lib/db/client";
import { commentRevisions, comments, communities, postFollows, postRevisions, posts } from "@/lib/db/schema";
import { badRequest, isAppError, notFound } from "@/lib/errors";
import { isLive, needsApproval, type Viewer } from "@/lib/policy";
import { enforce, type Limit } from "@/lib/rate-limit";
import { limitsFor } from "@/lib/rate-limit/rules";
import { parseInput } from "@/lib/validation";
import { discardDraft } from "./drafts";
import { loadAuthorizedComment, loadAuthorizedPost } from "./load";
import { linkMentions } from "./mentions";
import { cleanBody, commentInputSchema, postInputSchema } from "./validation";

// Writing posts and replies: start, edit, reply, delete a reply, choose the answer.
// (Helpful marks and following are in reactions.ts; facilitators' steps in lib/moderation.)

/** Starts a post in a community. The same idempotency key twice gives back the first post. */
export async function createPost(viewer: Viewer, slug: string, input: unknown) {
  const data = parseInput(postInputSchema, input);
  const body = cleanBody(data.body, data.bodyFormat);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community, target } = await loadAuthorized(tx, viewer, { slug }, "post.create");
    const earlier = () => findByKey(tx, posts, viewer.id, data.idempotencyKey);
    const repeat = await earlier();
    if (repeat) return { postId: repeat.id, slug: community.slug, created: false, pending: false };
    await enforceUnlessRepeated(tx, limitsFor.post(viewer), earlier);
    const pending = needsApproval(viewer, target, community);
    const html = await linkMentions(tx, body.html, community.id);
    const [created] = await tx
      .insert(posts)
      .values({
        communityId: community.id,
        authorId: viewer.id,
        kind: data.kind,
        title: data.title,
        bodyHtml: html,
        bodyText: body.text,
        tags: data.tags,
        status: pending ? "pending" : "published",
        idempotencyKey: data.idempotencyKey,
      })
      .onConflictDoNothing({ target: [posts.authorId, posts.idempotencyKey] })
      .returning({ id: posts.id });
    if (!created) {
      const existing = await earlier();
      return { postId: existing!.id, slug: community.slug, created: false, pending: false };
    }
    if (!pending) {
      await tx
        .update(communities)
        .set({ postCount: sql`${communities.postCount} + 1`, lastActivityAt: sql`now()`, contentVersion: sql`${communities.contentVersion} + 1` })
        .where(eq(communities.id, community.id));
    }
    await tx.insert(postFollows).values({ postId: created.id, userId: viewer.id }).onConflictDoNothing();
    await discardDraft(tx, viewer.id, `post:${community.id}`);
    return { postId: created.id, slug: community.slug, created: true, pending };
  });
}

/** The row this author already made with this idempotency key, if any. */
async function findByKey(db: Db, table: typeof posts | typeof comments, authorId: string, key: string | null) {
  if (!key) return undefined;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.authorId, authorId), eq(table.idempotencyKey, key)));
  return row;
}

/**
 * Applies rate limits, except to a retry of a submit that has just gone through: a double
 * click should land on the post it made, not on "too quickly".
 */
async function enforceUnlessRepeated(db: Db, limits: Limit[], earlier: () => Promise<{ id: string } | undefined>) {
  try {
    await enforce(db, limits);
  } catch (error) {
    if (isAppError(error) && error.status === 429 && (await earlier())) return;
    throw error;
  }
}

/**
 * The author edits their post; the version before the edit is kept as a revision. When the
 * community holds this author's posts for approval, an approved post goes back to wait again,
 * so an edit cannot slip past pre-moderation.
 */
export async function editPost(viewer: Viewer, postId: string, input: unknown) {
  const data = parseInput(postInputSchema, input);
  const body = cleanBody(data.body, data.bodyFormat);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { post, community, target } = await loadAuthorizedPost(tx, viewer, postId, "post.edit");
    const backToApproval = post.status === "published" && needsApproval(viewer, target, community);
    const html = await linkMentions(tx, body.html, community.id);
    const [revision] = await tx
      .insert(postRevisions)
      .values({ postId: post.id, editorId: viewer.id, title: post.title, bodyHtml: post.bodyHtml, tags: post.tags, idempotencyKey: data.idempotencyKey })
      .onConflictDoNothing({ target: [postRevisions.editorId, postRevisions.idempotencyKey] })
      .returning({ id: postRevisions.id });
    // The same submit again (a double click, a retry): the edit is made already.
    if (!revision) return { postId: post.id, slug: community.slug, pending: post.status === "pending" };
    await tx
      .update(posts)
      .set({ kind: data.kind, title: data.title, bodyHtml: html, bodyText: body.text, tags: data.tags, editedAt: new Date(), ...(backToApproval ? { status: "pending" as const } : {}) })
      .where(eq(posts.id, post.id));
    if (backToApproval && isLive(post)) {
      await tx.update(communities).set({ postCount: sql`greatest(0, ${communities.postCount} - 1)` }).where(eq(communities.id, community.id));
    }
    await discardDraft(tx, viewer.id, `edit:${post.id}`);
    await touchContent(tx, community.id);
    return { postId: post.id, slug: community.slug, pending: backToApproval };
  });
}

/** Replies to a post, optionally quoting another reply. Counters move in the same transaction. */
export async function createComment(viewer: Viewer, postId: string, input: unknown) {
  const data = parseInput(commentInputSchema, input);
  const body = cleanBody(data.body, data.bodyFormat);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { post, community } = await loadAuthorizedPost(tx, viewer, postId, "post.comment");
    if (data.replyToId) await checkReplyTarget(tx, post.id, data.replyToId);
    const earlier = () => findByKey(tx, comments, viewer.id, data.idempotencyKey);
    const repeat = await earlier();
    if (repeat) return { commentId: repeat.id, postId: post.id, slug: community.slug, created: false };
    await enforceUnlessRepeated(tx, limitsFor.reply(viewer), earlier);
    const html = await linkMentions(tx, body.html, community.id);
    const [created] = await tx
      .insert(comments)
      .values({
        postId: post.id,
        authorId: viewer.id,
        replyToId: data.replyToId ?? null,
        bodyHtml: html,
        bodyText: body.text,
        idempotencyKey: data.idempotencyKey,
      })
      .onConflictDoNothing({ target: [comments.authorId, comments.idempotencyKey] })
      .returning({ id: comments.id });
    if (!created) {
      const existing = await earlier();
      return { commentId: existing!.id, postId: post.id, slug: community.slug, created: false };
    }
    await tx
      .update(posts)
      .set({ commentCount: sql`${posts.commentCount} + 1`, lastActivityAt: sql`now()` })
      .where(eq(posts.id, post.id));
    await tx
      .update(communities)
      .set({ lastActivityAt: sql`now()`, contentVersion: sql`${communities.contentVersion} + 1` })
      .where(eq(communities.id, community.id));
    await tx.insert(postFollows).values({ postId: post.id, userId: viewer.id }).onConflictDoNothing();
    await discardDraft(tx, viewer.id, `comment:${post.id}`);
    return { commentId: created.id, postId: post.id, slug: community.slug, created: true };
  });
}

async function checkReplyTarget(db: Db, postId: string, replyToId: string) {
  const [quoted] = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.id, replyToId), eq(comments.postId, postId), isNull(comments.deletedAt), isNull(comments.hiddenAt)));
  if (!quoted) throw badRequest("The reply you are answering has been removed. Reply to the post instead.");
}

const commentEditSchema = commentInputSchema.pick({ body: true, bodyFormat: true });

/** The author edits their reply; it shows as edited, and the earlier version is kept. */
export async function editComment(viewer: Viewer, commentId: string, input: unknown) {
  const data = parseInput(commentEditSchema, input);
  const body = cleanBody(data.body, data.bodyFormat);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { comment, community } = await loadAuthorizedComment(tx, viewer, commentId, "comment.edit");
    const html = await linkMentions(tx, body.html, community.id);
    await tx.insert(commentRevisions).values({ commentId: comment.id, editorId: viewer.id, bodyHtml: comment.bodyHtml });
    await tx.update(comments).set({ bodyHtml: html, bodyText: body.text, editedAt: new Date() }).where(eq(comments.id, comment.id));
    return { commentId: comment.id, postId: comment.postId, slug: community.slug };
  });
}

/** The author deletes their reply. It stays as "deleted" in the thread when others replied to it. */
export async function deleteComment(viewer: Viewer, commentId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { comment, community } = await loadAuthorizedComment(tx, viewer, commentId, "comment.delete");
    const [gone] = await tx
      .update(comments)
      .set({ deletedAt: new Date(), bodyHtml: "", bodyText: "" })
      .where(and(eq(comments.id, comment.id), isNull(comments.deletedAt)))
      .returning({ id: comments.id });
    if (gone) {
      await tx
        .update(posts)
        .set({
          // A hidden reply was already taken out of the count when it was hidden.
          commentCount: comment.hiddenAt ? posts.commentCount : sql`${posts.commentCount} - 1`,
          acceptedCommentId: sql`case when ${posts.acceptedCommentId} = ${comment.id} then null else ${posts.acceptedCommentId} end`,
        })
        .where(eq(posts.id, comment.postId));
      await touchContent(tx, community.id);
    }
    return { postId: comment.postId, slug: community.slug };
  });
}

const acceptSchema = z.object({ commentId: z.uuid().optional().or(z.literal("").transform(() => undefined)) });

/** Marks (or changes, or clears) the accepted answer of a question. */
export async function setAcceptedAnswer(viewer: Viewer, postId: string, input: unknown) {
  const { commentId } = parseInput(acceptSchema, input);
  const db = await getDb();
  const { post, community } = await loadAuthorizedPost(db, viewer, postId, "post.acceptAnswer");
  if (commentId) {
    const [answer] = await db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.id, commentId), eq(comments.postId, post.id), isNull(comments.deletedAt), isNull(comments.hiddenAt)));
    if (!answer) throw notFound("That reply is not part of this question.");
  }
  await db.transaction(async (tx) => {
    await tx.update(posts).set({ acceptedCommentId: commentId ?? null }).where(eq(posts.id, post.id));
    await touchContent(tx, community.id);
  });
  return { postId: post.id, slug: community.slug };
}
