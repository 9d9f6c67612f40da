import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { communities, memberships, users, type Visibility } from "@/lib/db/schema";
import { activeMembership, allowedVisibilities, decide, listedCommunities, pendingRequest, standing, type Viewer } from "@/lib/policy";
import { countOwners, loadAuthorizedForPage, type LoadedCommunity } from "./load";
import { selectSummaries, toSummary } from "./summaries";
import { nameLineColumns } from "@/lib/people/columns";

/** What the community page offers, by the name the page uses. */
const pageActions = {
  read: "community.read",
  join: "community.join",
  request: "community.request",
  withdrawRequest: "community.withdrawRequest",
  acceptInvite: "community.acceptInvite",
  declineInvite: "community.declineInvite",
  leave: "community.leave",
  createSub: "community.createSub",
  createPost: "post.create",
  edit: "community.edit",
  archive: "community.archive",
  invite: "community.invite",
  manageRequests: "community.manageRequests",
  manageMembers: "community.manageMembers",
  moderate: "community.moderate",
  viewAnalytics: "community.viewAnalytics",
  viewMembers: "community.viewMembers",
  export: "community.export",
} as const;

/** What the header of a community's pages decides: which tabs it shows. */
const headerActions = {
  read: "community.read",
  edit: "community.edit",
  archive: "community.archive",
  invite: "community.invite",
  moderate: "community.moderate",
  viewAnalytics: "community.viewAnalytics",
  viewMembers: "community.viewMembers",
} as const;

/** What the header on every page of a community shows (components/community-header). */
export type CommunityHeaderData = {
  community: { id: string; slug: string; name: string; visibility: Visibility; memberCount: number; archived: boolean };
  breadcrumb: { name: string; slug: string }[];
  allowed: Record<keyof typeof headerActions, boolean>;
  subCommunityCount: number;
};

/**
 * The header for a page that has loaded its community already (the post page): the breadcrumb
 * comes from the loaded chain and the tabs from the policy, so it costs no statement; the count
 * of sub-communities the viewer may see comes from subCommunityCountColumn in the page's own.
 */
export function communityHeader(viewer: Viewer, loaded: LoadedCommunity, subCommunityCount: number): CommunityHeaderData {
  const { community, target, ancestors } = loaded;
  return {
    community: {
      id: community.id,
      slug: community.slug,
      name: community.name,
      visibility: community.visibility,
      memberCount: community.memberCount,
      archived: target.chain.some((n) => n.archivedAt !== null),
    },
    breadcrumb: ancestors,
    allowed: decide(viewer, target, headerActions).allowed,
    subCommunityCount,
  };
}

/** How many sub-communities of a community the viewer may see listed, as a column of another statement. */
export function subCommunityCountColumn(viewer: Viewer, communityId: string) {
  return sql<number>`(select count(*)::int from ${communities} where ${communities.parentId} = ${communityId} and ${listedCommunities(viewer)})`;
}

/**
 * Everything the community page and its tabs show, limited to what this viewer may see: what
 * they may do (and why not), and the visibilities its settings and a new sub-community may take.
 */
export async function getCommunityPage(viewer: Viewer, slug: string) {
  const db = await getDb();
  const { community, target: shared } = await loadAuthorizedForPage(viewer, slug, "community.view");
  const mine = shared.memberships[community.id] ?? null;
  const target = { ...shared, ownerCount: mine?.role === "owner" ? await countOwners(db, community.id) : undefined };
  const { allowed, refusals } = decide(viewer, target, pageActions);
  const [breadcrumb, subCommunities, facilitators, requests] = await Promise.all([
    community.ancestorIds.length
      ? db
          .select({ name: communities.name, slug: communities.slug })
          .from(communities)
          .where(inArray(communities.id, community.ancestorIds))
          .orderBy(communities.depth)
      : [],
    allowed.read
      ? selectSummaries(db, viewer)
          .where(and(eq(communities.parentId, community.id), listedCommunities(viewer)))
          .orderBy(asc(sql`lower(${communities.name})`))
          .then((rows) => rows.map(toSummary))
      : [],
    allowed.read
      ? db
          .select({ ...nameLineColumns(viewer), role: memberships.role })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(activeMembership({ communityId: community.id }), sql`${memberships.role} in ('owner', 'facilitator')`))
          .orderBy(asc(memberships.role), asc(sql`lower(${users.name})`))
          .limit(20)
      : [],
    allowed.manageRequests
      ? db
          .select({ ...nameLineColumns(viewer), message: memberships.requestMessage, requestedAt: memberships.createdAt })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(pendingRequest({ communityId: community.id }))
          .orderBy(asc(memberships.createdAt))
          .limit(100)
      : [],
  ]);
  return {
    community: {
      id: community.id,
      slug: community.slug,
      name: community.name,
      purpose: community.purpose,
      visibility: community.visibility,
      memberCount: community.memberCount,
      depth: community.depth,
      archived: target.chain.some((n) => n.archivedAt !== null),
      lastActivityAt: community.lastActivityAt,
      createdAt: community.createdAt,
    },
    breadcrumb,
    /** `standing` is what the page tells them: an ended ban or an expired invitation is none. */
    myMembership: mine ? { role: mine.role, status: mine.status, standing: standing(mine), bannedUntil: mine.bannedUntil } : null,
    allowed,
    refusals,
    /** The visibilities the settings may choose, and those a new sub-community may take. */
    visibilityOptions: {
      settings: allowedVisibilities(target.chain.at(-2)?.visibility ?? null),
      subCommunity: allowedVisibilities(community.visibility),
    },
    subCommunities,
    subCommunityCount: subCommunities.length,
    facilitators,
    requests: requests.map(({ id, ...request }) => ({ userId: id, ...request })),
  };
}
