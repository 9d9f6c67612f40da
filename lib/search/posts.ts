import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { comments, posts, type PostKind } from "@/lib/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { visibleComments, visiblePosts, type Viewer } from "@/lib/policy";
import type { SearchQuery } from "./query";
import { HEADLINE_OPTIONS, snippetHtml } from "./snippet";

const sp = alias(posts, "sp");
const sc = alias(comments, "sc");

export type PostHit = {
  id: string;
  title: string;
  kind: PostKind;
  communitySlug: string;
  communityName: string;
  authorName: string | null;
  createdAt: Date;
  answered: boolean;
  commentCount: number;
  /** Safe HTML: escaped text with <mark> around the matches. */
  snippet: string;
  /** Set when the best match was in a reply rather than the post itself. */
  matchedCommentId: string | null;
  /** For an event: when it starts, and whether it was cancelled. Never its place or joining link. */
  event: { startsAt: Date; timeZone: string; cancelled: boolean } | null;
};

export type PostFacets = {
  total: number;
  /** True when there were more matches than were ranked: the counts are "more than". */
  capped: boolean;
  kinds: { kind: PostKind; count: number }[];
  communities: { slug: string; name: string; count: number }[];
  tags: { tag: string; count: number }[];
  answered: { yes: number; no: number };
};

/**
 * How many of the newest matching posts, and of the newest matching replies, are ranked.
 * Rare words match fewer than this, and every match is ranked. A very common word can match
 * a quarter of all posts; ranking them all would take seconds, so the best are chosen among
 * the newest, and the counts say "more than".
 *
 * Replies need fewer: a post's title and tags weigh more than its body, and a reply's words
 * weigh as body text and then count at 0.6, so a post found only through a reply ranks below
 * almost every post that itself holds the words. Walking back to the 400th matching reply
 * (some ten thousand replies for a common word) mostly added posts to the end of the list and
 * to the "more than" count; on the benchmark's common words the first page is the same.
 */
export const CANDIDATES = { posts: 400, replies: 100 };
export type Candidates = typeof CANDIDATES;

/**
 * PostgreSQL plans no parallel workers for a statement that calls a function marked parallel
 * unsafe; current_schema() is one (this condition is always true, and checked once). Left to
 * itself the planner splits the walk over the newest replies between workers, which on a busy
 * machine take longer to start than the walk takes (it stops at the hundredth match), read a
 * third more rows than needed, and take the cores the page's other statements run on.
 */
const withoutParallelWorkers = sql`coalesce(current_schema(), '') is not null`;

/** Filters on the post `sp`, from the search form. The community is already checked readable. */
function filters(q: SearchQuery, communityId: string | null): SQL {
  const parts: SQL[] = [sql`true`];
  if (communityId) parts.push(sql`sp.community_id in (select id from communities where id = ${communityId} or ${communityId} = any(ancestor_ids))`);
  if (q.kind) parts.push(sql`sp.kind = ${q.kind}`);
  if (q.author) parts.push(sql`sp.author_id = ${q.author}`);
  if (q.tag) parts.push(sql`${q.tag} = any(sp.tags)`);
  if (q.answered) parts.push(sql`sp.kind = 'question' and sp.accepted_comment_id is ${sql.raw(q.answered === "yes" ? "not null" : "null")}`);
  if (q.from) parts.push(sql`sp.created_at >= ${q.from.toISOString()}::timestamptz`);
  if (q.to) parts.push(sql`sp.created_at < ${q.to.toISOString()}::timestamptz + interval '1 day'`);
  return sql.join(parts, sql` and `);
}

/**
 * Every post the viewer may read that matches, in the post or in one of its visible replies,
 * with its best rank: `best`. The permission scope is part of the SQL; nothing is filtered later.
 */
function matches(viewer: Viewer, q: SearchQuery, communityId: string | null, candidates: Candidates): SQL {
  const scope = sql`${visiblePosts(viewer, sp)} and ${filters(q, communityId)}`;
  // The query is written out in each place, not taken from a CTE, so that the planner can
  // estimate how common the words are and choose between the GIN index (rare words) and
  // walking the newest rows until enough match (common words).
  const query = sql`websearch_to_tsquery('english', ${q.q})`;
  // Words that are all too common to index (stop words) make an empty query, which matches
  // nothing: without this test, the walk over the newest rows would read every one of them.
  const hasWords = sql`numnode(${query}) > 0`;
  // Each candidate carries the columns of its post that the page and the counts need, read
  // while the scope was checked, so no post is looked up a second time.
  const post = sql`sp.created_at, sp.kind, sp.community_id, sp.tags, sp.accepted_comment_id`;
  return sql`post_candidates as (
      select sp.id as post_id, null::uuid as comment_id, sp.search_vector, ${post} from posts sp
      where ${hasWords} and sp.search_vector @@ ${query} and ${scope}
      order by sp.created_at desc, sp.id desc limit ${candidates.posts}
    ),
    comment_candidates as (
      select sc.post_id, sc.id as comment_id, sc.search_vector, ${post} from comments sc join posts sp on sp.id = sc.post_id
      where ${hasWords} and sc.search_vector @@ ${query} and ${visibleComments(viewer, sc, sp.communityId)} and ${scope} and ${withoutParallelWorkers}
      order by sc.created_at desc, sc.id desc limit ${candidates.replies}
    ),
    hits as (
      select post_id, ts_rank_cd(search_vector, ${query}, 32) as rank, comment_id, created_at, kind, community_id, tags, accepted_comment_id from post_candidates
      union all
      select post_id, ts_rank_cd(search_vector, ${query}, 32) * 0.6, comment_id, created_at, kind, community_id, tags, accepted_comment_id from comment_candidates
    ),
    m as materialized (select distinct on (post_id) * from hits order by post_id, rank desc, comment_id nulls first)`;
}

type Row = {
  id: string | null;
  title: string;
  kind: PostKind;
  community_slug: string;
  community_name: string;
  author_name: string | null;
  created_at: Date | string;
  answered: boolean;
  comment_count: number;
  headline: string | null;
  matched_comment_id: string | null;
  event_starts_at: Date | string | null;
  event_time_zone: string | null;
  event_cancelled: boolean | null;
  key: string;
  facets: PostFacets | null;
  words: number;
};

/**
 * A page of matching posts, by relevance or newest, with the counts by kind, community, tag
 * and answer over all the matches, in one statement. Paged by keyset, so deep pages stay fast.
 */
export async function searchPosts(db: Db, viewer: Viewer, q: SearchQuery, communityId: string | null, candidates: Candidates = CANDIDATES) {
  const byNewest = q.sort === "newest";
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const keyset = !after
    ? sql`true`
    : byNewest
      ? sql`(m.created_at, m.post_id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
      : sql`(m.rank, m.post_id) < (${after[0]}::real, ${after[1]}::uuid)`;
  const order = byNewest ? sql`created_at desc, post_id desc` : sql`rank desc, post_id desc`;
  const facets = q.cursor
    ? sql`null::json`
    : sql`json_build_object(
        'total', (select count(*) from m),
        'capped', (select count(*) from post_candidates) >= ${candidates.posts} or (select count(*) from comment_candidates) >= ${candidates.replies},
        'kinds', coalesce((select json_agg(json_build_object('kind', kind, 'count', n) order by n desc) from (select kind, count(*) as n from m group by kind) k), '[]'::json),
        'communities', coalesce((select json_agg(json_build_object('slug', c.slug, 'name', c.name, 'count', n) order by n desc, c.name)
          from (select community_id, count(*) as n from m group by community_id order by count(*) desc limit 10) x join communities c on c.id = x.community_id), '[]'::json),
        'tags', coalesce((select json_agg(json_build_object('tag', tag, 'count', n) order by n desc, tag)
          from (select unnest(tags) as tag, count(*) as n from m group by 1 order by 2 desc, 1 limit 10) t), '[]'::json),
        'answered', json_build_object(
          'yes', (select count(*) from m where kind = 'question' and accepted_comment_id is not null),
          'no', (select count(*) from m where kind = 'question' and accepted_comment_id is null)))`;
  const rows = await selectRows<Row>(
    db,
    sql`with ${matches(viewer, q, communityId, candidates)},
      page as (
        select *, row_number() over (order by ${order}) as n from (
          select m.post_id, m.rank, m.comment_id, m.created_at,
            ${byNewest ? sql`m.created_at::text` : sql`m.rank::text`} as key
          from m where ${keyset}
          order by ${order}
          limit ${q.limit + 1}) ranked
      )
      select p.id, p.title, p.kind, c.slug as community_slug, c.name as community_name, u.name as author_name,
        p.created_at, p.accepted_comment_id is not null as answered, p.comment_count,
        /* The extra row only tells that there is a next page: it needs no snippet. */
        case when page.n <= ${q.limit} then ts_headline('english', coalesce(mc.body_text, p.body_text), websearch_to_tsquery('english', ${q.q}), ${HEADLINE_OPTIONS}) end as headline,
        page.comment_id as matched_comment_id, page.key, f.facets, f.words,
        e.starts_at as event_starts_at, e.time_zone as event_time_zone, e.cancelled_at is not null as event_cancelled
      from (select ${facets} as facets, numnode(websearch_to_tsquery('english', ${q.q})) as words) f
      left join page on true
      left join posts p on p.id = page.post_id
      left join communities c on c.id = p.community_id
      left join users u on u.id = p.author_id
      left join comments mc on mc.id = page.comment_id
      left join events e on e.id = p.id
      order by ${byNewest ? sql`page.created_at desc, page.post_id desc` : sql`page.rank desc, page.post_id desc`}`,
  );
  const found = rows.filter((r) => r.id !== null);
  const more = found.length > q.limit;
  const items = (more ? found.slice(0, q.limit) : found).map(
    (r): PostHit => ({
      id: r.id!,
      title: r.title,
      kind: r.kind,
      communitySlug: r.community_slug,
      communityName: r.community_name,
      authorName: r.author_name,
      createdAt: new Date(r.created_at),
      answered: r.answered,
      commentCount: r.comment_count,
      snippet: snippetHtml(r.headline),
      matchedCommentId: r.matched_comment_id,
      event: r.event_starts_at ? { startsAt: new Date(r.event_starts_at), timeZone: r.event_time_zone!, cancelled: Boolean(r.event_cancelled) } : null,
    }),
  );
  const last = items.length ? found[items.length - 1] : undefined;
  const facetRow = rows[0]?.facets;
  return {
    items,
    nextCursor: more && last ? encodeCursor([last.key, last.id!]) : null,
    facets: facetRow ? { ...facetRow, total: Number(facetRow.total) } : null,
    /** How many words and operators the query kept: none when every word was too common to index. */
    words: Number(rows[0]?.words ?? 0),
  };
}
