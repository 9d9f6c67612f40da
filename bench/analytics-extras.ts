import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";

// Events and documents for the analytics benchmark, which the bulk data does not make: added
// to one community with set-based SQL, every row recognisable by its title, and removed again
// afterwards. Event posts have no author, so that no "who took part" fact is written (those are
// only ever added); the post and daily counters the triggers move on insert they move back on delete.

const EVENT = "Analytics bench event";
const DOCUMENT = "Analytics bench document";

export type ExtrasSize = { events: number; documents: number };

/** Removes whatever an earlier run left, then adds `events` past events (a dozen more to come) and `documents` documents. */
export async function addExtras(db: Db, communityId: string, size: ExtrasSize) {
  await removeExtras(db, communityId);
  const [{ n: members } = { n: 0 }] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from memberships where community_id = ${communityId} and status = 'active'`);
  const people = sql`(select array_agg(user_id order by user_id) from (select user_id from memberships where community_id = ${communityId} and status = 'active' order by user_id limit 5000) m)`;
  await db.transaction(async (tx) => {
    // Past events every few days over two years, and twelve in the next four weeks.
    await tx.execute(sql`insert into posts (community_id, author_id, title, body_text, kind, created_at, last_activity_at)
      select ${communityId}, null, ${EVENT} || ' ' || g, 'An event made for the benchmark.', 'event',
        now() - make_interval(days => (g * 730 / ${size.events}) + 14), now() - make_interval(days => (g * 730 / ${size.events}) + 14)
      from generate_series(1, ${size.events + 12}) g`);
    await tx.execute(sql`insert into events (id, community_id, starts_at, ends_at, capacity, cancelled_at)
      select p.id, p.community_id, t.starts, t.starts + interval '2 hours', case when n % 4 = 0 then 40 end, case when n % 15 = 0 then p.created_at end
      from posts p cross join lateral (select split_part(p.title, ' ', 4)::int as n) k
        cross join lateral (select case when n <= ${size.events} then now() - make_interval(days => n * 730 / ${size.events}, hours => 3)
          else now() + make_interval(days => (n - ${size.events}) * 2) end as starts) t
      where p.community_id = ${communityId} and p.kind = 'event' and p.author_id is null and p.title like ${EVENT + " %"}`);
    // 20 to 80 answers to each event from the community's members: mostly going.
    await tx.execute(sql`insert into event_rsvps (event_id, user_id, response, queue_position, responded_at)
      select e.id, (${people})[1 + ((k.n * 37 + a) % least(${members}, 5000))],
        (array['going','going','going','maybe','not_going','going','maybe','waiting'])[1 + (a + k.n) % 8]::rsvp_response, a, e.starts_at - interval '3 days'
      from events e join posts p on p.id = e.id cross join lateral (select split_part(p.title, ' ', 4)::int as n) k
        cross join generate_series(1, 20 + (k.n * 7) % 61) a
      where e.community_id = ${communityId} and p.title like ${EVENT + " %"} and e.starts_at < now()
      on conflict do nothing`);
    await tx.execute(sql`update events e set going_count = c.going, maybe_count = c.maybe, waiting_count = c.waiting
      from (select event_id, count(*) filter (where response = 'going')::int as going, count(*) filter (where response = 'maybe')::int as maybe,
          count(*) filter (where response = 'waiting')::int as waiting from event_rsvps group by event_id) c
      where c.event_id = e.id and e.community_id = ${communityId}`);
    // Documents started over two years, each with 1 to 12 versions and 0 to 7 comments since.
    await tx.execute(sql`insert into documents (community_id, owner_id, title, body_text, revision_count, created_at, updated_at)
      select ${communityId}, (${people})[1 + (g * 13) % least(${members}, 5000)], ${DOCUMENT} || ' ' || g, 'Text', 1 + g % 12,
        now() - make_interval(days => 1 + (g * 730 / ${size.documents})), now() - make_interval(days => 1 + (g * 730 / ${size.documents})) + make_interval(days => (g % 12) * (g * 730 / ${size.documents}) / 13)
      from generate_series(1, ${size.documents}) g`);
    await tx.execute(sql`insert into document_revisions (document_id, number, author_id, title, body_html, body_text, created_at)
      select d.id, v, (${people})[1 + (v * 31 + length(d.title)) % least(${members}, 5000)], d.title, '<p>Text</p>', 'Text',
        d.created_at + (d.updated_at - d.created_at) * (v - 1) / greatest(d.revision_count - 1, 1)
      from documents d cross join generate_series(1, d.revision_count) v
      where d.community_id = ${communityId} and d.title like ${DOCUMENT + " %"}`);
    await tx.execute(sql`insert into document_comments (document_id, author_id, body_html, body_text, revision_number, created_at)
      select d.id, (${people})[1 + (c * 17 + length(d.title)) % least(${members}, 5000)], '<p>A thought</p>', 'A thought', 1,
        d.created_at + (now() - d.created_at) * c / 8
      from documents d cross join generate_series(1, d.revision_count % 8) c
      where d.community_id = ${communityId} and d.title like ${DOCUMENT + " %"}`);
  });
}

/** How many events, answers, documents, versions and comments a community has. */
export async function countExtras(db: Db, communityId: string) {
  const [made] = await selectRows<{ events: number; rsvps: number; documents: number; revisions: number; comments: number }>(
    db,
    sql`select (select count(*) from events where community_id = ${communityId})::int as events,
      (select count(*) from event_rsvps r join events e on e.id = r.event_id where e.community_id = ${communityId})::int as rsvps,
      (select count(*) from documents where community_id = ${communityId})::int as documents,
      (select count(*) from document_revisions r join documents d on d.id = r.document_id where d.community_id = ${communityId})::int as revisions,
      (select count(*) from document_comments c join documents d on d.id = c.document_id where d.community_id = ${communityId})::int as comments`,
  );
  return made!;
}

/**
 * Deleting a version makes PostgreSQL look for documents that name it as their newest. Unless the
 * database has documents_head_revision_idx (a later migration than some benchmark databases), that
 * is a scan of every document for each version deleted; the clean-up builds an index for its own
 * transaction then, and drops it again.
 */
export async function removeExtras(db: Db, communityId: string) {
  await db.transaction(async (tx) => {
    const [{ has } = { has: false }] = await selectRows<{ has: boolean }>(tx, sql`select to_regclass('documents_head_revision_idx') is not null as has`);
    if (!has) await tx.execute(sql`create index bench_cleanup_head_revision_idx on documents (head_revision_id)`);
    await tx.execute(sql`delete from posts where community_id = ${communityId} and kind = 'event' and author_id is null and title like ${EVENT + " %"}`);
    await tx.execute(sql`delete from documents where community_id = ${communityId} and title like ${DOCUMENT + " %"}`);
    if (!has) await tx.execute(sql`drop index bench_cleanup_head_revision_idx`);
  });
}
