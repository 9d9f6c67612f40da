// npm run bench:data -- --scale small|large [--reset] [--seed 42] [--anchor <ISO time>] [--no-vacuum]
// Fills the Postgres in DATABASE_URL with benchmark data, fast: text is made in Node once
// (realistic sentences about council work), then Postgres builds the rows itself with large
// INSERT ... SELECT statements. The rows satisfy every constraint, and the counters agree.
//
// Deterministic: every choice follows from the seed (ids included), and every time is an offset
// from the anchor (by default the moment generation starts). The same seed and scale give the
// same rows, shifted in time; the same seed, scale and anchor give identical rows. The seed,
// anchor and a fingerprint of the rows are kept in the table bench_meta, and every results
// file prints them.
//
// At the end the tables are vacuumed, frozen and analysed, as a live database's settled rows
// are: without it the first readers write hint bits, no page is marked all-visible (so every
// index-only scan still visits the heap) and autovacuum races the benchmark. `--no-vacuum`
// leaves the tables as the bulk load left them, to study that state.
import { fakerEN_GB as faker } from "@faker-js/faker";
import { SingleBar } from "cli-progress";
import pg from "pg";
import { closeDb, getDbHandle } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { jobTitles, places, serviceAreas, communityForms, regions, purposeForms, councilKinds } from "@/lib/seed/vocabulary";
import { paragraph, title } from "@/lib/seed/text";
import { hashPassword } from "@/lib/users/password";
import { fingerprintRows, writeMeta } from "./db-state";
import { BENCH_PASSWORD, benchAccounts, RARE_PHRASE, scales, type Scale } from "./scales";

const args = process.argv.slice(2);
const scaleName = args[args.indexOf("--scale") + 1] ?? "small";
const scale = scales[scaleName];
if (!scale || args.indexOf("--scale") < 0) {
  console.error(`Usage: npm run bench:data -- --scale ${Object.keys(scales).join("|")} [--reset]`);
  process.exit(2);
}
const seed = Number(args.includes("--seed") ? args[args.indexOf("--seed") + 1] : 42);
const anchor = args.includes("--anchor") ? new Date(args[args.indexOf("--anchor") + 1]!) : new Date();
if (!Number.isInteger(seed) || Number.isNaN(anchor.getTime())) {
  console.error("--seed takes a whole number and --anchor an ISO date-time.");
  process.exit(2);
}
const vacuum = !args.includes("--no-vacuum");
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to an empty PostgreSQL database first. The benchmark does not run on the embedded database.");
  process.exit(2);
}

const steps = [
  "migrate", "text pools", "users", "communities", "memberships", "posts", "comments",
  "answers, reactions and reports", "counters", "analytics", "time order", "indexes", "vacuum, freeze and analyse", "fingerprint",
];
const bar = new SingleBar({
  format: "{bar} {percentage}% | {value}/{total} steps | {step} | {duration}s",
  hideCursor: true,
  noTTYOutput: true,
  notTTYSchedule: 10_000,
});
const started = Date.now();
const timings: Record<string, number> = {};

async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  bar.update({ step: name });
  const t = Date.now();
  const result = await work();
  timings[name] = (Date.now() - t) / 1000;
  bar.increment(1, { step: name });
  return result;
}

bar.start(steps.length, 0, { step: "starting" });
const handle = await getDbHandle();
await step("migrate", () => migrate(handle));
await closeDb();

const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query("set maintenance_work_mem = '1GB'; set synchronous_commit = off; set work_mem = '256MB'");
// Every id and time below comes from these two functions, so the rows follow from the seed and
// the anchor alone. bench_id() gives a uuid shaped as version 4, as the app's validation expects.
await client.query(
  `create function pg_temp.bench_id(k text) returns uuid language sql immutable as $$
     select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid from md5('${seed}:' || k) h $$;
   create function pg_temp.bench_now() returns timestamptz language sql immutable as $$ select '${anchor.toISOString()}'::timestamptz $$`,
);
const { rows: existing } = await client.query<{ n: number }>("select count(*)::int as n from communities");
if (existing[0]!.n > 0) {
  if (!args.includes("--reset")) {
    bar.stop();
    console.error("The database already has data. Use --reset to empty it first.");
    process.exit(1);
  }
  await client.query("truncate users, communities, audit_log, rate_limit_gates, rate_limit_counters, dev_outbox cascade");
}
const analyticsTables = ["posts", "comments", "memberships", "post_reactions", "comment_reactions"];
for (const table of analyticsTables) await client.query(`alter table ${table} disable trigger user`);
// Written again at the end: a run that stops half way leaves no claim about its rows.
await client.query("drop table if exists bench_meta");

faker.seed(seed);
await step("text pools", () => textPools(scale));
await step("users", () => users(scale));
await step("communities", () => communities(scale));
await step("memberships", () => memberships(scale));
const searchIndexes = await dropSearchIndexes();
await step("posts", () => posts(scale));
await step("comments", () => comments(scale));
await step("answers, reactions and reports", () => extras());
await step("counters", () => counters());
// The analytics triggers were off for the bulk load (row by row they would multiply its time):
// the rolled-up tables are built from the rows in one pass, as the migration does.
await step("analytics", async () => {
  for (const table of analyticsTables) await client.query(`alter table ${table} enable trigger user`);
  await client.query("select roundtable_recount()");
});
// A live database appends rows as they are written, so its tables lie in time order. Lay the
// generated rows out the same way, or every "newest first" scan pays for random reads.
await step("time order", () => client.query("cluster posts using posts_created_idx; cluster comments using comments_created_idx"));
await step("indexes", () => recreate(searchIndexes));
await step("vacuum, freeze and analyse", async () => {
  await client.query("drop table if exists bench_paragraphs, bench_titles, bench_members, bench_users");
  // VACUUM cannot share a query string (an implicit transaction) with anything else.
  await client.query(vacuum ? "vacuum (freeze, analyze)" : "analyze");
  // A table can come out of that pass with pages not yet marked all-visible (seen on
  // post_reactions at small scale): vacuum those again, until none is left or three passes.
  for (let pass = 0; vacuum && pass < 3; pass++) {
    const { rows } = await client.query<{ relname: string }>(
      "select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace and relpages > 0 and relallvisible < relpages",
    );
    for (const { relname } of rows) await client.query(`vacuum (freeze) "${relname}"`);
    if (rows.length === 0) break;
  }
  await client.query("checkpoint");
});
// Reading every row sets hint bits, so the fingerprint would disturb the state --no-vacuum keeps.
const fingerprint = await step("fingerprint", async () => (vacuum ? fingerprintRows(client, anchor) : "not computed (--no-vacuum)"));
bar.stop();
const seconds = Math.round((Date.now() - started) / 1000);
await writeMeta(client, { scale: scaleName, seed, anchor, fingerprint, seconds, vacuumed: vacuum });

const { rows: totals } = await client.query(`select
  (select count(*) from users)::int as users, (select count(*) from communities)::int as communities,
  (select count(*) from memberships)::int as memberships, (select count(*) from posts)::int as posts,
  (select count(*) from comments)::int as comments, (select count(*) from post_reactions)::int as reactions`);
console.log(`\n${scaleName}: ${JSON.stringify(totals[0])} in ${seconds} s`);
console.log(`seed ${seed}, anchor ${anchor.toISOString()}, fingerprint ${fingerprint}${vacuum ? "" : ", not vacuumed"}`);
console.log(Object.entries(timings).map(([k, v]) => `  ${k}: ${v.toFixed(1)} s`).join("\n"));
await client.end();

async function insertRows(table: string, columns: string[], rows: unknown[][]) {
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    const values = batch.map((row, r) => `(${row.map((_, c) => `$${r * row.length + c + 1}`).join(", ")})`).join(", ");
    await client.query(`insert into ${table} (${columns.join(", ")}) values ${values}`, batch.flat());
  }
}

/** Sentences and titles made once in Node, which Postgres then combines into millions of posts. */
async function textPools(s: Scale) {
  await client.query("drop table if exists bench_paragraphs, bench_titles; create unlogged table bench_paragraphs (id int primary key, area text, body text); create unlogged table bench_titles (id int primary key, title text)");
  const paragraphs = Array.from({ length: s.paragraphPool }, (_, i) => {
    const area = serviceAreas[i % serviceAreas.length]!;
    return [i, area, paragraph(faker, area)];
  });
  await insertRows("bench_paragraphs", ["id", "area", "body"], paragraphs);
  const titles = Array.from({ length: Math.max(1000, s.paragraphPool / 4) }, (_, i) => [i, title(faker, serviceAreas[i % serviceAreas.length]!)]);
  await insertRows("bench_titles", ["id", "title"], titles);
}

async function users(s: Scale) {
  const first = Array.from({ length: 400 }, () => faker.person.firstName());
  const last = Array.from({ length: 600 }, () => faker.person.lastName());
  const orgs = places.flatMap((p) => councilKinds.map((k) => `${p} ${k}`));
  await client.query(
    `insert into users (id, name, email, job_title, organisation, created_at, email_verified)
     select pg_temp.bench_id('user:' || n), f.name || ' ' || l.name, 'bench' || n || '@' || lower(replace(split_part(o.name, ' ', 1), '''', '')) || '.example.gov.uk',
       ($3::text[])[(n % array_length($3::text[], 1)) + 1], o.name, pg_temp.bench_now() - (n % 1800) * interval '1 day', pg_temp.bench_now()
     from generate_series(1, $4::int) n
     join lateral (select ($1::text[])[(n * 7 % array_length($1::text[], 1)) + 1] as name) f on true
     join lateral (select ($2::text[])[(n * 13 % array_length($2::text[], 1)) + 1] as name) l on true
     join lateral (select ($5::text[])[(n * 3 % array_length($5::text[], 1)) + 1] as name) o on true`,
    [first, last, jobTitles, s.users, orgs],
  );
  const hash = await hashPassword(BENCH_PASSWORD);
  await client.query(
    `insert into users (id, name, email, password_hash, job_title, organisation, created_at, email_verified) values
      (pg_temp.bench_id('member'), 'Bench Member', $1, $3, 'Performance Officer', 'Brackenford District Council', pg_temp.bench_now() - interval '2 years', pg_temp.bench_now()),
      (pg_temp.bench_id('writer'), 'Bench Writer', $2, $3, 'Policy Officer', 'Castlemere Borough Council', pg_temp.bench_now() - interval '2 years', pg_temp.bench_now()),
      (pg_temp.bench_id('facilitator'), 'Bench Facilitator', $4, $3, 'Engagement Lead', 'Castlemere Borough Council', pg_temp.bench_now() - interval '2 years', pg_temp.bench_now())`,
    [benchAccounts.member, benchAccounts.writer, hash, benchAccounts.facilitator],
  );
  await client.query("drop table if exists bench_users; create unlogged table bench_users as select row_number() over (order by id) as n, id from users where email not like 'bench.%'; create index on bench_users (n)");
}

/** Communities: a few giants, then a power law; a third nested, never more open than their parent. */
async function communities(s: Scale) {
  type Row = { id: string; slug: string; name: string; purpose: string; visibility: string; parent: number | null; depth: number; size: number };
  const rows: Row[] = [];
  const used = new Set<string>();
  for (let i = 0; i < s.communities; i++) {
    const area = serviceAreas[i % serviceAreas.length]!;
    let name = faker.helpers.arrayElement(communityForms)(area, faker.helpers.arrayElement(regions));
    if (used.has(name)) name = `${name} ${Math.floor(i / 100) + 2}`;
    if (used.has(name)) name = `${name} (${i})`;
    used.add(name);
    const giant = i < s.giants;
    const size = giant ? s.giantSize : Math.max(5, Math.min(2000, Math.round(5 / Math.pow(faker.number.float({ min: 0.001, max: 1 }), 1 / 1.4))));
    const roll = faker.number.float();
    let visibility = giant ? "open" : roll < 0.85 ? "open" : roll < 0.95 ? "restricted" : "private";
    let parent: number | null = null;
    let depth = 1;
    if (!giant && i > s.communities * 0.4 && faker.number.float() < 0.5) {
      const candidates = [Math.floor(faker.number.float() * (i - 1))];
      const p = rows[candidates[0]!]!;
      if (p.depth < 3) {
        parent = candidates[0]!;
        depth = p.depth + 1;
        const rank = { open: 0, restricted: 1, private: 2 } as Record<string, number>;
        if (rank[visibility]! < rank[p.visibility]!) visibility = p.visibility;
      }
    }
    const finalSize = parent === null ? size : Math.max(3, Math.min(size, Math.floor(rows[parent]!.size / 2)));
    rows.push({
      id: faker.string.uuid(),
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 50)}-${i}`,
      name,
      purpose: faker.helpers.arrayElement(purposeForms)(area),
      visibility,
      parent,
      depth,
      size: finalSize,
    });
  }
  const data = rows.map((r) => {
    const ancestors: string[] = [];
    for (let p = r.parent; p !== null; p = rows[p]!.parent) ancestors.unshift(rows[p]!.id);
    return [r.id, r.slug, r.name, r.purpose, r.visibility, r.parent === null ? null : rows[r.parent]!.id, `{${ancestors.join(",")}}`, r.depth, r.size];
  });
  await client.query("drop table if exists bench_sizes; create unlogged table bench_sizes (id uuid primary key, size int)");
  await insertRows("communities", ["id", "slug", "name", "purpose", "visibility", "parent_id", "ancestor_ids", "depth", "created_at"], data.map((d) => [...d.slice(0, 8), faker.date.past({ years: 5, refDate: anchor })]));
  await insertRows("bench_sizes", ["id", "size"], data.map((d) => [d[0], d[8]]));
}

/**
 * Members for each community: top-level ones draw distinct people by a stride through all
 * users; sub-communities draw from their parent's members, as the rules require. The first
 * member owns it and the next two facilitate.
 */
async function memberships(s: Scale) {
  const total = s.users;
  for (let depth = 1; depth <= 3; depth++) {
    await client.query(
      depth === 1
        ? `insert into memberships (community_id, user_id, role, status, joined_at, created_at, updated_at)
           select c.id, u.id, case when k = 1 then 'owner' when k <= 3 then 'facilitator' else 'member' end::membership_role, 'active', j.at, j.at, j.at
           from communities c join bench_sizes b on b.id = c.id
           cross join lateral generate_series(1, least(b.size, $1::int)) k
           cross join lateral (select c.created_at + (k % 300) * interval '1 day' as at) j
           join bench_users u on u.n = 1 + (((hashtext(c.id::text) & 2147483647) + k::bigint * 7919) % $1::int)
           where c.depth = 1`
        : `insert into memberships (community_id, user_id, role, status, joined_at, created_at, updated_at)
           select c.id, pm.user_id, case when pm.k = 1 then 'owner' when pm.k <= 3 then 'facilitator' else 'member' end::membership_role, 'active', c.created_at, c.created_at, c.created_at
           from communities c join bench_sizes b on b.id = c.id
           cross join lateral (select m.user_id, row_number() over (order by m.user_id) as k from memberships m
             where m.community_id = c.parent_id and m.status = 'active' order by m.user_id limit b.size) pm
           where c.depth = ${depth}`,
      depth === 1 ? [total] : [],
    );
  }
  // The benchmark's accounts: a member of the largest communities and of a few small ones.
  await client.query(
    `insert into memberships (community_id, user_id, role, status, joined_at, created_at, updated_at)
     select c.id, u.id, 'member', 'active', t.at, t.at, t.at from users u
     cross join (select pg_temp.bench_now() - interval '1 year' as at) t
     cross join (
       (select id from communities where depth = 1 and visibility = 'open' order by (select size from bench_sizes b where b.id = communities.id) desc limit 3)
       union (select id from communities where depth = 1 and visibility = 'open' order by (select size from bench_sizes b where b.id = communities.id) asc, id limit 3)) c
     where u.email like 'bench.%@example.gov.uk'
     on conflict do nothing`,
  );
  await client.query("update memberships set role = 'facilitator' where user_id = (select id from users where email = $1)", [benchAccounts.facilitator]);
  await client.query("drop table if exists bench_members; create unlogged table bench_members as select community_id, array_agg(user_id order by user_id) as members from memberships where status = 'active' group by community_id; alter table bench_members add primary key (community_id)");
}

/**
 * Secondary indexes are dropped while rows pour in and built again at the end, which is much
 * faster. Their definitions are kept in a table first, so a run that stops half way can be
 * resumed by the next one without losing an index.
 */
async function dropSearchIndexes() {
  const names = ["posts_search_idx", "comments_search_idx", "posts_tags_idx", "comments_author_idx", "posts_author_idx", "comments_reply_to_idx"];
  await client.query("create table if not exists bench_index_definitions (name text primary key, definition text not null)");
  await client.query(
    "insert into bench_index_definitions select indexname, indexdef from pg_indexes where indexname = any($1) on conflict do nothing",
    [names],
  );
  for (const name of names) await client.query(`drop index if exists ${name}`);
  const { rows } = await client.query<{ definition: string }>("select definition from bench_index_definitions");
  return rows.map((r) => r.definition);
}

async function recreate(definitions: string[]) {
  for (const definition of definitions) await client.query(definition.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS "));
  await client.query("drop table bench_index_definitions");
}

/** Posts, shared among communities by size, over five years, with bodies of one to four paragraphs. */
async function posts(s: Scale) {
  const paragraphs = s.paragraphPool;
  await client.query(
    `insert into posts (id, community_id, author_id, kind, title, body_html, body_text, tags, created_at, last_activity_at)
     select pg_temp.bench_id('post:' || a.id || ':' || i), a.id, m.members[1 + ((hashtext(a.id::text || i) & 2147483647) % cardinality(m.members))],
       (case when i % 20 < 11 then 'discussion' when i % 20 < 18 then 'question' else 'article' end)::post_kind,
       t.title,
       '<p>' || p1.body || '</p>' || case when i % 4 >= 1 then '<p>' || p2.body || '</p>' else '' end || case when i % 4 >= 2 then '<p>' || p3.body || '</p>' else '' end,
       p1.body || case when i % 4 >= 1 then E'\\n' || p2.body else '' end || case when i % 4 >= 2 then E'\\n' || p3.body else '' end,
       case when i % 3 = 0 then array[lower(replace(p1.area, ' ', '-'))] when i % 5 = 0 then array['performance', 'data'] else '{}' end,
       t_at, t_at
     from (select c.id, b.size, greatest(1, round($1::numeric * power(b.size, 0.9) / sum(power(b.size, 0.9)) over ()))::int as n
           from communities c join bench_sizes b on b.id = c.id) a
     join bench_members m on m.community_id = a.id
     cross join lateral generate_series(1, a.n) i
     join bench_titles t on t.id = ((hashtext(a.id::text) & 2147483647) + i::bigint * 31) % (select count(*) from bench_titles)
     join bench_paragraphs p1 on p1.id = ((hashtext(a.id::text) & 2147483647) + i::bigint * 7919) % $2
     join bench_paragraphs p2 on p2.id = ((hashtext(a.id::text) & 2147483647) + i::bigint * 104729) % $2
     join bench_paragraphs p3 on p3.id = ((hashtext(a.id::text) & 2147483647) + i::bigint * 1299709) % $2
     cross join lateral (select pg_temp.bench_now() - (((hashtext(a.id::text || 'd' || i) & 2147483647) % 1825) * interval '1 day') - ((i % 86400) * interval '1 second') as t_at) d`,
    [s.posts, paragraphs],
  );
}

/** Replies: about three per post on average, after the post, by members; one post gets exactly 200. */
async function comments(s: Scale) {
  await client.query(
    `insert into comments (id, post_id, author_id, body_html, body_text, created_at)
     select pg_temp.bench_id('comment:' || p.id || ':' || k), p.id, m.members[1 + ((hashtext(p.id::text || k) & 2147483647) % cardinality(m.members))], '<p>' || pp.body || '</p>', pp.body,
       case when r.at < pg_temp.bench_now() then r.at
         else p.created_at + (pg_temp.bench_now() - p.created_at) * (((hashtext(p.id::text || 'late' || k) & 2147483647) % 1000) / 1000.0) end
     from posts p
     join bench_members m on m.community_id = p.community_id
     cross join lateral generate_series(1, ((hashtext(p.id::text) & 2147483647) % ($1::int * 2 + 1))) k
     join bench_paragraphs pp on pp.id = ((hashtext(p.id::text) & 2147483647) + k::bigint * 7907) % $2
     -- A reply that would fall in the future lands somewhere between its post and now instead.
     cross join lateral (select p.created_at + (k * (1 + (hashtext(p.id::text || 'c' || k) & 2147483647) % 4000)) * interval '1 minute' as at) r`,
    [s.commentsPerPost, s.paragraphPool],
  );
  await client.query(
    `with target as (
       select p.id, p.community_id, p.created_at from posts p join bench_sizes b on b.id = p.community_id
       where p.kind = 'discussion' order by b.size desc, p.created_at desc, p.id limit 1)
     insert into comments (id, post_id, author_id, body_html, body_text, created_at)
     select pg_temp.bench_id('long thread:' || k), t.id, m.members[1 + k % cardinality(m.members)], '<p>' || pp.body || '</p>', pp.body, t.created_at + k * interval '10 minutes'
     from target t join bench_members m on m.community_id = t.community_id
     cross join generate_series(1, 200 - (select count(*) from comments c where c.post_id = (select id from target))::int) k
     join bench_paragraphs pp on pp.id = k % $1`,
    [s.paragraphPool],
  );
}

async function extras() {
  // A few posts with a phrase found nowhere else, for the "rare phrase" search.
  await client.query(
    `insert into posts (id, community_id, author_id, kind, title, body_html, body_text, created_at, last_activity_at)
     select pg_temp.bench_id('rare:' || k), c.id, m.members[1], 'discussion', 'Our ${RARE_PHRASE}, year ' || k, '<p>We ran a ${RARE_PHRASE} across ' || k || ' parishes.</p>',
       'We ran a ${RARE_PHRASE} across ' || k || ' parishes.', pg_temp.bench_now() - k * interval '30 days', pg_temp.bench_now() - k * interval '30 days'
     from (select id from communities where visibility = 'open' and depth = 1 order by member_count desc, id limit 1) c
     join bench_members m on m.community_id = c.id
     cross join generate_series(1, 5) k`,
  );
  await client.query(
    `update posts p set accepted_comment_id = c.id
     from (select distinct on (post_id) post_id, id from comments order by post_id, created_at, id) c
     where c.post_id = p.id and p.kind = 'question' and (hashtext(p.id::text) & 2147483647) % 10 < 4`,
  );
  await client.query(
    `insert into post_reactions (post_id, user_id, created_at)
     select p.id, m.members[1 + ((hashtext(p.id::text || r) & 2147483647) % cardinality(m.members))], p.created_at + interval '1 hour'
     from posts p join bench_members m on m.community_id = p.community_id
     cross join lateral generate_series(1, (hashtext(p.id::text || 'r') & 2147483647) % 3) r
     on conflict do nothing`,
  );
  await client.query(
    `insert into reports (id, community_id, post_id, reporter_id, reason, details, status, created_at)
     select pg_temp.bench_id('report:' || p.id), p.community_id, p.id, m.members[1], 'off_topic', 'Seems off topic.', case when (hashtext(p.id::text) & 2147483647) % 2 = 0 then 'open' else 'resolved' end::report_status, p.created_at + interval '1 day'
     from posts p join bench_members m on m.community_id = p.community_id
     where (hashtext(p.id::text || 'report') & 2147483647) % 1000 = 0 and p.author_id <> m.members[1]
     on conflict do nothing`,
  );
}

async function counters() {
  await client.query(
    `update posts p set comment_count = c.n, last_activity_at = greatest(p.created_at, c.last)
     from (select post_id, count(*)::int as n, max(created_at) as last from comments group by post_id) c where c.post_id = p.id`,
  );
  await client.query(`update posts p set helpful_count = r.n from (select post_id, count(*)::int as n from post_reactions group by post_id) r where r.post_id = p.id`);
  await client.query(
    `update communities c set member_count = coalesce(m.n, 0), post_count = coalesce(p.n, 0), last_activity_at = coalesce(p.last, c.created_at)
     from communities c2
     left join (select community_id, count(*)::int as n from memberships where status = 'active' group by community_id) m on m.community_id = c2.id
     left join (select community_id, count(*)::int as n, max(last_activity_at) as last from posts group by community_id) p on p.community_id = c2.id
     where c2.id = c.id`,
  );
  await client.query("drop table if exists bench_sizes");
}
