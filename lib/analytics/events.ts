import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { posts } from "@/lib/db/schema";
import { publicPosts } from "@/lib/policy";
import { addDays, dayStarts, type Period, type Week } from "./period";

// Event figures for one community, as the other figures are: its own events only, and only
// those members can read now (the post that carries the event is published, not hidden, not
// deleted). Events are read by (community, start) through events_community_starts_idx and
// their answers by event through event_rsvps' primary key.

const eventPost = alias(posts, "ep");
const live = publicPosts(eventPost);

export type EventTotals = { held: number; cancelled: number; going: number; waiting: number; maybe: number; notGoing: number; peopleGoing: number };
export type EventWeek = Week & Omit<EventTotals, "peopleGoing" | "cancelled">;

const none = (): EventTotals => ({ held: 0, cancelled: 0, going: 0, waiting: 0, maybe: 0, notGoing: 0, peopleGoing: 0 });

/** Events held (begun by `asOf`) week by week and in each period, with the answers members gave. */
export async function eventFigures(db: Db, communityId: string, period: Period) {
  const from = period.previous.start;
  const rows = await selectRows<EventTotals & { week: number | null; current: boolean | null }>(
    db,
    sql`select week, current,
        count(distinct event_id) filter (where not cancelled)::int as held,
        count(distinct event_id) filter (where cancelled)::int as cancelled,
        count(*) filter (where not cancelled and response = 'going')::int as going,
        count(*) filter (where not cancelled and response = 'waiting')::int as waiting,
        count(*) filter (where not cancelled and response = 'maybe')::int as maybe,
        count(*) filter (where not cancelled and response = 'not_going')::int as "notGoing",
        count(distinct user_id) filter (where not cancelled and response = 'going')::int as "peopleGoing"
      from (
        select (roundtable_day(e.starts_at) - ${from}::date) / 7 as week, e.starts_at >= ${dayStarts(period.start)} as current,
          e.id as event_id, e.cancelled_at is not null as cancelled, r.user_id, r.response
        from events e join ${posts} ${eventPost} on ${eventPost.id} = e.id
          left join event_rsvps r on r.event_id = e.id
        where e.community_id = ${communityId} and ${live}
          and e.starts_at >= ${dayStarts(from)} and e.starts_at < least(${dayStarts(addDays(period.end, 1))}, ${period.asOf.toISOString()}::timestamptz)
      ) held
      group by grouping sets ((week), (current))`,
  );
  const weeks: EventWeek[] = [...period.previous.weeks, ...period.weeks].map((w) => ({ ...w, held: 0, going: 0, waiting: 0, maybe: 0, notGoing: 0 }));
  const totals = { current: none(), previous: none() };
  for (const { week, current, ...figures } of rows) {
    if (week !== null && weeks[week]) {
      const { cancelled: _c, peopleGoing: _p, ...perWeek } = figures;
      Object.assign(weeks[week]!, perWeek);
    }
    if (current !== null) totals[current ? "current" : "previous"] = figures;
  }
  return { weeks: weeks.slice(period.weeks.length), ...totals };
}

/** Events this few people have said they are going to are worth a nudge. */
export const FEW_GOING = 5;
/** How far ahead the list of quiet events looks. */
export const UPCOMING_DAYS = 28;

export type QuietEvent = { eventId: string; title: string; startsAt: Date; going: number; maybe: number; capacity: number | null };

/** Events that begin in the next four weeks, not cancelled, with fewer than five people going. Soonest first. */
export async function quietUpcomingEvents(db: Db, communityId: string, asOf: Date, limit: number) {
  const rows = await selectRows<{ id: string; title: string; starts_at: string | Date; going: number; maybe: number; capacity: number | null; total: number }>(
    db,
    sql`select e.id, ${eventPost.title} as title, e.starts_at, e.going_count as going, e.maybe_count as maybe, e.capacity, count(*) over ()::int as total
      from events e join ${posts} ${eventPost} on ${eventPost.id} = e.id
      where e.community_id = ${communityId} and ${live} and e.cancelled_at is null and e.going_count < ${FEW_GOING}
        and e.starts_at >= ${asOf.toISOString()}::timestamptz and e.starts_at < ${asOf.toISOString()}::timestamptz + make_interval(days => ${UPCOMING_DAYS})
      order by e.starts_at, e.id
      limit ${limit}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r): QuietEvent => ({ eventId: r.id, title: r.title, startsAt: new Date(r.starts_at), going: r.going, maybe: r.maybe, capacity: r.capacity })),
  };
}
