import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { addDays, dayStarts, type Period, type Week } from "./period";

// Document figures for one community, as the other figures are: its own library only, and
// only documents members can read now (not deleted). The community's documents come from
// documents_community_updated_idx; their versions and comments in a period from
// (document, created) indexes on document_revisions and document_comments.

export type DocumentTotals = { started: number; edits: number; editors: number; comments: number };
export type DocumentWeek = Week & Omit<DocumentTotals, "editors">;

const none = (): DocumentTotals => ({ started: 0, edits: 0, editors: 0, comments: 0 });

/**
 * Every version saved and comment made on the community's documents from `from` to the end of
 * the period: `started` is a document's first version, `edit` any later one.
 */
const happenings = (communityId: string, from: string, period: Period) => sql`
  select d.id as document_id, case when r.number = 1 then 'started' else 'edit' end as kind, r.author_id as who, r.created_at as at
    from documents d join document_revisions r on r.document_id = d.id
    where d.community_id = ${communityId} and d.deleted_at is null
      and r.created_at >= ${dayStarts(from)} and r.created_at < ${dayStarts(addDays(period.end, 1))}
  union all
  select d.id, 'comment', c.author_id, c.created_at
    from documents d join document_comments c on c.document_id = d.id
    where d.community_id = ${communityId} and d.deleted_at is null and c.deleted_at is null
      and c.created_at >= ${dayStarts(from)} and c.created_at < ${dayStarts(addDays(period.end, 1))}`;

/** Documents started, edits, editors and comments, week by week and in each period. */
export async function documentFigures(db: Db, communityId: string, period: Period) {
  const from = period.previous.start;
  const rows = await selectRows<DocumentTotals & { week: number | null; current: boolean | null }>(
    db,
    sql`select week, current,
        count(*) filter (where kind = 'started')::int as started,
        count(*) filter (where kind = 'edit')::int as edits,
        count(distinct who) filter (where kind <> 'comment')::int as editors,
        count(*) filter (where kind = 'comment')::int as comments
      from (select (roundtable_day(at) - ${from}::date) / 7 as week, at >= ${dayStarts(period.start)} as current, kind, who
        from (${happenings(communityId, from, period)}) h) w
      group by grouping sets ((week), (current))`,
  );
  const weeks: DocumentWeek[] = [...period.previous.weeks, ...period.weeks].map((w) => ({ ...w, started: 0, edits: 0, comments: 0 }));
  const totals = { current: none(), previous: none() };
  for (const { week, current, ...figures } of rows) {
    if (week !== null && weeks[week]) {
      const { editors: _e, ...perWeek } = figures;
      Object.assign(weeks[week]!, perWeek);
    }
    if (current !== null) totals[current ? "current" : "previous"] = figures;
  }
  return { weeks: weeks.slice(period.weeks.length), ...totals };
}

export type ActiveDocument = { documentId: string; title: string; edits: number; comments: number; editors: number };

/** The documents with the most versions saved and comments made during the period. */
export async function mostActiveDocuments(db: Db, communityId: string, period: Period, limit: number) {
  const rows = await selectRows<{ id: string; title: string; edits: number; comments: number; editors: number }>(
    db,
    sql`select d.id, d.title, a.edits, a.comments, a.editors
      from (select document_id, count(*) filter (where kind <> 'comment')::int as edits, count(*) filter (where kind = 'comment')::int as comments,
          count(distinct who) filter (where kind <> 'comment')::int as editors
        from (${happenings(communityId, period.start, period)}) h group by document_id) a
      join documents d on d.id = a.document_id
      order by a.edits + a.comments desc, d.title, d.id
      limit ${limit}`,
  );
  return rows.map((r): ActiveDocument => ({ documentId: r.id, title: r.title, edits: r.edits, comments: r.comments, editors: r.editors }));
}

/** How long without a new version or a comment makes a document untouched. */
export const UNTOUCHED_DAYS = 90;

export type UntouchedDocument = { documentId: string; title: string; updatedAt: Date };

/** Documents nobody has saved a version of or commented on for 90 days. Longest untouched first. */
export async function untouchedDocuments(db: Db, communityId: string, asOf: Date, limit: number) {
  const cutoff = sql`${asOf.toISOString()}::timestamptz - make_interval(days => ${UNTOUCHED_DAYS})`;
  const rows = await selectRows<{ id: string; title: string; updated_at: string | Date; total: number }>(
    db,
    sql`select d.id, d.title, d.updated_at, count(*) over ()::int as total
      from documents d
      where d.community_id = ${communityId} and d.deleted_at is null and d.updated_at < ${cutoff}
        and not exists (select 1 from document_comments c where c.document_id = d.id and c.created_at >= ${cutoff} and c.deleted_at is null)
      order by d.updated_at, d.id
      limit ${limit}`,
  );
  return { total: rows[0]?.total ?? 0, items: rows.map((r): UntouchedDocument => ({ documentId: r.id, title: r.title, updatedAt: new Date(r.updated_at) })) };
}
