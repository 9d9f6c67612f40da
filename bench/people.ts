// DATABASE_URL=postgres://… npm run bench:people -- [--people 100000] [--rounds 50] [--explain]
// The people finder at scale: fills an empty database (migrated) with --people members, each
// with a profile, one of 2,000 organisations, 1 to 3 areas of expertise and 3 memberships among
// 2,000 communities (about one in nine hides their organisation, one in thirteen their
// expertise), or reuses them if already there. Then times the finder's searches one after
// another, at one connection, as a member of three communities, and prints p50 and p95 in ms.
// `--explain` prints instead each statement's plan under EXPLAIN (ANALYZE, BUFFERS).
import { sql } from "drizzle-orm";
import pg from "pg";
import { countQueries } from "@/lib/db/query-count";
import { closeDb, getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { findPeople, peopleLikeYou } from "@/lib/people/finder";
import { viewerColumns } from "@/lib/users/account";
import { users } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { percentile, sampleTimes } from "./percentiles";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const PEOPLE = option("--people", 100_000);
const ROUNDS = option("--rounds", 50);
if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to a migrated PostgreSQL database.");
  process.exit(2);
}

async function fill() {
  const db = await getDb();
  const [{ n }] = (await selectRows<{ n: number }>(db, sql`select count(*)::int as n from users where email like 'people-bench-%'`)) as [{ n: number }];
  if (n >= PEOPLE) return;
  console.log(`Making ${PEOPLE.toLocaleString()} people…`);
  const statements = [
    sql`insert into organisations (name, key) select 'Bench Council ' || g, 'bench council ' || g from generate_series(1, 2000) g on conflict do nothing`,
    sql`insert into communities (slug, name, visibility) select 'people-bench-' || g, 'People bench ' || g, case when g % 5 = 0 then 'private' else 'open' end::community_visibility from generate_series(1, 2000) g on conflict do nothing`,
    sql`insert into users (name, email, email_verified, job_title, organisation)
      select (array['Priya','Tom','Grace','Aisha','Owen','Maria','James','Fatima','Rhys','Chloe'])[1 + g % 10] || ' ' ||
             (array['Raman','Wilkins','Adeyemi','Khan','Jones','Silva','Taylor','Begum','Evans','Brown','Okafor','Murphy'])[1 + (g / 10) % 12] || ' ' || g,
        'people-bench-' || g || '@bench.example', now(), 'Officer ' || (g % 40), 'Bench Council ' || (1 + g % 2000)
      from generate_series(1, ${PEOPLE}) g on conflict do nothing`,
    sql`insert into profiles (user_id, organisation_id, area_of_work, region, organisation_visibility, expertise_visibility)
      select u.id, o.id, (array['Housing','Finance','Planning','Public health','Adult social care','Education'])[1 + abs(hashtext(u.email)) % 6],
        (array['London','North West','Wales','Scotland','South East','West Midlands'])[1 + abs(hashtext(u.email || 'r')) % 6],
        case when abs(hashtext(u.email)) % 9 = 0 then 'communities' else 'everyone' end::field_visibility,
        case when abs(hashtext(u.email)) % 13 = 0 then 'nobody' else 'everyone' end::field_visibility
      from users u join organisations o on o.key = lower(u.organisation) where u.email like 'people-bench-%' on conflict do nothing`,
    sql`insert into profile_expertise (user_id, tag)
      select u.id, (array['data protection','commissioning','safeguarding','scrutiny','procurement','service design','risk management','consultation'])[1 + (abs(hashtext(u.email)) + k * 3) % 8]
      from users u cross join generate_series(0, 2) k where u.email like 'people-bench-%' and k <= abs(hashtext(u.email)) % 3 on conflict do nothing`,
    sql`insert into memberships (community_id, user_id, status, role, joined_at)
      select c.id, u.id, 'active', 'member', now() from users u cross join generate_series(0, 2) k
      join communities c on c.slug = 'people-bench-' || (1 + (abs(hashtext(u.email)) + k * 701) % 2000)
      where u.email like 'people-bench-%' on conflict do nothing`,
    sql`analyze`,
  ];
  for (const statement of statements) await db.execute(statement);
}

async function time(work: () => Promise<unknown>) {
  const samples = await sampleTimes(work, ROUNDS);
  return `p50 ${percentile(samples, 0.5).toFixed(1)} ms, p95 ${percentile(samples, 0.95).toFixed(1)} ms`;
}

const EXPLAIN = args.includes("--explain");

/** Each statement `work` sends, with its plan as Postgres ran it. */
async function explain(work: () => Promise<unknown>) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { queries, params } = await countQueries(work);
  const plans: string[] = [];
  for (const [i, text] of queries.entries()) {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${text}`, params[i] ?? []);
    plans.push(`${text}\n${JSON.stringify(params[i])}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
  await client.end();
  return `\n${plans.join("\n\n")}\n`;
}

const measure = (work: () => Promise<unknown>) => (EXPLAIN ? explain(work) : time(work));

async function main() {
  await fill();
  const db = await getDb();
  const [viewer] = await db.select(viewerColumns).from(users).where(sql`${users.email} = 'people-bench-4242@bench.example'`);
  const v = viewer as Viewer;
  const [org] = await selectRows<{ id: string }>(db, sql`select id from organisations where key = 'bench council 7'`);
  const [community] = await selectRows<{ id: string }>(db, sql`select community_id as id from memberships where user_id = ${v.id} limit 1`);
  const searches: [string, Record<string, string>][] = [
    ["everyone, first page", {}],
    ["name with a typo", { q: "Aisha Kahn" }],
    ["name, rare", { q: "Rhys Okafor 4139" }],
    ["name, common", { q: "Priya" }],
    ["expertise", { expertise: "scrutiny" }],
    ["expertise + region", { expertise: "commissioning", region: "Wales" }],
    ["organisation", { organisation: org!.id }],
    ["area of work", { area: "Housing" }],
    ["shared community", { community: community!.id }],
  ];
  console.log(`People finder, ${PEOPLE.toLocaleString()} people, ${ROUNDS} rounds each, one connection:`);
  for (const [label, query] of searches) console.log(`  ${label.padEnd(22)} ${await measure(() => findPeople(v, query))}`);
  const first = await findPeople(v, { area: "Housing" });
  console.log(`  ${"area, second page".padEnd(22)} ${await measure(() => findPeople(v, { area: "Housing", cursor: first.nextCursor! }))}`);
  console.log(`  ${"people like you".padEnd(22)} ${await measure(() => peopleLikeYou(v))}`);
}

await main();
await closeDb();
