import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { loadAuthorized } from "@/lib/communities/access";
import { touchContent } from "@/lib/communities/counters";
import { getDb, type Db } from "@/lib/db/client";
import {
  commentReactions,
  commentRevisions,
  comments,
  communities,
  drafts,
  memberships,
  postFollows,
  postReactions,
  postRevisions,
  posts,
} from "@/lib/db/schema";
import { badRequest, isAppError, notFound } from "@/lib/errors";
import { enforce, type Limit } from "@/lib/rate-limit";
import { limitsFor } from "@/lib/rate-limit/rules";
import { authorize, type MaybeViewer, type PostTarget } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { loadAuthorizedComment, loadAuthorizedPost } from "./access";
import { linkMentions } from "./mentions";
import { needsApproval } from "./premoderation";
import { cleanBody, commentInputSchema, postInputSchema } from "./validation";

/** Starts a post in a community. The same idempotency key twice gives back the first post. */
export async function createPost(viewer: MaybeViewer, slug: string, input: unknown) {
  const data = parseInput(postInputSchema, input);
  const body = cleanBody(data.body, data.bodyFormat);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "post.create");
    const v = viewer!;
    const earlier = () => findByKey(tx, posts, v.id, data.idempotencyKey);
    const repeat = await earlier();
    if (repeat) return { postId: repeat.id, slug: community.slug, created: false, pending: false };
    await enforceUnlessRepeated(tx, limitsFor.post(v), earlier);
    const [membership] = await tx
      .select({ role: memberships.role, joinedAt: memberships.joinedAt })
      .from(memberships)
      .where(and(eq(memberships.communityId, community.id), eq(memberships.userId, v.id)));
    const pending = needsApproval(community, membership, v.siteRole === "admin");
    const html = await linkMentions(tx, body.html, community.id);
    const [created] = await tx
      .insert(posts)
      .values({
        communityId: community.id,
        authorId: v.id,
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
    await tx.insert(postFollows).values({ postId: created.id, userId: v.id }).onConflictDoNothing();
    await tx.delete(drafts).where(and(eq(drafts.userId, v.id), eq(drafts.key, `post:${community.id}`)));
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

/** The author edits their post; the version before the edit is kept as a revision. */
export async function editPost(viewer: MaybeViewer, postId: string, input: unknown) {
  const data = parseInput(postInputSchema, input);
  const body = cleanBody(data.body, data.bodyFormat);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { post, community } = await loadAuthorizedPost(tx, viewer, postId, "post.edit");
    const html = await linkMentions(tx, body.html, community.id);
    await tx.insert(postRevisions).values({
      postId: post.id,
      editorId: viewer!.id,
      title: post.title,
      bodyHtml: post.bodyHtml,
      tags: post.tags,
    });
    await tx
      .update(posts)
      .set({ kind: data.kind, title: data.title, bodyHtml: html, bodyText: body.text, tags: data.tags, editedAt: new Date() })
      .where(eq(posts.id, post.id));
    await tx.delete(drafts).where(and(eq(drafts.userId, viewer!.id), eq(drafts.key, `edit:${post.id}`)));
    await touchContent(tx, community.id);
    return { postId: post.id, slug: community.slug };
  });
}

function replyRefusal(target: PostTarget): string | undefined {
  if (target.chain.some((c) => c.archivedAt)) return "This community is archived, so it takes no new replies.";
  if (target.post.lockedAt) return "This post is locked, so it takes no new replies.";
  return "Only members of this community can reply here.";
}

/** Replies to a post, optionally quoting another reply. Counters move in the same transaction. */
export async function createComment(viewer: MaybeViewer, postId: string, input: unknown) {
  const data = parseInput(commentInputSchema, input);
  const body = cleanBody(data.body, data.bodyFormat);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { post, community, target } = await loadAuthorizedPost(tx, viewer, postId, "post.read");
    authorize(viewer, "post.comment", target, replyRefusal(target));
    if (data.replyToId) await checkReplyTarget(tx, post.id, data.replyToId);
    const earlier = () => findByKey(tx, comments, viewer!.id, data.idempotencyKey);
    const repeat = await earlier();
    if (repeat) return { commentId: repeat.id, postId: post.id, slug: community.slug, created: false };
    await enforceUnlessRepeated(tx, limitsFor.reply(viewer!), earlier);
    const html = await linkMentions(tx, body.html, community.id);
    const [created] = await tx
      .insert(comments)
      .values({
        postId: post.id,
        authorId: viewer!.id,
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
    await tx.insert(postFollows).values({ postId: post.id, userId: viewer!.id }).onConflictDoNothing();
    await tx.delete(drafts).where(and(eq(drafts.userId, viewer!.id), eq(drafts.key, `comment:${post.id}`)));
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
export async function editComment(viewer: MaybeViewer, commentId: string, input: unknown) {
  const data = parseInput(commentEditSchema, input);
  const body = cleanBody(data.body, data.bodyFormat);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { comment, community } = await loadAuthorizedComment(tx, viewer, commentId, "comment.edit");
    const html = await linkMentions(tx, body.html, community.id);
    await tx.insert(commentRevisions).values({ commentId: comment.id, editorId: viewer!.id, bodyHtml: comment.bodyHtml });
    await tx.update(comments).set({ bodyHtml: html, bodyText: body.text, editedAt: new Date() }).where(eq(comments.id, comment.id));
    return { commentId: comment.id, postId: comment.postId, slug: community.slug };
  });
}

/** The author deletes their reply. It stays as "deleted" in the thread when others replied to it. */
export async function deleteComment(viewer: MaybeViewer, commentId: string) {
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
export async function setAcceptedAnswer(viewer: MaybeViewer, postId: string, input: unknown) {
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

/** Marks a post as helpful, or takes the mark back. One per member; the count stays exact. */
export async function toggleHelpfulPost(viewer: MaybeViewer, postId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { post, community } = await loadAuthorizedPost(tx, viewer, postId, "post.react");
    const [had] = await tx.select().from(postReactions).where(and(eq(postReactions.postId, post.id), eq(postReactions.userId, viewer!.id)));
    if (!had) await enforce(tx, limitsFor.reaction(viewer!));
    const added = await tx.insert(postReactions).values({ postId: post.id, userId: viewer!.id }).onConflictDoNothing().returning();
    const removed = added.length
      ? []
      : await tx.delete(postReactions).where(and(eq(postReactions.postId, post.id), eq(postReactions.userId, viewer!.id))).returning();
    const delta = added.length - removed.length;
    const [row] = await tx
      .update(posts)
      .set({ helpfulCount: sql`${posts.helpfulCount} + ${delta}` })
      .where(eq(posts.id, post.id))
      .returning({ count: posts.helpfulCount });
    await touchContent(tx, community.id);
    return { helpful: added.length > 0, count: row!.count, postId: post.id, slug: community.slug };
  });
}

export async function toggleHelpfulComment(viewer: MaybeViewer, commentId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { comment, community } = await loadAuthorizedComment(tx, viewer, commentId, "comment.react");
    const [had] = await tx.select().from(commentReactions).where(and(eq(commentReactions.commentId, comment.id), eq(commentReactions.userId, viewer!.id)));
    if (!had) await enforce(tx, limitsFor.reaction(viewer!));
    const added = await tx.insert(commentReactions).values({ commentId: comment.id, userId: viewer!.id }).onConflictDoNothing().returning();
    const removed = added.length
      ? []
      : await tx.delete(commentReactions).where(and(eq(commentReactions.commentId, comment.id), eq(commentReactions.userId, viewer!.id))).returning();
    const delta = added.length - removed.length;
    const [row] = await tx
      .update(comments)
      .set({ helpfulCount: sql`${comments.helpfulCount} + ${delta}` })
      .where(eq(comments.id, comment.id))
      .returning({ count: comments.helpfulCount });
    return { helpful: added.length > 0, count: row!.count, postId: comment.postId, slug: community.slug };
  });
}

/** Follows a post (for notifications) or stops following it. */
export async function setFollowing(viewer: MaybeViewer, postId: string, follow: boolean) {
  const db = await getDb();
  const { post, community } = await loadAuthorizedPost(db, viewer, postId, "post.follow");
  if (follow) {
    await db.insert(postFollows).values({ postId: post.id, userId: viewer!.id }).onConflictDoNothing();
  } else {
    await db.delete(postFollows).where(and(eq(postFollows.postId, post.id), eq(postFollows.userId, viewer!.id)));
  }
  return { postId: post.id, slug: community.slug, following: follow };
}
