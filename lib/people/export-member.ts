import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { comments, communities, memberships, posts } from "@/lib/db/schema";
import { activeMembership, visibleComments, visiblePosts, type Viewer } from "@/lib/policy";
import { readableMemberExport, type ExportContent, type ExportData } from "./export-archive";
import { getProfileSettings } from "./profile";

/**
 * A member's own export: what they wrote, from communities they are still an active member of
 * and may still read (nothing from a community they left or that shut them out), and their
 * profile and settings.
 */
export async function collectMemberExport(owner: Viewer, step: (progress: number) => Promise<void>): Promise<ExportContent> {
  const db = await getDb();
  const settings = await getProfileSettings(owner);
  await step(20);
  const mine = sql`${posts.communityId} in (select community_id from ${memberships} where ${activeMembership({ userId: owner.id })})`;
  const [joined, written, replies] = await Promise.all([
    db
      .select({ name: communities.name, role: memberships.role })
      .from(memberships)
      .innerJoin(communities, eq(communities.id, memberships.communityId))
      .where(activeMembership({ userId: owner.id }))
      .orderBy(asc(communities.name)),
    db
      .select({ id: posts.id, community: communities.name, kind: posts.kind, title: posts.title, body: posts.bodyText, tags: posts.tags, createdAt: posts.createdAt })
      .from(posts)
      .innerJoin(communities, eq(communities.id, posts.communityId))
      .where(and(eq(posts.authorId, owner.id), visiblePosts(owner, posts), mine))
      .orderBy(asc(posts.createdAt), asc(posts.id)),
    db
      .select({ id: comments.id, community: communities.name, postTitle: posts.title, body: comments.bodyText, createdAt: comments.createdAt })
      .from(comments)
      .innerJoin(posts, eq(posts.id, comments.postId))
      .innerJoin(communities, eq(communities.id, posts.communityId))
      .where(and(eq(comments.authorId, owner.id), visiblePosts(owner, posts), visibleComments(owner, comments, posts.communityId), mine))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
  ]);
  await step(60);
  const { email, name, visibility, hasPhoto: _photo, ...profile } = settings;
  const data: ExportData = {
    exportedAt: new Date().toISOString(),
    profile: { name, email, ...profile, whoSees: visibility },
    communities: joined,
    posts: written.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
    replies: replies.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
  return { data, html: readableMemberExport(data) };
}
