import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { communities } from "@/lib/db/schema";
import { isActiveViewer, isAdmin, type MaybeViewer } from "./viewer";

// SQL twins of the rules in community-rules.ts. Every list, count, search and feed query
// that touches communities or their content joins on one of these. The policy matrix test
// checks that each agrees with `can()` for every actor and community.

/**
 * `select id from communities` that the viewer may read: each community from the top down
 * to it is open or has the viewer as an active member, and none has banned them.
 */
export function readableCommunityIds(viewer: MaybeViewer): SQL {
  if (!isActiveViewer(viewer)) return sql`(select null::uuid where false)`;
  if (isAdmin(viewer)) return sql`(select rc.id from communities rc)`;
  const me = viewer.id;
  return sql`(select rc.id from communities rc
    where (rc.visibility = 'open' or rc.id in (
        select rm.community_id from memberships rm where rm.user_id = ${me} and rm.status = 'active'))
      and not exists (
        select 1 from memberships rb
        where rb.user_id = ${me} and rb.status = 'banned'
          and (rb.banned_until is null or rb.banned_until > now())
          and (rb.community_id = rc.id or rb.community_id = any(rc.ancestor_ids)))
      and not exists (
        select 1 from communities ra
        where ra.id = any(rc.ancestor_ids) and ra.visibility <> 'open'
          and ra.id not in (
            select ram.community_id from memberships ram
            where ram.user_id = ${me} and ram.status = 'active')))`;
}

type CommunityColumns = { id: AnyPgColumn; parentId: AnyPgColumn; visibility: AnyPgColumn };

/**
 * A condition on the `communities` table: the viewer knows the community exists (its name,
 * purpose and size). They read its parent, and it is not private unless they belong or
 * are invited.
 */
export function listedCommunities(viewer: MaybeViewer, table: CommunityColumns = communities): SQL {
  if (!isActiveViewer(viewer)) return sql`false`;
  if (isAdmin(viewer)) return sql`true`;
  return sql`((${table.parentId} is null or ${table.parentId} in ${readableCommunityIds(viewer)})
    and (${table.visibility} <> 'private' or exists (
      select 1 from memberships lm
      where lm.community_id = ${table.id} and lm.user_id = ${viewer.id}
        and (lm.status = 'active' or (lm.status = 'invited'
          and (lm.invite_expires_at is null or lm.invite_expires_at > now()))))))`;
}

/** `select id from communities` that the viewer looks after: facilitator or owner, or any for admins. */
export function moderatedCommunityIds(viewer: MaybeViewer): SQL {
  if (!isActiveViewer(viewer)) return sql`(select null::uuid where false)`;
  if (isAdmin(viewer)) return sql`(select mc.id from communities mc)`;
  return sql`(select mm.community_id from memberships mm
    where mm.user_id = ${viewer.id} and mm.status = 'active' and mm.role in ('owner', 'facilitator'))`;
}

type PostColumns = { communityId: AnyPgColumn; authorId: AnyPgColumn; status: AnyPgColumn; hiddenAt: AnyPgColumn; deletedAt: AnyPgColumn };

/**
 * A condition on posts: the viewer may read it. SQL twin of `readsPost` in post-rules.ts. Its
 * community is readable; it is published and not hidden, or it is theirs, or they look after
 * the community. Deleted posts are never included.
 */
export function visiblePosts(viewer: MaybeViewer, table: PostColumns): SQL {
  if (!isActiveViewer(viewer)) return sql`false`;
  return sql`(${table.deletedAt} is null
    and ${table.communityId} in ${readableCommunityIds(viewer)}
    and ((${table.status} = 'published' and ${table.hiddenAt} is null)
      or ${table.authorId} = ${viewer.id}
      or ${table.communityId} in ${moderatedCommunityIds(viewer)}))`;
}

/** Posts anyone who reads the community sees: the part of a feed that is the same for everyone. */
export function publicPosts(table: PostColumns): SQL {
  return sql`(${table.deletedAt} is null and ${table.status} = 'published' and ${table.hiddenAt} is null)`;
}

type CommentColumns = { authorId: AnyPgColumn; hiddenAt: AnyPgColumn; deletedAt: AnyPgColumn };

/**
 * A condition on replies, given their post's community column: not deleted, and not hidden
 * unless the viewer wrote it or looks after the community. Twin of the post page's rule.
 */
export function visibleComments(viewer: MaybeViewer, table: CommentColumns, communityId: AnyPgColumn): SQL {
  if (!isActiveViewer(viewer)) return sql`false`;
  return sql`(${table.deletedAt} is null
    and (${table.hiddenAt} is null or ${table.authorId} = ${viewer.id} or ${communityId} in ${moderatedCommunityIds(viewer)}))`;
}
