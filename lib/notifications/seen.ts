import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { comments, communities, notifications, posts, users } from "@/lib/db/schema";
import { listedCommunities, moderatedCommunityIds, readableCommunity, visibleComments, visiblePosts, type Viewer } from "@/lib/policy";
import type { SeenRow } from "./describe";

// Notifications as one reader may see them now, with the policy's scopes asked in the same
// statement: the page, the header's count, every email and the digest read them through here,
// so a member who has lost access sees no titles, and is sent none.

const vp = alias(posts, "vp");
const vc = alias(comments, "vc");
const vcp = alias(posts, "vcp");
const vm = alias(communities, "vm");
const actor = alias(users, "actor");

/** Conditions on a notification row: what the reader may see of its subject. */
export function seenFlags(viewer: Viewer) {
  return {
    postOk: sql<boolean>`exists (select 1 from ${posts} ${vp} where ${vp.id} = ${notifications.postId} and ${visiblePosts(viewer, vp)})`,
    commentOk: sql<boolean>`exists (select 1 from ${comments} ${vc} join ${posts} ${vcp} on ${vcp.id} = ${vc.postId}
      where ${vc.id} = ${notifications.commentId} and ${visibleComments(viewer, vc, vcp.communityId)})`,
    communitySeen: sql<boolean>`exists (select 1 from ${communities} ${vm} where ${vm.id} = ${notifications.communityId} and ${listedCommunities(viewer, vm)})`,
    communityRead: sql<boolean>`exists (select 1 from ${communities} ${vm} where ${vm.id} = ${notifications.communityId} and ${readableCommunity(viewer, vm)})`,
    manages: sql<boolean>`coalesce(${notifications.communityId} in ${moderatedCommunityIds(viewer)}, false)`,
  };
}

/** Notifications of the reader with what they may see of each; callers add the where, order and limit. */
export function selectSeen(db: Db, viewer: Viewer) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      readAt: notifications.readAt,
      updatedAt: notifications.updatedAt,
      updatedKey: sql<string>`${notifications.updatedAt}::text`,
      actorName: actor.name,
      actorCount: sql<number>`greatest(cardinality(${notifications.actorIds}), 1)`,
      data: notifications.data,
      postId: notifications.postId,
      commentId: notifications.commentId,
      communityId: notifications.communityId,
      postTitle: posts.title,
      postKind: posts.kind,
      communityName: communities.name,
      communitySlug: communities.slug,
      emailBatch: notifications.emailBatch,
      ...seenFlags(viewer),
    })
    .from(notifications)
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(posts, eq(posts.id, notifications.postId))
    .leftJoin(communities, eq(communities.id, notifications.communityId))
    .$dynamic();
}

export type SeenQueryRow = SeenRow & { updatedKey: string; emailBatch: string | null; communityId: string | null };
