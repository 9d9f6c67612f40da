import { sql } from "drizzle-orm";
import { after } from "next/server";
import type { Db } from "@/lib/db/client";
import { logError } from "@/lib/log";

// When each member last looked at each community: activity after their previous visit is
// "new since your last visit". Looks within one visit (less than 30 minutes apart) count as the
// same visit, so the marks stay while they read. The page reads the visit in its own statement
// and writes only when the write would change something, after the response.

const VISIT_GAP = "30 minutes";
/** Looks closer together than this are not written down: one write per reader every few minutes. */
const WRITE_EVERY = "5 minutes";

type VisitJson = { previous: string | null; changes: boolean };
export type Visit = { newSince: Date | null; changes: boolean };

/**
 * The viewer's visit as a column of another statement: when their previous visit ended, as it
 * stands once this look is recorded, and whether recording it changes anything (a first look,
 * or the last one written down a while ago).
 */
export function visitColumn(userId: string, communityId: string) {
  return sql<VisitJson>`coalesce((select json_build_object(
      'previous', case when v.last_seen_at < now() - interval '${sql.raw(VISIT_GAP)}' then v.last_seen_at else v.previous_visit_at end,
      'changes', v.last_seen_at < now() - interval '${sql.raw(WRITE_EVERY)}')
    from community_visits v where v.user_id = ${userId} and v.community_id = ${communityId}),
    json_build_object('previous', null, 'changes', true))`;
}

export function toVisit(json: VisitJson): Visit {
  return { newSince: json.previous ? new Date(json.previous) : null, changes: json.changes };
}

/** Records a look at the community: a new visit after a gap, else the same visit seen again. */
export async function recordVisit(db: Db, userId: string, communityId: string): Promise<void> {
  await db.execute(sql`insert into community_visits as v (community_id, user_id, last_seen_at, previous_visit_at)
    values (${communityId}, ${userId}, now(), null)
    on conflict (user_id, community_id) do update set
      previous_visit_at = case when v.last_seen_at < now() - interval '${sql.raw(VISIT_GAP)}'
        then v.last_seen_at else v.previous_visit_at end,
      last_seen_at = now()
    where v.last_seen_at < now() - interval '${sql.raw(WRITE_EVERY)}'`);
}

/**
 * Records the look when it changes anything: after the response inside a request, so the page
 * does not wait for the write; outside one (a script, a test), at once.
 */
export async function recordVisitIfChanged(db: Db, userId: string, communityId: string, visit: Visit): Promise<void> {
  if (!visit.changes) return;
  try {
    after(() => recordVisit(db, userId, communityId).catch((error: unknown) => logError("visit_not_recorded", error)));
  } catch {
    await recordVisit(db, userId, communityId);
  }
}
