import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { hasState } from "@/lib/db/literals";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { loadAuthorized } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import { comments, communities as communitiesTable, memberships, posts, reportReasons, reports, users } from "@/lib/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { assertActiveViewer, moderatedCommunityIds, pendingRequest, readableCommunityIds, visiblePosts, type Viewer } from "@/lib/policy";
import { loadAuthorizedComment, loadAuthorizedPost } from "@/lib/posts/load";
import { notify } from "@/lib/notifications/events";
import { enforce } from "@/lib/rate-limit";
import { limitsFor } from "@/lib/rate-limit/rules";
import { parseInput } from "@/lib/validation";
import { recordAction } from "./audit";
import { replyLink } from "@/lib/posts/reply-link";

const reportedPost = alias(posts, "reported_post");

export const reasonLabels: Record<(typeof reportReasons)[number], string> = {
  spam: "Spam or advertising",
  offensive: "Offensive, abusive or discriminatory",
  off_topic: "Off topic for this community",
  confidential: "Shares something that should stay confidential",
  other: "Something else",
};

const reportSchema = z
  .object({
    reason: z.enum(reportReasons, { error: "Choose why you are reporting it." }),
    details: z.string().trim().max(1000, "Keep the details to 1000 characters or fewer.").optional().default(""),
    postId: z.uuid().optional().or(z.literal("").transform(() => undefined)),
    commentId: z.uuid().optional().or(z.literal("").transform(() => undefined)),
  })
  .refine((r) => r.reason !== "other" || r.details, { path: ["details"], message: "Tell the facilitators what is wrong." })
  .refine((r) => r.postId || r.commentId, { path: ["postId"], message: "Choose what to report." });

/** Reports a post or a reply to the community's facilitators. Once per member per item. */
export async function createReport(viewer: Viewer, input: unknown) {
  const data = parseInput(reportSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const onComment = data.commentId ? await loadAuthorizedComment(tx, viewer, data.commentId, "comment.report") : null;
    const loaded = onComment ?? (await loadAuthorizedPost(tx, viewer, data.postId!, "post.report"));
    await enforce(tx, limitsFor.report(viewer));
    const [created] = await tx
      .insert(reports)
      .values({
        communityId: loaded.community.id,
        postId: loaded.post.id,
        commentId: onComment?.comment.id ?? null,
        reporterId: viewer.id,
        reason: data.reason,
        details: data.details,
      })
      .onConflictDoNothing()
      .returning({ id: reports.id });
    if (!created) throw conflict("You have already reported this. The facilitators will look at it.");
    await notify(tx, { type: "reported", actorId: viewer.id, communityId: loaded.community.id, postId: loaded.post.id, commentId: onComment?.comment.id ?? null });
    return { reportId: created.id, slug: loaded.community.slug, postId: loaded.post.id };
  });
}

const handleSchema = z.object({
  reportId: z.uuid("Choose a report."),
  note: z.string().trim().max(1000, "Keep the note to 1000 characters or fewer.").optional().default(""),
});

/** Resolves (acted on) or dismisses (no action needed) an open report, with a note. */
export async function handleReport(viewer: Viewer, slug: string, outcome: "resolved" | "dismissed", input: unknown) {
  const { reportId, note } = parseInput(handleSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.moderate");
    const [handled] = await tx
      .update(reports)
      .set({ status: outcome, handledById: viewer.id, handledAt: new Date(), handledNote: note || null })
      .where(and(eq(reports.id, reportId), eq(reports.communityId, community.id), eq(reports.status, "open")))
      .returning({ id: reports.id, postId: reports.postId, reason: reports.reason });
    if (!handled) throw notFound("That report has already been handled.");
    const [post] = await tx.select({ title: posts.title }).from(posts).where(eq(posts.id, handled.postId));
    await recordAction(tx, viewer, {
      communityId: community.id,
      action: outcome === "resolved" ? "resolve report" : "dismiss report",
      targetType: "report",
      targetId: handled.id,
      targetLabel: `Report (${reasonLabels[handled.reason].toLowerCase()}) on “${post?.title ?? "a post"}”`,
      reason: note || null,
      details: { postId: handled.postId },
    });
    return { slug: community.slug };
  });
}

/** The community's moderation queue: open reports, newest item first, and posts awaiting approval. */
export async function getModerationQueue(viewer: Viewer, slug: string) {
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "community.moderate");
  const [open, pending] = await Promise.all([
    db
      .select({
        id: reports.id,
        reason: reports.reason,
        details: reports.details,
        createdAt: reports.createdAt,
        reporterName: users.name,
        postId: reports.postId,
        postTitle: posts.title,
        postHidden: sql<boolean>`${posts.hiddenAt} is not null`,
        commentId: reports.commentId,
        commentText: sql<string | null>`left(${comments.bodyText}, 300)`,
        commentHidden: sql<boolean>`${comments.hiddenAt} is not null`,
      })
      .from(reports)
      .innerJoin(posts, eq(posts.id, reports.postId))
      .leftJoin(comments, eq(comments.id, reports.commentId))
      .leftJoin(users, eq(users.id, reports.reporterId))
      .where(and(eq(reports.communityId, community.id), eq(reports.status, "open")))
      .orderBy(asc(reports.createdAt))
      .limit(200),
    db
      .select({ id: posts.id, title: posts.title, createdAt: posts.createdAt, authorName: users.name })
      .from(posts)
      .leftJoin(users, eq(users.id, posts.authorId))
      .where(and(eq(posts.communityId, community.id), hasState(posts.status, "pending"), isNull(posts.deletedAt)))
      .orderBy(asc(posts.createdAt))
      .limit(200),
  ]);
  return { community: { id: community.id, name: community.name, slug: community.slug }, reports: open, pending };
}

/** How many reports, posts and requests to join wait for the viewer in this community: the badge. Zero for non-facilitators. */
export async function moderationBadge(viewer: Viewer, communityId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({
      n: sql<number>`(select count(*)::int from reports r where r.community_id = ${communityId} and r.status = 'open')
        + (select count(*)::int from posts p where p.community_id = ${communityId} and p.status = 'pending' and p.deleted_at is null)
        + (select count(*)::int from ${memberships} where ${pendingRequest({ communityId })})`,
    })
    .from(sql`(select 1) one`)
    .where(sql`${communityId} in ${moderatedCommunityIds(viewer)}`);
  return row?.n ?? 0;
}

/** The viewer's own reports and what happened to them, with a link only to what they can still read. */
export async function listMyReports(viewer: Viewer) {
  assertActiveViewer(viewer);
  const db = await getDb();
  const rows = await db
    .select({
      id: reports.id,
      reason: reports.reason,
      status: reports.status,
      createdAt: reports.createdAt,
      handledAt: reports.handledAt,
      postId: reports.postId,
      commentId: reports.commentId,
      readableSlug: sql<string | null>`(select c.slug from posts as reported_post join communities c on c.id = reported_post.community_id
        where reported_post.id = reports.post_id and ${visiblePosts(viewer, reportedPost)})`,
    })
    .from(reports)
    .where(eq(reports.reporterId, viewer.id))
    .orderBy(desc(reports.createdAt))
    .limit(100);
  return rows.map(({ readableSlug, ...r }) => ({
    ...r,
    link: readableSlug ? (r.commentId ? replyLink(`/c/${readableSlug}/posts/${r.postId}`, r.commentId) : `/c/${readableSlug}/posts/${r.postId}`) : null,
  }));
}

/** The viewer's report on each of these items, if any, for marks beside them. */
export type MyReportStatus = "open" | "resolved" | "dismissed";

/**
 * What became of the viewer's latest report on a post (`commentId` null) or on one of its
 * replies, as a column of another statement: the post page reads it with the post and each reply.
 */
export function myReportColumn(viewer: Viewer, postId: SQL | string, commentId: SQL | null) {
  return sql<MyReportStatus | null>`(select ${reports.status} from ${reports} where ${reports.reporterId} = ${viewer.id} and ${reports.postId} = ${postId}
    and ${commentId === null ? sql`${reports.commentId} is null` : sql`${reports.commentId} = ${commentId}`} order by ${reports.createdAt} desc limit 1)`;
}

/** Communities the viewer looks after, other than this one, that a post could move to. */
export async function moveDestinations(viewer: Viewer, exceptCommunityId: string) {
  assertActiveViewer(viewer);
  const db = await getDb();
  return db
    .select({ slug: communitiesTable.slug, name: communitiesTable.name })
    .from(communitiesTable)
    .where(
      and(
        sql`${communitiesTable.id} in ${moderatedCommunityIds(viewer)}`,
        sql`${communitiesTable.id} in ${readableCommunityIds(viewer)}`,
        sql`${communitiesTable.id} <> ${exceptCommunityId}`,
        isNull(communitiesTable.archivedAt),
      ),
    )
    .orderBy(asc(sql`lower(${communitiesTable.name})`))
    .limit(200);
}
