import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { fromJsonRows, jsonRow } from "@/lib/db/json-rows";
import type { Db } from "@/lib/db/client";
import { communities, memberships, type Visibility } from "@/lib/db/schema";
import { listedCommunities, standing, type Standing, type Viewer } from "@/lib/policy";

export type { Visibility };

/** One community in a list, with counts the viewer may see and their own membership. */
export type CommunitySummary = {
  id: string;
  slug: string;
  name: string;
  purpose: string;
  visibility: Visibility;
  memberCount: number;
  subCommunityCount: number;
  lastActivityAt: Date;
  archived: boolean;
  parent: { name: string; slug: string } | null;
  /** The viewer's standing: an ended ban or an expired invitation is none. */
  myStatus: Standing;
};

const childTable = alias(communities, "child");

/** Columns of a community summary. Sub-communities are counted only if the viewer sees them. */
function summaryColumns(viewer: Viewer) {
  return {
    id: communities.id,
    slug: communities.slug,
    name: communities.name,
    purpose: communities.purpose,
    visibility: communities.visibility,
    memberCount: communities.memberCount,
    lastActivityAt: communities.lastActivityAt,
    activityKey: sql<string>`${communities.lastActivityAt}::text`,
    archivedAt: communities.archivedAt,
    // Subqueries rather than a join: they run only for the rows that make the page.
    parentName: sql<string | null>`(select p.name from communities p where p.id = ${communities.parentId})`,
    parentSlug: sql<string | null>`(select p.slug from communities p where p.id = ${communities.parentId})`,
    myStatus: memberships.status,
    myRole: memberships.role,
    myJoinedAt: memberships.joinedAt,
    myBannedUntil: memberships.bannedUntil,
    myInviteExpiresAt: memberships.inviteExpiresAt,
    subCommunityCount: sql<number>`(select count(*)::int from communities as child
      where ${childTable.parentId} = ${communities.id} and ${listedCommunities(viewer, childTable)})`,
  };
}

/** A row as `selectSummaries` returns it, before `toSummary` shapes it for the page. */
export type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

export function toSummary(row: SummaryRow): CommunitySummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    purpose: row.purpose,
    visibility: row.visibility,
    memberCount: row.memberCount,
    subCommunityCount: row.subCommunityCount,
    lastActivityAt: row.lastActivityAt,
    archived: row.archivedAt !== null,
    parent: row.parentName && row.parentSlug ? { name: row.parentName, slug: row.parentSlug } : null,
    myStatus:
      row.myStatus && row.myRole
        ? standing({ status: row.myStatus, role: row.myRole, joinedAt: row.myJoinedAt, bannedUntil: row.myBannedUntil, inviteExpiresAt: row.myInviteExpiresAt })
        : null,
  };
}

/**
 * Summaries of communities, with the viewer's own membership joined as `memberships`.
 * Callers add the viewer's scope (`listedCommunities` or `readableCommunityIds`).
 */
export function selectSummaries(db: Db, viewer: Viewer) {
  return db.select(summaryColumns(viewer)).from(communities).leftJoin(memberships, viewersMembership(viewer)).$dynamic();
}

/** The same, each row as one JSON object: a list of summaries inside another statement (with jsonList). */
export function selectSummaryRows(db: Db, viewer: Viewer) {
  return db.select(jsonRow(summaryColumns(viewer))).from(communities).leftJoin(memberships, viewersMembership(viewer)).$dynamic();
}

/** Summaries from a jsonList of selectSummaryRows, shaped for the page. */
export function toSummaries(viewer: Viewer, rows: unknown[]): CommunitySummary[] {
  return fromJsonRows<SummaryRow>(summaryColumns(viewer), rows).map(toSummary);
}

const viewersMembership = (viewer: Viewer) => and(eq(memberships.communityId, communities.id), eq(memberships.userId, viewer.id));
