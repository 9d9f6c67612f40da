import { and, asc, eq, sql, type Column, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { fromJsonRows, jsonList, jsonRow } from "@/lib/db/json-rows";
import { communities, memberships, users, type MembershipRole, type Visibility } from "@/lib/db/schema";
import { activeMembership, allowedVisibilities, decide, listedCommunities, pendingRequest, standing, type Viewer } from "@/lib/policy";
import { loadAuthorizedForPage, ownerCountColumn, type LoadedCommunity } from "./load";
import { selectSummaryRows, toSummaries } from "./summaries";
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

/** The people a page lists by name: each name line as this viewer may see it, and `extra` columns. */
function selectPeople<E extends Record<string, Column | SQL>>(db: Db, viewer: Viewer, extra: E) {
  return db.select(jsonRow({ ...nameLineColumns(viewer), ...extra })).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).$dynamic();
}

type NameLine = { id: string; name: string; jobTitle: string; organisation: string };
const facilitatorColumns = { role: memberships.role };
const requestColumns = { message: memberships.requestMessage, requestedAt: memberships.createdAt };

/**
 * Everything the community page and its tabs show, limited to what this viewer may see: what
 * they may do (and why not), and the visibilities its settings and a new sub-community may take.
 * Two statements: the community (shared by the page's other parts), then its lists in one.
 */
export async function getCommunityPage(viewer: Viewer, slug: string) {
  const db = await getDb();
  const { community, target: shared, ancestors } = await loadAuthorizedForPage(viewer, slug, "community.view");
  const mine = shared.memberships[community.id] ?? null;
  // The lists hang on these two, and neither asks how many owners there are.
  const shows = decide(viewer, shared, { read: "community.read", manageRequests: "community.manageRequests" }).allowed;
  const none = sql<unknown[]>`'[]'::json`;
  const [lists] = await db
    .select({
      subCommunities: shows.read
        ? jsonList(
            selectSummaryRows(db, viewer)
              .where(and(eq(communities.parentId, community.id), listedCommunities(viewer)))
              .orderBy(asc(sql`lower(${communities.name})`)),
          )
        : none,
      facilitators: shows.read
        ? jsonList(
            selectPeople(db, viewer, facilitatorColumns)
              .where(and(activeMembership({ communityId: community.id }), sql`${memberships.role} in ('owner', 'facilitator')`))
              .orderBy(asc(memberships.role), asc(sql`lower(${users.name})`))
              .limit(20),
          )
        : none,
      requests: shows.manageRequests
        ? jsonList(selectPeople(db, viewer, requestColumns).where(pendingRequest({ communityId: community.id })).orderBy(asc(memberships.createdAt)).limit(100))
        : none,
      // Whether an owner may leave: only when another owner stays.
      ownerCount: mine?.role === "owner" ? ownerCountColumn(community.id) : sql<null>`null`,
    })
    .from(communities)
    .where(eq(communities.id, community.id));
  const target = { ...shared, ownerCount: lists?.ownerCount ?? undefined };
  const { allowed, refusals } = decide(viewer, target, pageActions);
  const breadcrumb = ancestors;
  const subCommunities = toSummaries(viewer, lists?.subCommunities ?? []);
  const facilitators = fromJsonRows<NameLine & { role: MembershipRole }>({ ...nameLineColumns(viewer), ...facilitatorColumns }, lists?.facilitators ?? []);
  const requests = fromJsonRows<NameLine & { message: string | null; requestedAt: Date }>({ ...nameLineColumns(viewer), ...requestColumns }, lists?.requests ?? []);
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
