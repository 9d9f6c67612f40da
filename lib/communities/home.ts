import { and, desc, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { jsonList, selectColumns } from "@/lib/db/json-rows";
import { communities, memberships } from "@/lib/db/schema";
import { openActionsColumn, toEventList, toOpenActions, upcomingEventsColumn } from "@/lib/events/lists";
import { peopleLikeYouColumn, toPeopleLikeYou } from "@/lib/people/finder";
import { activeMembership, assertActiveViewer, listedCommunities, pendingRequest, readableCommunityIds, standingInvitation, type Viewer } from "@/lib/policy";
import { homeFeedColumn } from "@/lib/posts/feeds";
import { selectSummaryRows, toSummaries } from "./summaries";

// The signed-in home page: the viewer's communities, invitations and requests, some to join,
// recent activity, coming events, open actions and people like them. One statement, each list
// a JSON column built from the same scoped query as when it is asked for alone.

/** The four lists of communities on the home page, as columns of one statement. */
function communityListColumns(db: Db, viewer: Viewer) {
  const summaries = () => selectSummaryRows(db, viewer);
  return {
    mine: jsonList(
      summaries()
        .where(and(activeMembership(), sql`${communities.id} in ${readableCommunityIds(viewer)}`))
        .orderBy(desc(communities.lastActivityAt))
        .limit(100),
    ),
    invitations: jsonList(summaries().where(and(standingInvitation(), listedCommunities(viewer))).orderBy(desc(memberships.createdAt)).limit(50)),
    requests: jsonList(summaries().where(and(pendingRequest(), listedCommunities(viewer))).orderBy(desc(memberships.createdAt)).limit(50)),
    suggestions: jsonList(
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
    ),
  };
}

type Lists = Record<"mine" | "invitations" | "requests" | "suggestions", unknown[]>;

function toCommunityLists(viewer: Viewer, row: Lists) {
  return {
    mine: toSummaries(viewer, row.mine),
    invitations: toSummaries(viewer, row.invitations),
    requests: toSummaries(viewer, row.requests),
    suggestions: toSummaries(viewer, row.suggestions),
  };
}

/** The signed-in home: my communities, my invitations and requests, and some to join. */
export async function getHome(viewer: Viewer) {
  assertActiveViewer(viewer);
  const db = await getDb();
  return toCommunityLists(viewer, await selectColumns<Lists>(db, communityListColumns(db, viewer)));
}

/** Everything the home page shows, in one statement: the lists of communities, the latest activity, events, actions and people. */
export async function getHomePage(viewer: Viewer) {
  assertActiveViewer(viewer);
  const db = await getDb();
  const activity = homeFeedColumn(viewer, { limit: 10 });
  const row = await selectColumns<Lists & Record<"activity" | "events" | "actions" | "likeYou", unknown[]>>(db, {
    ...communityListColumns(db, viewer),
    activity: activity.column,
    events: upcomingEventsColumn(db, viewer),
    actions: openActionsColumn(db, viewer),
    likeYou: peopleLikeYouColumn(db, viewer),
  });
  return {
    ...toCommunityLists(viewer, row),
    activity: activity.read(row.activity),
    events: toEventList(viewer, row.events),
    actions: toOpenActions(row.actions),
    likeYou: toPeopleLikeYou(row.likeYou),
  };
}
