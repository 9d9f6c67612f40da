import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { addDays, dayStarts, daysBetween, type Day, type Period, type Week } from "./period";

// Week by week, for the period and the one before it, from the rolled-up tables: posts and
// replies (community_activity_daily), who took part (member_activity) and who joined and left
// (membership_events). Each is one indexed range read on (community_id, day or time).

export type WeekFigures = Week & { members: number; joiners: number; leavers: number; active: number; posts: number; replies: number };
export type SeriesTotals = { members: number; joiners: number; leavers: number; active: number; posts: number; replies: number };
export type Series = { weeks: WeekFigures[]; previousWeeks: WeekFigures[]; totals: SeriesTotals; previousTotals: SeriesTotals };

/** Which of the 2n weeks (previous period first) a day falls in, or -1. */
function weekIndex(period: Period, day: Day): number {
  const i = Math.floor(daysBetween(period.previous.start, day) / 7);
  return i >= 0 && i < period.weeks.length * 2 ? i : -1;
}

export async function weeklySeries(db: Db, community: { id: string; memberCount: number }, period: Period): Promise<Series> {
  const from = period.previous.start;
  const to = period.end;
  const [daily, active, changes] = await Promise.all([
    selectRows<{ day: string; posts: number; replies: number }>(
      db,
      sql`select day::text as day, posts, replies from community_activity_daily
        where community_id = ${community.id} and day between ${from}::date and ${to}::date`,
    ),
    // Distinct people per week, and per whole period.
    selectRows<{ week: number | null; current: boolean | null; people: number }>(
      db,
      sql`select week, current, count(distinct user_id)::int as people from (
          select (day - ${from}::date) / 7 as week, day >= ${period.start}::date as current, user_id from member_activity
          where community_id = ${community.id} and day between ${from}::date and ${to}::date) a
        group by grouping sets ((week), (current))`,
    ),
    // Every change since the previous period began, including any after `asOf`: counting back
    // from today's member count gives the members at the end of each week.
    selectRows<{ day: string; joined: number; left: number }>(
      db,
      sql`select roundtable_day(at)::text as day, count(*) filter (where change > 0)::int as joined, count(*) filter (where change < 0)::int as left
        from membership_events where community_id = ${community.id} and at >= ${dayStarts(from)}
        group by 1`,
    ),
  ]);
  const all: WeekFigures[] = [...period.previous.weeks, ...period.weeks].map((w) => ({ ...w, members: 0, joiners: 0, leavers: 0, active: 0, posts: 0, replies: 0 }));
  for (const row of daily) {
    const week = all[weekIndex(period, row.day)];
    if (week) {
      week.posts += row.posts;
      week.replies += row.replies;
    }
  }
  const totals = { previous: 0, current: 0 };
  for (const row of active) {
    if (row.week !== null && all[row.week]) all[row.week]!.active = row.people;
    if (row.current !== null) totals[row.current ? "current" : "previous"] = row.people;
  }
  for (const row of changes) {
    const week = all[weekIndex(period, row.day)];
    if (week) {
      week.joiners += row.joined;
      week.leavers += row.left;
    }
  }
  // Members at the end of each week: today's count, less every change after that week.
  for (const week of all) {
    const after = changes.filter((c) => c.day > week.end).reduce((n, c) => n + c.joined - c.left, 0);
    week.members = community.memberCount - after;
  }
  const n = period.weeks.length;
  const sum = (weeks: WeekFigures[], active: number): SeriesTotals => ({
    members: weeks.at(-1)!.members,
    joiners: weeks.reduce((t, w) => t + w.joiners, 0),
    leavers: weeks.reduce((t, w) => t + w.leavers, 0),
    active,
    posts: weeks.reduce((t, w) => t + w.posts, 0),
    replies: weeks.reduce((t, w) => t + w.replies, 0),
  });
  const previousWeeks = all.slice(0, n);
  const weeks = all.slice(n);
  return { weeks, previousWeeks, totals: sum(weeks, totals.current), previousTotals: sum(previousWeeks, totals.previous) };
}

/** The day after `day`: the first instant not in it. */
export const dayAfter = (day: Day) => addDays(day, 1);
