import { and, eq, lte, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { alias, type AnyPgColumn, PgDialect } from "drizzle-orm/pg-core";
import { communities, memberships, posts, users } from "@/lib/db/schema";
import { isActiveViewer, isAdmin, isVerified, type MaybeViewer } from "./viewer-rules";

// SQL twins of the rules in *-rules.ts. Every list, count, search and feed query that
// touches communities, memberships or their content uses one of these. The policy matrix
// tests check that each agrees with `can()` for every actor and community.

type MembershipColumns = { communityId: AnyPgColumn; userId: AnyPgColumn; status: AnyPgColumn; bannedUntil: AnyPgColumn };
/** Narrows a membership condition to one community, one person, or both. */
type Whose = { communityId?: string | SQLWrapper; userId?: string };

function membershipIs(status: "active" | "pending", of: Whose, table: MembershipColumns): SQL {
  return and(
    // Written in, not a parameter, as `hasState` in lib/db/literals.ts does (the policy imports no database code).
    sql`${table.status} = ${sql.raw(`'${status}'`)}`,
    of.communityId === undefined ? undefined : eq(table.communityId, of.communityId),
    of.userId === undefined ? undefined : eq(table.userId, of.userId),
  )!;
}

/** A condition on memberships: an active member. SQL twin of `isActive`. */
export function activeMembership(of: Whose = {}, table: MembershipColumns = memberships): SQL {
  return membershipIs("active", of, table);
}

/** A condition on memberships: a request to join that waits for an answer. SQL twin of `isPending`. */
export function pendingRequest(of: Whose = {}, table: MembershipColumns = memberships): SQL {
  return membershipIs("pending", of, table);
}

/** A condition on memberships: a ban that has ended, and no longer stands in anyone's way (the opposite of `isBanned`). */
export function endedBan(table: MembershipColumns = memberships, now = new Date()): SQL {
  return and(eq(table.status, "banned"), lte(table.bannedUntil, now))!;
}

/** A condition on memberships: a ban that still stands. SQL twin of `isBanned`; `endedBan` is the rest. */
export function standingBan(table: { status: AnyPgColumn; bannedUntil: AnyPgColumn } = memberships): SQL {
  return sql`(${table.status} = 'banned' and (${table.bannedUntil} is null or ${table.bannedUntil} > now()))`;
}

/** A condition on memberships: an invitation that has not expired. SQL twin of `isInvited`. */
export function standingInvitation(table: { status: AnyPgColumn; inviteExpiresAt: AnyPgColumn } = memberships): SQL {
  return sql`(${table.status} = 'invited' and (${table.inviteExpiresAt} is null or ${table.inviteExpiresAt} > now()))`;
}

const mb = alias(memberships, "mb");

// The viewer's own memberships, as small arrays. Each is an uncorrelated subquery, which
// Postgres runs once per statement, so a predicate can test every row against them cheaply.
// A long statement holds dozens of them, so each is written out once, as text around the
// viewer's id: drizzle then has two strings to join, not a tree of aliased columns to walk.
const MARK = "\u0000viewer\u0000";
const myCommunitiesText = Object.fromEntries(
  (["active", "banned", "invited"] as const).map((status) => {
    const holds = { active: activeMembership({}, mb), banned: standingBan(mb), invited: standingInvitation(mb) }[status];
    const { sql: text, params } = new PgDialect().sqlToQuery(sql`array(select ${mb.communityId} from ${memberships} ${mb} where ${mb.userId} = ${sql.raw(MARK)} and ${holds})`);
    if (params.length > 0) throw new Error("A membership condition took a parameter; it must be written in full");
    const [before, after] = text.split(MARK) as [string, string];
    return [status, { before: sql.raw(before), after: sql.raw(after) }];
  }),
) as Record<"active" | "banned" | "invited", { before: SQL; after: SQL }>;

export const myCommunities = (viewer: { id: string }, status: "active" | "banned" | "invited") => {
  const { before, after } = myCommunitiesText[status];
  return sql`${before}${viewer.id}${after}`;
};

type CommunityRowColumns = { id: AnyPgColumn; ancestorIds: AnyPgColumn; visibility: AnyPgColumn };

/**
 * Every community above this one lets the viewer in: none has banned them, and each that is
 * not open has them as an active member. (Sub-communities are never more open than their
 * parents, so an open community has only open ancestors.)
 */
function readsAncestors(viewer: { id: string }, c: CommunityRowColumns): SQL {
  return sql`(cardinality(${c.ancestorIds}) = 0 or (
    not (${c.ancestorIds} && ${myCommunities(viewer, "banned")})
    and not exists (
      select 1 from communities anc
      where anc.id = any(${c.ancestorIds}) and anc.visibility <> 'open'
        and anc.id <> all(${myCommunities(viewer, "active")}))))`;
}

/**
 * A condition on a row of `communities`: the viewer may read it. SQL twin of
 * `readsCommunity`: from the top down to it, each community is open or has the viewer as an
 * active member, and none has banned them.
 */
export function readableCommunity(viewer: MaybeViewer, c: CommunityRowColumns = communities): SQL {
  if (!isActiveViewer(viewer)) return sql`false`;
  if (isAdmin(viewer)) return sql`true`;
  if (!isVerified(viewer)) return openToAll(c);
  return sql`(${c.id} <> all(${myCommunities(viewer, "banned")})
    and (${c.visibility} = 'open' or ${c.id} = any(${myCommunities(viewer, "active")}))
    and ${readsAncestors(viewer, c)})`;
}

/** Open, and everything above it open: what an account with an unproven address may read and know of. */
function openToAll(c: CommunityRowColumns): SQL {
  return sql`(${c.visibility} = 'open' and not exists (
    select 1 from communities anc where anc.id = any(${c.ancestorIds}) and anc.visibility <> 'open'))`;
}

/** `select id from communities` that the viewer may read. */
export function readableCommunityIds(viewer: MaybeViewer): SQL {
  if (!isActiveViewer(viewer)) return sql`(select null::uuid where false)`;
  if (isAdmin(viewer)) return sql`(select rc.id from communities rc)`;
  return sql`(select rc.id from communities rc where ${readableCommunity(viewer, readableAlias)})`;
}

const readableAlias = { id: sql.raw("rc.id"), ancestorIds: sql.raw("rc.ancestor_ids"), visibility: sql.raw("rc.visibility") } as unknown as CommunityRowColumns;

type CommunityColumns = CommunityRowColumns & { parentId: AnyPgColumn };

/**
 * A condition on a row of `communities`: the viewer knows the community exists (its name,
 * purpose and size). SQL twin of `seesCommunity`: they read every community above it, and it
 * is not private unless they belong or are invited.
 */
export function listedCommunities(viewer: MaybeViewer, table: CommunityColumns = communities): SQL {
  if (!isActiveViewer(viewer)) return sql`false`;
  if (isAdmin(viewer)) return sql`true`;
  if (!isVerified(viewer)) return openToAll(table);
  return sql`(${readsAncestors(viewer, table)}
    and (${table.visibility} <> 'private'
      or ${table.id} = any(${myCommunities(viewer, "active")})
      or ${table.id} = any(${myCommunities(viewer, "invited")})))`;
}

/** `select id from communities` that the viewer looks after: facilitator or owner, or any for admins. */
export function moderatedCommunityIds(viewer: MaybeViewer): SQL {
  if (!isActiveViewer(viewer) || !isVerified(viewer)) return sql`(select null::uuid where false)`;
  if (isAdmin(viewer)) return sql`(select mc.id from communities mc)`;
  return sql`(select ${mb.communityId} from ${memberships} ${mb}
    where ${activeMembership({ userId: viewer.id }, mb)} and ${mb.role} in ('owner', 'facilitator'))`;
}

const postCommunity = { id: sql.raw("pc.id"), ancestorIds: sql.raw("pc.ancestor_ids"), visibility: sql.raw("pc.visibility") } as unknown as CommunityRowColumns;

type PostColumns = { communityId: AnyPgColumn; authorId: AnyPgColumn; status: AnyPgColumn; hiddenAt: AnyPgColumn; deletedAt: AnyPgColumn };

/**
 * A condition on posts: the viewer may read it. SQL twin of `readsPost` in post-rules.ts. Its
 * community is readable; it is published and not hidden, or it is theirs, or they look after
 * the community. Deleted posts are never included.
 */
export function visiblePosts(viewer: MaybeViewer, table: PostColumns): SQL {
  if (!isActiveViewer(viewer)) return sql`false`;
  return sql`(${table.deletedAt} is null
    and exists (select 1 from communities pc where pc.id = ${table.communityId} and ${readableCommunity(viewer, postCommunity)})
    and ((${table.status} = 'published' and ${table.hiddenAt} is null)
      or ${table.authorId} = ${viewer.id}
      or ${table.communityId} in ${moderatedCommunityIds(viewer)}))`;
}

/** Posts anyone who reads the community sees, the part of a feed that is the same for everyone. SQL twin of `isLive`. */
export function publicPosts(table: Omit<PostColumns, "communityId" | "authorId">): SQL {
  return sql`(${table.deletedAt} is null and ${table.status} = 'published' and ${table.hiddenAt} is null)`;
}

type CommentColumns = { authorId: AnyPgColumn; hiddenAt: AnyPgColumn; deletedAt: AnyPgColumn };

/**
 * A condition on replies, given their post's community: a reply hidden by a facilitator is
 * seen only by its author and by those who look after the community. Deleted replies stay in,
 * for a thread to show where they were.
 */
export function notHiddenFrom(viewer: MaybeViewer, table: CommentColumns, communityId: AnyPgColumn | string): SQL {
  if (!isActiveViewer(viewer)) return sql`false`;
  if (isAdmin(viewer)) return sql`true`;
  return sql`(${table.hiddenAt} is null or ${table.authorId} = ${viewer.id} or ${communityId} in ${moderatedCommunityIds(viewer)})`;
}

/** Replies the viewer may read, on posts they may read: not deleted, not hidden from them. SQL twin of `readsComment`. */
export function visibleComments(viewer: MaybeViewer, table: CommentColumns, communityId: AnyPgColumn | string): SQL {
  return sql`(${table.deletedAt} is null and ${notHiddenFrom(viewer, table, communityId)})`;
}

const documentCommunity = { id: sql.raw("dc.id"), ancestorIds: sql.raw("dc.ancestor_ids"), visibility: sql.raw("dc.visibility") } as unknown as CommunityRowColumns;

/**
 * A condition on documents: the viewer may read it, its history, its comments and its files.
 * SQL twin of `readsDocument` in library-rules.ts: not deleted, and its community is readable.
 */
export function visibleDocuments(viewer: MaybeViewer, table: { communityId: AnyPgColumn; deletedAt: AnyPgColumn }): SQL {
  if (!isActiveViewer(viewer)) return sql`false`;
  return sql`(${table.deletedAt} is null
    and exists (select 1 from communities dc where dc.id = ${table.communityId} and ${readableCommunity(viewer, documentCommunity)}))`;
}

/**
 * A condition on files: the viewer may download it. SQL twin of `readsFile`: it is attached to
 * a document or a post they may read, or it is their own upload not yet attached to anything.
 */
export function visibleFiles(
  viewer: MaybeViewer,
  table: { documentId: AnyPgColumn; postId: AnyPgColumn; uploaderId: AnyPgColumn; deletedAt: AnyPgColumn },
): SQL {
  if (!isActiveViewer(viewer)) return sql`false`;
  const doc = { communityId: sql.raw("vd.community_id"), deletedAt: sql.raw("vd.deleted_at") } as unknown as { communityId: AnyPgColumn; deletedAt: AnyPgColumn };
  const post = {
    communityId: sql.raw("vp.community_id"),
    authorId: sql.raw("vp.author_id"),
    status: sql.raw("vp.status"),
    hiddenAt: sql.raw("vp.hidden_at"),
    deletedAt: sql.raw("vp.deleted_at"),
  } as unknown as PostColumns;
  return sql`(${table.deletedAt} is null and (
    (${table.documentId} is not null and exists (select 1 from documents vd where vd.id = ${table.documentId} and ${visibleDocuments(viewer, doc)}))
    or (${table.postId} is not null and exists (select 1 from posts vp where vp.id = ${table.postId} and ${visiblePosts(viewer, post)}))
    or (${table.documentId} is null and ${table.postId} is null and ${table.uploaderId} = ${viewer.id})))`;
}

const eventPost = alias(posts, "ep");

/**
 * A condition on events: the viewer may read it, as they may read the post that carries it.
 * SQL twin of `event.read` (`readsPost` on the event's post).
 */
export function visibleEvents(viewer: MaybeViewer, table: { id: AnyPgColumn }): SQL {
  if (!isActiveViewer(viewer)) return sql`false`;
  return sql`exists (select 1 from ${posts} ${eventPost} where ${eventPost.id} = ${table.id} and ${visiblePosts(viewer, eventPost)})`;
}

/**
 * A condition on events: the viewer sees the place, the joining link and who is going. SQL
 * twin of `seesEventDetails`: they read the event, and are an active member of its community
 * (or a site admin).
 */
export function eventDetailsVisible(viewer: MaybeViewer, table: { id: AnyPgColumn; communityId: AnyPgColumn }): SQL {
  if (!isActiveViewer(viewer)) return sql`false`;
  if (isAdmin(viewer)) return visibleEvents(viewer, table);
  return sql`(${table.communityId} = any(${myCommunities(viewer, "active")}) and ${visibleEvents(viewer, table)})`;
}

/**
 * A condition on users: someone the viewer may find by name (people search, mention
 * suggestions, invitations by name): active, with a proven address. Nobody, for a viewer whose
 * own address is not proven. SQL twin of `user.view` for other people.
 */
export function findablePeople(viewer: MaybeViewer, table: { status: AnyPgColumn; emailVerified: AnyPgColumn } = users): SQL {
  if (!isVerified(viewer)) return sql`false`;
  return sql`(${table.status} = 'active' and ${table.emailVerified} is not null)`;
}

/**
 * A condition on invitations: the viewer looks after its community, or sent it and still reads
 * the community. SQL twin of `invitation.view`.
 */
export function invitationsSeenBy(viewer: MaybeViewer, table: { communityId: AnyPgColumn; invitedById: AnyPgColumn }): SQL {
  if (!isVerified(viewer)) return sql`false`;
  return sql`(${table.communityId} in ${moderatedCommunityIds(viewer)}
    or (${table.invitedById} = ${viewer?.id} and ${table.communityId} in ${readableCommunityIds(viewer)}))`;
}
