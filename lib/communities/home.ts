import { and, desc, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { communities, memberships } from "@/lib/db/schema";
import { activeMembership, assertActiveViewer, listedCommunities, pendingRequest, readableCommunityIds, standingInvitation, type Viewer } from "@/lib/policy";
import { selectSummaries, toSummary } from "./summaries";

/** The signed-in home: my communities, my invitations and requests, and some to join. */
export async function getHome(viewer: Viewer) {
  assertActiveViewer(viewer);
  const db = await getDb();
  const summaries = () => selectSummaries(db, viewer);
  const [mine, invitations, requests, suggestions] = await Promise.all([
    summaries()
      .where(and(activeMembership(), sql`${communities.id} in ${readableCommunityIds(viewer)}`))
      .orderBy(desc(communities.lastActivityAt))
      .limit(100),
    summaries()
      .where(and(standingInvitation(), listedCommunities(viewer)))
      .orderBy(desc(memberships.createdAt))
      .limit(50),
    summaries()
      .where(and(pendingRequest(), listedCommunities(viewer)))
      .orderBy(desc(memberships.createdAt))
      .limit(50),
    summaries()
      .where(
        and(
          isNull(memberships.status),
          isNull(communities.archivedAt),
          sql`${communities.visibility} in ('open', 'restricted')`,
          listedCommunities(viewer),
        ),
      )
      .orderBy(desc(communities.memberCount), desc(communities.id))
      .limit(8),
  ]);
  return {
    mine: mine.map(toSummary),
    invitations: invitations.map(toSummary),
    requests: requests.map(toSummary),
    suggestions: suggestions.map(toSummary),
  };
}
