import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { loadCommunity } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import { comments, communities, documents, memberships, organisations, posts, profiles, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { activeMembership, can, readableCommunity, visibleComments, visibleDocuments, visiblePosts, type Viewer } from "@/lib/policy";
import type { ExportContent } from "./export-archive";
import { readableCommunityExport, type CommunityExportData } from "./export-community-archive";
import { organisationJoin, personCardColumns, profileJoin } from "./columns";

// A facilitator's export of their community: its posts, replies and documents, and those of
// the sub-communities under it that the facilitator may read (never one they cannot), and its
// members, each with only the profile fields that member lets the facilitator see. Every part
// is selected through the facilitator's own scope, exactly as the pages show it to them.

const author = alias(users, "author");
const iso = <T extends { createdAt: Date }>(row: T) => ({ ...row, createdAt: row.createdAt.toISOString() });

/** The community, checked again when the job runs: someone no longer its facilitator gets nothing. */
export async function exportableCommunity(owner: Viewer, communityId: string) {
  const loaded = await loadCommunity(await getDb(), owner, { id: communityId });
  if (!loaded || !can(owner, "community.export", loaded.target)) throw notFound();
  return loaded.community;
}

export async function collectCommunityExport(owner: Viewer, communityId: string, step: (progress: number) => Promise<void>): Promise<ExportContent> {
  const db = await getDb();
  const community = await exportableCommunity(owner, communityId);
  const scope = await db
    .select({ id: communities.id, name: communities.name, slug: communities.slug, depth: communities.depth })
    .from(communities)
    .where(and(or(eq(communities.id, community.id), sql`${community.id} = any(${communities.ancestorIds})`), readableCommunity(owner, communities)))
    .orderBy(asc(communities.depth), asc(sql`lower(${communities.name})`));
  const ids = scope.map((c) => c.id);
  await step(15);
  const written = await db
    .select({ id: posts.id, community: communities.name, kind: posts.kind, title: posts.title, author: author.name, body: posts.bodyText, tags: posts.tags, createdAt: posts.createdAt })
    .from(posts)
    .innerJoin(communities, eq(communities.id, posts.communityId))
    .leftJoin(author, eq(author.id, posts.authorId))
    .where(and(inArray(posts.communityId, ids), visiblePosts(owner, posts)))
    .orderBy(asc(posts.createdAt), asc(posts.id));
  await step(35);
  const replies = await db
    .select({ id: comments.id, postId: posts.id, postTitle: posts.title, community: communities.name, author: author.name, body: comments.bodyText, createdAt: comments.createdAt })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .innerJoin(communities, eq(communities.id, posts.communityId))
    .leftJoin(author, eq(author.id, comments.authorId))
    .where(and(inArray(posts.communityId, ids), visiblePosts(owner, posts), visibleComments(owner, comments, posts.communityId)))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  await step(55);
  const docs = await db
    .select({ id: documents.id, community: communities.name, title: documents.title, status: documents.status, body: documents.bodyText, createdAt: documents.createdAt, updatedAt: documents.updatedAt })
    .from(documents)
    .innerJoin(communities, eq(communities.id, documents.communityId))
    .where(and(inArray(documents.communityId, ids), visibleDocuments(owner, documents)))
    .orderBy(asc(communities.name), asc(sql`lower(${documents.title})`), asc(documents.id));
  await step(70);
  const members = await db
    .select({ ...personCardColumns(owner), role: memberships.role, joinedAt: memberships.joinedAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(profiles, profileJoin)
    .leftJoin(organisations, organisationJoin)
    .where(activeMembership({ communityId: community.id }))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
  await step(80);
  const data: CommunityExportData = {
    exportedAt: new Date().toISOString(),
    community: { name: community.name, slug: community.slug, purpose: community.purpose },
    communities: scope.map(({ name, slug }) => ({ name, slug })),
    posts: written.map(iso),
    replies: replies.map(iso),
    documents: docs.map((d) => ({ ...iso(d), updatedAt: d.updatedAt.toISOString() })),
    members: members.map(({ hasPhoto: _photo, organisationId: _org, joinedAt, ...m }) => ({ ...m, joinedAt: joinedAt?.toISOString() ?? null })),
  };
  return { data, html: readableCommunityExport(data) };
}
