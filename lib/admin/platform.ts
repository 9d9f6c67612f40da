import { sql } from "drizzle-orm";
import type { Comparison } from "@/lib/analytics/community";
import { addDays, dayStarts, periodOf, periodSchema } from "@/lib/analytics/period";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { authorize, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { QUIET_DAYS } from "./communities";

// Figures for the whole platform, for site admins: the period against the one before, from
// the rolled-up tables read by day (community_activity_daily, member_activity) and the
// creation-date indexes of people and communities.

export async function getPlatformFigures(viewer: Viewer, input: unknown, now = new Date()) {
  authorize(viewer, "site.administer", {});
  const { period: key } = parseInput(periodSchema, input ?? {});
  const period = periodOf(key, now);
  const db = await getDb();
  const from = period.previous.start;
  const start = period.start;
  const to = period.end;
  const [[people], [places], activity, active] = await Promise.all([
    selectRows<{ total: number; suspended: number; unverified: number; joined_now: number; joined_before: number }>(
      db,
      sql`select (select count(*) from users)::int as total,
        (select count(*) from users where status = 'suspended')::int as suspended,
        (select count(*) from users where email_verified is null)::int as unverified,
        (select count(*) from users where created_at >= ${dayStarts(start)} and created_at < ${dayStarts(addDays(to, 1))})::int as joined_now,
        (select count(*) from users where created_at >= ${dayStarts(from)} and created_at < ${dayStarts(start)})::int as joined_before`,
    ),
    selectRows<{ total: number; archived: number; quiet: number; new_now: number; new_before: number }>(
      db,
      sql`select (select count(*) from communities)::int as total,
        (select count(*) from communities where archived_at is not null)::int as archived,
        (select count(*) from communities where last_activity_at < ${now.toISOString()}::timestamptz - make_interval(days => ${QUIET_DAYS}))::int as quiet,
        (select count(*) from communities where created_at >= ${dayStarts(start)} and created_at < ${dayStarts(addDays(to, 1))})::int as new_now,
        (select count(*) from communities where created_at >= ${dayStarts(from)} and created_at < ${dayStarts(start)})::int as new_before`,
    ),
    selectRows<{ current: boolean; posts: number; replies: number }>(
      db,
      sql`select day >= ${start}::date as current, sum(posts)::int as posts, sum(replies)::int as replies
        from community_activity_daily where day between ${from}::date and ${to}::date group by 1`,
    ),
    selectRows<{ current: boolean; people: number }>(
      db,
      sql`select day >= ${start}::date as current, count(distinct user_id)::int as people
        from member_activity where day between ${from}::date and ${to}::date group by 1`,
    ),
  ]);
  const pick = <T extends { current: boolean }>(rows: T[], field: keyof T) => (current: boolean) => Number(rows.find((r) => r.current === current)?.[field] ?? 0);
  const pair = (of: (current: boolean) => number): Comparison => ({ current: of(true), previous: of(false) });
  return {
    period,
    now: { people: people!.total, suspended: people!.suspended, unverified: people!.unverified, communities: places!.total, archived: places!.archived, quiet: places!.quiet },
    compared: {
      newPeople: { current: people!.joined_now, previous: people!.joined_before },
      newCommunities: { current: places!.new_now, previous: places!.new_before },
      posts: pair(pick(activity, "posts")),
      replies: pair(pick(activity, "replies")),
      active: pair(pick(active, "people")),
    },
  };
}

export const platformLabels = {
  newPeople: ["New accounts", "Accounts created during the period."],
  newCommunities: ["New communities", "Communities started during the period."],
  posts: ["Posts", "Posts written during the period that members can read now, in every community."],
  replies: ["Replies", "Replies written during the period that members can read now, in every community."],
  active: ["Active people", "Different people who started a post, replied or marked something helpful anywhere during the period."],
} as const;
