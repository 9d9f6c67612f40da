import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { myCommunities } from "./scopes";
import { isActiveViewer, isAdmin, type MaybeViewer } from "./viewer-rules";

// SQL twins of the rules in people-rules.ts, for the people finder, person and organisation
// pages. The people matrix test checks each agrees with `can()` for every actor and setting.

/**
 * A condition on a person's id: they are an active member of a community the viewer is an
 * active member of. The people the viewer shares a community with are gathered once per
 * statement, and only if a row needs them (an init plan), rather than probed row by row: a
 * per-row probe makes Postgres price every row of a page dear and give up walking the name
 * index for a page of people.
 */
export function sharesCommunityWith(viewer: MaybeViewer, personId: AnyPgColumn | SQL): SQL {
  if (!isActiveViewer(viewer)) return sql`false`;
  return sql`${personId} = any(array(select sm.user_id from memberships sm
    where sm.status = 'active' and sm.community_id = any(${myCommunities(viewer, "active")})))`;
}

/** A condition on a profile field: the viewer may see it. SQL twin of `seesProfileField`. */
export function visibleProfileField(viewer: MaybeViewer, visibility: AnyPgColumn | SQL, personId: AnyPgColumn | SQL): SQL {
  if (!isActiveViewer(viewer)) return sql`false`;
  const shared = isAdmin(viewer) ? sql`true` : sharesCommunityWith(viewer, personId);
  return sql`(${personId} = ${viewer.id} or ${visibility} = 'everyone' or (${visibility} = 'communities' and ${shared}))`;
}
