import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { standingBan, standingInvitation } from "./scopes";

// The same rules as the viewer scopes in scopes.ts, asked of many people at once: conditions
// on a row of `users` (the person) about one community, post or reply. Notifications use them
// to find, in one statement, who among hundreds may hear of something. The matrix tests check
// each against can() for every actor, as they do the viewer scopes.

/** A row of `users`: whose access is asked. */
export type PersonColumns = { id: AnyPgColumn | SQL; status: AnyPgColumn | SQL; siteRole: AnyPgColumn | SQL; emailVerified: AnyPgColumn | SQL };
type Id = string | SQLWrapper;

const banned = standingBan({ status: sql`m.status`, bannedUntil: sql`m.banned_until` } as never);
const invited = standingInvitation({ status: sql`m.status`, inviteExpiresAt: sql`m.invite_expires_at` } as never);
/** An unproven address counts no membership and no admin role: it reads open communities only. */
const verified = (p: PersonColumns) => sql`${p.emailVerified} is not null`;
const isAdmin = (p: PersonColumns) => sql`(${p.siteRole} = 'admin' and ${verified(p)})`;
const active = (p: PersonColumns) => sql`${p.status} = 'active'`;

/**
 * Some community in `chain` shuts the person out: it banned them, or it is not open and they
 * are not an active member (an unproven address is a member of none).
 */
function shutOut(p: PersonColumns, chain: SQL): SQL {
  return sql`exists (
    select 1 from communities ch where ch.id in ${chain}
      and ((${verified(p)} and exists (select 1 from memberships m where m.community_id = ch.id and m.user_id = ${p.id} and ${banned}))
        or (ch.visibility <> 'open' and not (${verified(p)} and exists (
          select 1 from memberships m where m.community_id = ch.id and m.user_id = ${p.id} and m.status = 'active')))))`;
}

const chainOf = (communityId: Id) => sql`(select unnest(c0.ancestor_ids || c0.id) from communities c0 where c0.id = ${communityId})`;
const ancestorsOf = (communityId: Id) => sql`(select unnest(c0.ancestor_ids) from communities c0 where c0.id = ${communityId})`;

/** The person reads the community's content. Twin of `readsCommunity` (and of `readableCommunity` for a viewer). */
export function personReadsCommunity(p: PersonColumns, communityId: Id): SQL {
  return sql`(${active(p)} and (${isAdmin(p)} or not ${shutOut(p, chainOf(communityId))}))`;
}

/** The person knows the community exists. Twin of `seesCommunity` (and of `listedCommunities`). */
export function personSeesCommunity(p: PersonColumns, communityId: Id): SQL {
  return sql`(${active(p)} and (${isAdmin(p)} or (not ${verified(p)} and ${personReadsCommunity(p, communityId)}) or (${verified(p)} and not ${shutOut(p, ancestorsOf(communityId))}
    and ((select c1.visibility from communities c1 where c1.id = ${communityId}) <> 'private'
      or exists (select 1 from memberships m where m.community_id = ${communityId} and m.user_id = ${p.id}
        and (m.status = 'active' or ${invited}))))))`;
}

/** The person looks after the community: they read it and are its facilitator or owner, or a site admin. Twin of `managesCommunity`. */
export function personManagesCommunity(p: PersonColumns, communityId: Id): SQL {
  return sql`(${personReadsCommunity(p, communityId)} and (${isAdmin(p)} or ${verified(p)} and exists (
    select 1 from memberships m where m.community_id = ${communityId} and m.user_id = ${p.id}
      and m.status = 'active' and m.role in ('owner', 'facilitator'))))`;
}

/** The person reads the post. Twin of `readsPost` (and of `visiblePosts`). */
export function personReadsPost(p: PersonColumns, postId: Id): SQL {
  return sql`exists (select 1 from posts rp where rp.id = ${postId} and rp.deleted_at is null
    and ${personReadsCommunity(p, sql`rp.community_id`)}
    and ((rp.status = 'published' and rp.hidden_at is null) or rp.author_id = ${p.id}
      or ${personManagesCommunity(p, sql`rp.community_id`)}))`;
}

/** The person reads the reply, on a post they read. Twin of `readsComment` (and of `visibleComments`). */
export function personReadsComment(p: PersonColumns, commentId: Id): SQL {
  return sql`exists (select 1 from comments rc join posts rcp on rcp.id = rc.post_id
    where rc.id = ${commentId} and rc.deleted_at is null and ${personReadsPost(p, sql`rc.post_id`)}
      and (rc.hidden_at is null or rc.author_id = ${p.id} or ${personManagesCommunity(p, sql`rcp.community_id`)}))`;
}
