import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { loadCommunity } from "@/lib/communities/load";
import { touchContent } from "@/lib/communities/counters";
import { getDb, type Db } from "@/lib/db/client";
import { comments, communities, postRevisions, posts, reports, type CommentRow } from "@/lib/db/schema";
import { badRequest, notFound } from "@/lib/errors";
import { notify, type ModerationAction } from "@/lib/notifications/events";
import { authorize, can, wrote, type Viewer } from "@/lib/policy";
import { loadAuthorizedComment, loadAuthorizedPost, type LoadedPost } from "@/lib/posts/load";
import { linkMentions } from "@/lib/posts/mentions";
import { mentionedIds } from "@/lib/content/sanitize";
import { cleanBody, postInputSchema } from "@/lib/posts/validation";
import { parseInput, requiredText } from "@/lib/validation";
import { recordAction } from "./audit";

const reasonSchema = z.object({ reason: requiredText("a reason", 500) });
const optionalReasonSchema = z.object({ reason: z.string().trim().max(500, "Keep the reason to 500 characters or fewer.").optional().default("") });

type Outcome = { slug: string; postId: string; message: string };

// Counts of posts and replies follow each row's own change of state, in the same transaction
// (triggers: see the migration "analytics_triggers"), so none of these steps moves them.

/** Runs a moderation step on a post in one transaction, with its audit entry. */
async function onPost(viewer: Viewer, postId: string, work: (db: Db, loaded: LoadedPost, actor: Viewer) => Promise<string>): Promise<Outcome> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadAuthorizedPost(tx, viewer, postId, "post.moderate");
    const message = await work(tx, loaded, viewer);
    await touchContent(tx, loaded.community.id);
    return { slug: loaded.community.slug, postId: loaded.post.id, message };
  });
}

function entry(loaded: LoadedPost, action: string, reason?: string | null, details?: Record<string, unknown>) {
  return { communityId: loaded.community.id, action, targetType: "post" as const, targetId: loaded.post.id, targetLabel: loaded.post.title, reason, details };
}

/** Tells the author (if it is not the facilitator themselves) what was done to their post or reply, and why. */
async function tellAuthor(db: Db, loaded: LoadedPost, actor: Viewer, action: ModerationAction, reason?: string | null, comment?: CommentRow, communityId = loaded.community.id) {
  const authorId = comment ? comment.authorId : loaded.post.authorId;
  if (!authorId || authorId === actor.id) return;
  await notify(db, {
    type: "content.moderated",
    actorId: actor.id,
    communityId,
    postId: loaded.post.id,
    commentId: comment?.id ?? null,
    subjectUserId: authorId,
    action,
    reason: reason || null,
    title: loaded.post.title,
  });
}

export function setPinned(viewer: Viewer, postId: string, pinned: boolean) {
  return onPost(viewer, postId, async (db, loaded, actor) => {
    await db.update(posts).set({ pinnedAt: pinned ? new Date() : null }).where(eq(posts.id, loaded.post.id));
    await recordAction(db, actor, entry(loaded, pinned ? "pin" : "unpin"));
    return pinned ? "Pinned to the top of the community." : "Unpinned.";
  });
}

export function setLocked(viewer: Viewer, postId: string, locked: boolean) {
  return onPost(viewer, postId, async (db, loaded, actor) => {
    await db.update(posts).set({ lockedAt: locked ? new Date() : null }).where(eq(posts.id, loaded.post.id));
    await recordAction(db, actor, entry(loaded, locked ? "lock" : "unlock"));
    return locked ? "Locked: it takes no new replies. Unlock to reopen it." : "Unlocked: replies are open again.";
  });
}

/** Hides a post from members, with a reason its author and the facilitators see. */
export function hidePost(viewer: Viewer, postId: string, input: unknown) {
  const { reason } = parseInput(reasonSchema, input);
  return onPost(viewer, postId, async (db, loaded, actor) => {
    if (loaded.post.hiddenAt) throw badRequest("This post is already hidden.");
    await db.update(posts).set({ hiddenAt: new Date(), hiddenReason: reason }).where(eq(posts.id, loaded.post.id));
    await recordAction(db, actor, entry(loaded, "hide", reason));
    await tellAuthor(db, loaded, actor, "hide", reason);
    return "Hidden. Members can no longer see it; its author sees why. Restore it to undo.";
  });
}

export function restorePost(viewer: Viewer, postId: string) {
  return onPost(viewer, postId, async (db, loaded, actor) => {
    if (!loaded.post.hiddenAt) throw badRequest("This post is not hidden.");
    await db.update(posts).set({ hiddenAt: null, hiddenReason: null }).where(eq(posts.id, loaded.post.id));
    await recordAction(db, actor, entry(loaded, "restore"));
    await tellAuthor(db, loaded, actor, "restore");
    return "Restored. Members can see it again.";
  });
}

/** Approves a post that was waiting for a facilitator (pre-moderation). */
export function approvePost(viewer: Viewer, postId: string) {
  return onPost(viewer, postId, async (db, loaded, actor) => {
    if (loaded.post.status !== "pending") throw badRequest("This post is not waiting for approval.");
    await db.update(posts).set({ status: "published", lastActivityAt: new Date() }).where(eq(posts.id, loaded.post.id));
    await db.update(communities).set({ lastActivityAt: sql`now()` }).where(eq(communities.id, loaded.community.id));
    await recordAction(db, actor, entry(loaded, "approve"));
    await tellAuthor(db, loaded, actor, "approve");
    await notify(db, { type: "post.published", actorId: loaded.post.authorId, communityId: loaded.community.id, postId: loaded.post.id, mentions: mentionedIds(loaded.post.bodyHtml) });
    return "Approved. Members can see it now.";
  });
}

/** Deletes a post: the author's own, or any in a community the viewer looks after (with a reason). */
export async function deletePost(viewer: Viewer, postId: string, input: unknown) {
  const { reason } = parseInput(optionalReasonSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadAuthorizedPost(tx, viewer, postId, "post.delete");
    const byModerator = !wrote(viewer, loaded.post.authorId);
    if (byModerator && !reason) throw badRequest("Please check the highlighted fields.", { reason: ["Enter a reason."] });
    await tx.update(posts).set({ deletedAt: new Date(), pinnedAt: null }).where(eq(posts.id, loaded.post.id));
    await touchContent(tx, loaded.community.id);
    if (byModerator || can(viewer, "post.moderate", loaded.target)) {
      await recordAction(tx, viewer, entry(loaded, loaded.post.status === "pending" ? "reject" : "delete", reason || null));
    }
    if (byModerator) await tellAuthor(tx, loaded, viewer, loaded.post.status === "pending" ? "reject" : "delete", reason);
    return { slug: loaded.community.slug, postId: loaded.post.id, message: "Deleted." };
  });
}

const moderatorEditSchema = postInputSchema.extend({ reason: requiredText("a reason for the edit", 500) });

/** A facilitator edits someone else's post; the reason is logged and the earlier version kept. */
export async function editPostAsModerator(viewer: Viewer, postId: string, input: unknown) {
  const data = parseInput(moderatorEditSchema, input);
  const body = cleanBody(data.body, data.bodyFormat);
  return onPost(viewer, postId, async (db, loaded, actor) => {
    const html = await linkMentions(db, body.html, loaded.community.id);
    await db.insert(postRevisions).values({
      postId: loaded.post.id,
      editorId: actor.id,
      title: loaded.post.title,
      bodyHtml: loaded.post.bodyHtml,
      tags: loaded.post.tags,
      reason: data.reason,
    });
    await db
      .update(posts)
      .set({ kind: data.kind, title: data.title, bodyHtml: html, bodyText: body.text, tags: data.tags, editedAt: new Date() })
      .where(eq(posts.id, loaded.post.id));
    await recordAction(db, actor, entry(loaded, "edit", data.reason));
    await tellAuthor(db, loaded, actor, "edit", data.reason);
    return "Edited. The earlier version is kept.";
  });
}

const moveSchema = z.object({
  destination: z.string().trim().min(1, "Choose where to move it.").max(200),
  /** An owner confirms that people who cannot read the post where it is will be able to. */
  confirmWider: z.enum(["yes"]).optional().catch(undefined),
});

/**
 * Moves a post, with its replies, helpful marks and reports, to another community the
 * facilitator also looks after. A move that would let more people read it needs an owner of
 * where it was written to confirm. Its old address sends on only those who can read the new home.
 */
export async function movePost(viewer: Viewer, postId: string, input: unknown) {
  const { destination, confirmWider } = parseInput(moveSchema, input);
  return onPost(viewer, postId, async (db, loaded, actor) => {
    const target = await loadCommunity(db, actor, { slug: destination });
    if (!target || !can(actor, "community.view", target.target)) {
      throw badRequest("Please check the highlighted fields.", { destination: ["Choose a community you look after."] });
    }
    authorize(actor, "post.move", { ...loaded.target, destination: target.target, wideningConfirmed: confirmWider === "yes" });
    await db.update(posts).set({ communityId: target.community.id, pinnedAt: null }).where(eq(posts.id, loaded.post.id));
    // Reports go with the post: the facilitators who now look after it deal with them, and
    // the old community's stop seeing what was reported. (Post counts follow the row: a trigger.)
    await db.update(reports).set({ communityId: target.community.id }).where(eq(reports.postId, loaded.post.id));
    await touchContent(db, target.community.id);
    // Neither log names the other community: its facilitators may not be allowed to know it.
    await recordAction(db, actor, entry(loaded, "move out", null, { postId: loaded.post.id }));
    await recordAction(db, actor, { ...entry(loaded, "move in", null, { postId: loaded.post.id }), communityId: target.community.id });
    await tellAuthor(db, loaded, actor, "move", null, undefined, target.community.id);
    return `Moved to ${target.community.name}.`;
  }).then((outcome) => ({ ...outcome, slug: destination }));
}

/** Runs a moderation step on a reply, with its audit entry. */
async function onComment(viewer: Viewer, commentId: string, action: ModerationAction, reason: string | null, change: (db: Db, c: CommentRow) => Promise<void>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadAuthorizedComment(tx, viewer, commentId, "comment.moderate");
    await change(tx, loaded.comment);
    await touchContent(tx, loaded.community.id);
    await recordAction(tx, viewer, {
      communityId: loaded.community.id,
      action,
      targetType: "comment",
      targetId: loaded.comment.id,
      targetLabel: `Reply on “${loaded.post.title}”: ${loaded.comment.bodyText.slice(0, 80)}`,
      reason,
      details: { postId: loaded.post.id },
    });
    await tellAuthor(tx, loaded, viewer, action, reason, loaded.comment);
    return { slug: loaded.community.slug, postId: loaded.post.id };
  });
}

export async function hideComment(viewer: Viewer, commentId: string, input: unknown) {
  const { reason } = parseInput(reasonSchema, input);
  const result = await onComment(viewer, commentId, "hide", reason, async (db, c) => {
    if (c.hiddenAt) throw badRequest("This reply is already hidden.");
    await db.update(comments).set({ hiddenAt: new Date(), hiddenReason: reason }).where(eq(comments.id, c.id));
    await db.execute(sql`update posts set accepted_comment_id = null where id = ${c.postId} and accepted_comment_id = ${c.id}`);
  });
  return { ...result, message: "Reply hidden. Restore it to undo." };
}

export async function restoreComment(viewer: Viewer, commentId: string) {
  const result = await onComment(viewer, commentId, "restore", null, async (db, c) => {
    if (!c.hiddenAt) throw badRequest("This reply is not hidden.");
    await db.update(comments).set({ hiddenAt: null, hiddenReason: null }).where(eq(comments.id, c.id));
  });
  return { ...result, message: "Reply restored." };
}

export async function deleteCommentAsModerator(viewer: Viewer, commentId: string, input: unknown) {
  const { reason } = parseInput(reasonSchema, input);
  const result = await onComment(viewer, commentId, "delete", reason, async (db, c) => {
    const [gone] = await db
      .update(comments)
      .set({ deletedAt: new Date(), bodyHtml: "", bodyText: "" })
      .where(and(eq(comments.id, c.id), isNull(comments.deletedAt)))
      .returning({ id: comments.id });
    if (!gone) throw notFound();
    await db.execute(sql`update posts set accepted_comment_id = null where id = ${c.postId} and accepted_comment_id = ${c.id}`);
  });
  return { ...result, message: "Reply deleted." };
}
