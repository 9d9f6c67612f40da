import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { touchContent } from "@/lib/communities/counters";
import { loadAuthorized, type LoadedCommunity } from "@/lib/communities/load";
import { getDb, type Db } from "@/lib/db/client";
import { commentRevisions, comments, communities, postFollows, postRevisions, posts, type PostKind, type PostRow } from "@/lib/db/schema";
import { badRequest, isAppError, notFound } from "@/lib/errors";
import { mentionedIds } from "@/lib/content/sanitize";
import { notify } from "@/lib/notifications/events";
import { claimEmbeddedImages } from "@/lib/files/claim";
import { needsApproval, type Viewer } from "@/lib/policy";
import { enforce, type Limit } from "@/lib/rate-limit";
import { limitsFor } from "@/lib/rate-limit/rules";
import { parseInput } from "@/lib/validation";
import { discardDraft } from "./drafts";
import { loadAuthorizedComment, loadAuthorizedPost, threadPath } from "./load";
import { linkMentions } from "./mentions";
import { cleanBody, commentInputSchema, postInputSchema, type CleanBody } from "./validation";

// Writing posts and replies: start, edit, reply, delete a reply, choose the answer.
// (Helpful marks and following are in reactions.ts; facilitators' steps in lib/moderation.)

/** Starts a post in a community. The same idempotency key twice gives back the first post. */
export async function createPost(viewer: Viewer, slug: string, input: unknown) {
  const data = parseInput(postInputSchema, input);
  const body = cleanBody(data.body, data.bodyFormat);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadAuthorized(tx, viewer, { slug }, "post.create");
    const written = await writePost(tx, viewer, loaded, { ...data, body });
    if (written.created) await discardDraft(tx, viewer.id, `post:${loaded.community.id}`);
    return { ...written, slug: loaded.community.slug };
  });
}

type NewPost = { kind: PostKind; title: string; body: CleanBody; tags: string[]; idempotencyKey: string | null };

/**
 * Writes a post the viewer has been allowed to start, inside the caller's transaction: rate
 * limits, pre-moderation, mentions, the community's counters, and the author following it.
 * The same idempotency key twice gives back the first post (`created: false`).
 */
export async function writePost(tx: Db, viewer: Viewer, { community, target }: LoadedCommunity, data: NewPost) {
  const earlier = () => findByKey(tx, posts, viewer.id, data.idempotencyKey);
  const repeat = await earlier();
  if (repeat) return { postId: repeat.id, created: false, pending: false };
  await enforceUnlessRepeated(tx, limitsFor.post(viewer), earlier);
  const pending = needsApproval(viewer, target, community);
  const html = await linkMentions(tx, data.body.html, community.id);
  const [created] = await tx
    .insert(posts)
    .values({
      communityId: community.id,
      authorId: viewer.id,
      kind: data.kind,
      title: data.title,
      bodyHtml: html,
      bodyText: data.body.text,
      tags: data.tags,
      status: pending ? "pending" : "published",
      idempotencyKey: data.idempotencyKey,
    })
    .onConflictDoNothing({ target: [posts.authorId, posts.idempotencyKey] })
    .returning({ id: posts.id });
  if (!created) {
    const existing = await earlier();
    return { postId: existing!.id, created: false, pending: false };
  }
  if (!pending) {
    await tx
      .update(communities)
      .set({ lastActivityAt: sql`now()`, contentVersion: sql`${communities.contentVersion} + 1` })
      .where(eq(communities.id, community.id));
  }
  await tx.insert(postFollows).values({ postId: created.id, userId: viewer.id }).onConflictDoNothing();
  await claimEmbeddedImages(tx, viewer, html, { communityId: community.id, postId: created.id });
  const about = { actorId: viewer.id, communityId: community.id, postId: created.id };
  await notify(tx, pending ? { type: "post.pending", ...about } : { type: "post.published", ...about, mentions: mentionedIds(html) });
  return { postId: created.id, created: true, pending };
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
    // A member still under pre-moderation who edits a published post sends it back for approval.
    const backToApproval = post.status === "published" && needsApproval(viewer, target, community);
    if (!(await revisePost(tx, viewer, post, community.id, { ...data, body }, backToApproval))) {
      return { postId: post.id, slug: community.slug, pending: post.status === "pending" };
    }
    await discardDraft(tx, viewer.id, `edit:${post.id}`);
    if (backToApproval) await notify(tx, { type: "post.pending", actorId: viewer.id, communityId: community.id, postId: post.id });
    return { postId: post.id, slug: community.slug, pending: backToApproval };
  });
}

/**
 * Replaces a post's text, inside the caller's transaction, once the viewer has been allowed
 * to: the version before is kept as a revision. False when this submit was made already.
 */
export async function revisePost(tx: Db, viewer: Viewer, post: PostRow, communityId: string, data: NewPost, backToApproval = false): Promise<boolean> {
  const html = await linkMentions(tx, data.body.html, communityId);
  const [revision] = await tx
    .insert(postRevisions)
    .values({ postId: post.id, editorId: viewer.id, title: post.title, bodyHtml: post.bodyHtml, tags: post.tags, idempotencyKey: data.idempotencyKey })
    .onConflictDoNothing({ target: [postRevisions.editorId, postRevisions.idempotencyKey] })
    .returning({ id: postRevisions.id });
  // The same submit again (a double click, a retry): the edit is made already.
  if (!revision) return false;
  await tx
    .update(posts)
    .set({ kind: data.kind, title: data.title, bodyHtml: html, bodyText: data.body.text, tags: data.tags, editedAt: new Date(), ...(backToApproval ? { status: "pending" as const } : {}) })
    .where(eq(posts.id, post.id));
  await claimEmbeddedImages(tx, viewer, html, { communityId, postId: post.id });
  await touchContent(tx, communityId);
  await notifyNewMentions(tx, viewer, { communityId, postId: post.id }, post.bodyHtml, html);
  return true;
}

/** Replies to a post, optionally quoting another reply. The reply count moves with the row (a trigger). */
export async function createComment(viewer: Viewer, postId: string, input: unknown) {
  const data = parseInput(commentInputSchema, input);
  const body = cleanBody(data.body, data.bodyFormat);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { post, community } = await loadAuthorizedPost(tx, viewer, postId, "post.comment");
    if (data.replyToId) await checkReplyTarget(tx, post.id, data.replyToId);
    const earlier = () => findByKey(tx, comments, viewer.id, data.idempotencyKey);
    const repeat = await earlier();
    const path = threadPath(community.slug, post);
    if (repeat) return { commentId: repeat.id, postId: post.id, slug: community.slug, path, created: false };
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
      return { commentId: existing!.id, postId: post.id, slug: community.slug, path, created: false };
    }
    await tx
      .update(posts)
      .set({ lastActivityAt: sql`now()` })
      .where(eq(posts.id, post.id));
    await tx
      .update(communities)
      .set({ lastActivityAt: sql`now()`, contentVersion: sql`${communities.contentVersion} + 1` })
      .where(eq(communities.id, community.id));
    await tx.insert(postFollows).values({ postId: post.id, userId: viewer.id }).onConflictDoNothing();
    await discardDraft(tx, viewer.id, `comment:${post.id}`);
    await notify(tx, {
      type: "comment.created",
      actorId: viewer.id,
      communityId: community.id,
      postId: post.id,
      commentId: created.id,
      replyToId: data.replyToId ?? null,
      mentions: mentionedIds(html),
    });
    return { commentId: created.id, postId: post.id, slug: community.slug, path, created: true };
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
    const { comment, community, post } = await loadAuthorizedComment(tx, viewer, commentId, "comment.edit");
    const html = await linkMentions(tx, body.html, community.id);
    await tx.insert(commentRevisions).values({ commentId: comment.id, editorId: viewer.id, bodyHtml: comment.bodyHtml });
    await tx.update(comments).set({ bodyHtml: html, bodyText: body.text, editedAt: new Date() }).where(eq(comments.id, comment.id));
    await notifyNewMentions(tx, viewer, { communityId: community.id, postId: comment.postId, commentId: comment.id }, comment.bodyHtml, html);
    return { commentId: comment.id, postId: comment.postId, slug: community.slug, path: threadPath(community.slug, post) };
  });
}

/** The author deletes their reply. It stays as "deleted" in the thread when others replied to it. */
export async function deleteComment(viewer: Viewer, commentId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { comment, community, post } = await loadAuthorizedComment(tx, viewer, commentId, "comment.delete");
    const [gone] = await tx
      .update(comments)
      .set({ deletedAt: new Date(), bodyHtml: "", bodyText: "" })
      .where(and(eq(comments.id, comment.id), isNull(comments.deletedAt)))
      .returning({ id: comments.id });
    if (gone) {
      await tx
        .update(posts)
        .set({ acceptedCommentId: sql`case when ${posts.acceptedCommentId} = ${comment.id} then null else ${posts.acceptedCommentId} end` })
        .where(eq(posts.id, comment.postId));
      await touchContent(tx, community.id);
    }
    return { postId: comment.postId, slug: community.slug, path: threadPath(community.slug, post) };
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
    if (commentId && commentId !== post.acceptedCommentId) {
      await notify(tx, { type: "answer.accepted", actorId: viewer.id, communityId: community.id, postId: post.id, commentId });
    }
  });
  return { postId: post.id, slug: community.slug, path: threadPath(community.slug, post) };
}

/** Tells the people an edit mentions for the first time; those mentioned before are not told again. */
async function notifyNewMentions(tx: Db, viewer: Viewer, about: { communityId: string; postId: string; commentId?: string }, before: string, after: string) {
  const earlier = new Set(mentionedIds(before));
  const mentions = mentionedIds(after).filter((id) => !earlier.has(id));
  if (mentions.length) await notify(tx, { type: "mentioned", actorId: viewer.id, ...about, mentions });
}
