import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { posts } from "@/lib/db/schema";
import { publicPosts } from "@/lib/policy";
import { addDays, dayStarts, type Period } from "./period";

// The figures about questions and people, and the lists a facilitator acts on. Each reads one
// community through an index: questions by (community, asked), the feed's (community, latest
// activity) for what was written in the period, memberships by (community, status).

/** Members can read the post (published, not hidden, not deleted), for a post under this alias. */
const live = (name: string) => publicPosts(alias(posts, name));

export type QuestionFigures = { asked: number; accepted: number; medianHoursToFirstReply: number | null };

/** Questions asked in each period, how many have an accepted answer, and the median wait for a first reply. */
export async function questionFigures(db: Db, communityId: string, period: Period) {
  const rows = await selectRows<{ current: boolean; asked: number; accepted: number; median_seconds: number | null }>(
    db,
    sql`select q.created_at >= ${dayStarts(period.start)} as current, count(*)::int as asked,
        count(q.accepted_comment_id)::int as accepted,
        percentile_cont(0.5) within group (order by extract(epoch from q.first_reply_at - q.created_at))
          filter (where q.first_reply_at is not null) as median_seconds
      from posts q
      where q.community_id = ${communityId} and q.kind = 'question' and q.deleted_at is null and ${live("q")}
        and q.created_at >= ${dayStarts(period.previous.start)} and q.created_at < ${dayStarts(addDays(period.end, 1))}
      group by 1`,
  );
  const of = (current: boolean): QuestionFigures => {
    const row = rows.find((r) => r.current === current);
    const seconds = row?.median_seconds === null || row?.median_seconds === undefined ? null : Number(row.median_seconds);
    return { asked: row?.asked ?? 0, accepted: row?.accepted ?? 0, medianHoursToFirstReply: seconds === null ? null : Math.round((seconds / 3600) * 10) / 10 };
  };
  return { current: of(true), previous: of(false) };
}

export type UnansweredQuestion = { postId: string; title: string; askedAt: Date; authorName: string | null };

/** Questions asked in the period, more than three days before `asOf`, that nobody but the asker has replied to. Oldest first. */
export async function unansweredQuestions(db: Db, communityId: string, period: Period, limit: number) {
  const rows = await selectRows<{ id: string; title: string; created_at: string | Date; author_name: string | null; total: number }>(
    db,
    sql`select q.id, q.title, q.created_at, u.name as author_name, count(*) over ()::int as total
      from posts q left join users u on u.id = q.author_id
      where q.community_id = ${communityId} and q.kind = 'question' and q.deleted_at is null and ${live("q")}
        and q.first_reply_at is null
        and q.created_at >= ${dayStarts(period.start)} and q.created_at < ${period.asOf.toISOString()}::timestamptz - interval '3 days'
      order by q.created_at, q.id
      limit ${limit}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r): UnansweredQuestion => ({ postId: r.id, title: r.title, askedAt: new Date(r.created_at), authorName: r.author_name })),
  };
}

export type DormantMember = { userId: string; name: string; joinedAt: Date };

/** Members who joined before the period began and have not posted, replied or marked anything helpful here since. Longest-standing first. */
export async function dormantMembers(db: Db, communityId: string, period: Period, limit: number) {
  const rows = await selectRows<{ id: string; name: string; joined: string | Date; total: number }>(
    db,
    sql`select u.id, u.name, d.joined, d.total
      from (select m.user_id, coalesce(m.joined_at, m.created_at) as joined, count(*) over ()::int as total
        from memberships m
        where m.community_id = ${communityId} and m.status = 'active'
          and coalesce(m.joined_at, m.created_at) < ${dayStarts(period.start)}
          and not exists (select 1 from member_activity a
            where a.user_id = m.user_id and a.community_id = m.community_id and a.day >= roundtable_day(coalesce(m.joined_at, m.created_at)))
        order by joined, m.user_id
        limit ${limit}) d
      join users u on u.id = d.user_id
      order by d.joined, u.id`,
  );
  return { total: rows[0]?.total ?? 0, items: rows.map((r): DormantMember => ({ userId: r.id, name: r.name, joinedAt: new Date(r.joined) })) };
}

export type HelpfulContribution = { kind: "post" | "reply"; id: string; postId: string; title: string; excerpt: string; helpful: number; authorName: string | null; createdAt: Date };

/**
 * Posts and replies written in the period that members marked helpful most, among those
 * members can read. A reply moves its post's latest activity, so everything written in the
 * period sits on a post active in it: the feed's index finds them (read first, as its own step,
 * so the planner does not combine it with a scan of every post created in the period). Names
 * and excerpts are read for the rows shown only.
 */
export async function mostHelpful(db: Db, communityId: string, period: Period, limit: number) {
  const from = dayStarts(period.start);
  const to = dayStarts(addDays(period.end, 1));
  const rows = await selectRows<{ kind: "post" | "reply"; id: string; post_id: string; title: string; excerpt: string; helpful: number; author_name: string | null; created_at: string | Date }>(
    db,
    sql`with active as materialized (
        select p.id, p.title, p.helpful_count, p.author_id, p.created_at from posts p
        where p.community_id = ${communityId} and p.deleted_at is null and p.last_activity_at >= ${from} and ${live("p")}),
      best as (
        (select 'post' as kind, a.id, a.id as post_id, a.title, a.helpful_count as helpful, a.author_id, a.created_at from active a
          where a.created_at >= ${from} and a.created_at < ${to} and a.helpful_count > 0
          order by a.helpful_count desc, a.created_at desc limit ${limit})
        union all
        (select 'reply', c.id, a.id, a.title, c.helpful_count, c.author_id, c.created_at from active a join comments c on c.post_id = a.id
          where c.created_at >= ${from} and c.created_at < ${to} and c.hidden_at is null and c.deleted_at is null and c.helpful_count > 0
          order by c.helpful_count desc, c.created_at desc limit ${limit}))
      select b.kind, b.id, b.post_id, b.title, left(coalesce(bc.body_text, bp.body_text), 160) as excerpt, b.helpful, u.name as author_name, b.created_at
      from (select * from best order by helpful desc, created_at desc, id limit ${limit}) b
        left join posts bp on b.kind = 'post' and bp.id = b.id
        left join comments bc on b.kind = 'reply' and bc.id = b.id
        left join users u on u.id = b.author_id
      order by b.helpful desc, b.created_at desc, b.id`,
  );
  return rows.map(
    (r): HelpfulContribution => ({ kind: r.kind, id: r.id, postId: r.post_id, title: r.title, excerpt: r.excerpt, helpful: r.helpful, authorName: r.author_name, createdAt: new Date(r.created_at) }),
  );
}

export type Waiting = { requests: number; reports: number; pendingPosts: number };

/** What waits for a facilitator now: requests to join, open reports, posts awaiting approval. */
export async function waitingWork(db: Db, communityId: string): Promise<Waiting> {
  const [row] = await selectRows<Waiting>(
    db,
    sql`select
      (select count(*) from memberships where community_id = ${communityId} and status = 'pending')::int as requests,
      (select count(*) from reports where community_id = ${communityId} and status = 'open')::int as reports,
      (select count(*) from posts where community_id = ${communityId} and status = 'pending' and deleted_at is null)::int as "pendingPosts"`,
  );
  return row!;
}
