import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";

const VISIT_GAP = "30 minutes";

/**
 * Records that the viewer is looking at a community and returns when their previous visit
 * ended: activity after that is "new since your last visit". Looks within one visit (less
 * than 30 minutes apart) count as the same visit, so the marks stay while they read.
 */
export async function recordVisit(db: Db, userId: string, communityId: string): Promise<Date | null> {
  const [row] = await selectRows<{ previous: Date | string | null }>(
    db,
    sql`insert into community_visits as v (community_id, user_id, last_seen_at, previous_visit_at)
      values (${communityId}, ${userId}, now(), null)
      on conflict (user_id, community_id) do update set
        previous_visit_at = case when v.last_seen_at < now() - interval '${sql.raw(VISIT_GAP)}'
          then v.last_seen_at else v.previous_visit_at end,
        last_seen_at = now()
      returning previous_visit_at as previous`,
  );
  return row?.previous ? new Date(row.previous) : null;
}
