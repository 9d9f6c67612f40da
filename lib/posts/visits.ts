import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";

const VISIT_GAP = "30 minutes";
/** Looks closer together than this are not written down: one write per reader every few minutes. */
const WRITE_EVERY = "5 minutes";

/**
 * Records that the viewer is looking at a community and returns when their previous visit
 * ended: activity after that is "new since your last visit". Looks within one visit (less
 * than 30 minutes apart) count as the same visit, so the marks stay while they read.
 */
export async function recordVisit(db: Db, userId: string, communityId: string): Promise<Date | null> {
  const [row] = await selectRows<{ previous: Date | string | null }>(
    db,
    sql`with before as (
        select previous_visit_at from community_visits where user_id = ${userId} and community_id = ${communityId}
      ), saved as (
        insert into community_visits as v (community_id, user_id, last_seen_at, previous_visit_at)
        values (${communityId}, ${userId}, now(), null)
        on conflict (user_id, community_id) do update set
          previous_visit_at = case when v.last_seen_at < now() - interval '${sql.raw(VISIT_GAP)}'
            then v.last_seen_at else v.previous_visit_at end,
          last_seen_at = now()
        where v.last_seen_at < now() - interval '${sql.raw(WRITE_EVERY)}'
        returning previous_visit_at
      )
      select coalesce((select previous_visit_at from saved), (select previous_visit_at from before)) as previous`,
  );
  return row?.previous ? new Date(row.previous) : null;
}
