// People and community search on the small tables, as the search page asks them, timed on the
// database as it is (fresh from a load, or settled), with each GIN index's pending list:
// `npx tsx bench/small-search.ts` on a benchmark database. `--signups 20` first adds twenty
// copies of every member, as a busy month of sign-ups would (on a throwaway database only).
import pg from "pg";
import { getDb } from "@/lib/db/client";
import { searchCommunities, searchPeople } from "@/lib/search/directory";
import { loadAccount } from "@/lib/users/account";
import type { Viewer } from "@/lib/policy";
import { benchAccounts } from "./scales";

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
try {
  const args = process.argv.slice(2);
  const signups = args.includes("--signups") ? Number(args[args.indexOf("--signups") + 1]) : 0;
  for (let round = 0; round < signups; round++) {
    await client.query(
      `insert into users (name, email, job_title, organisation, status)
       select u.name || ' ' || $1::int, 'signup-' || $1::int || '-' || u.id || '@example.org', u.job_title, u.organisation || ' ' || $1::int, 'active'
       from users u where u.email not like 'signup-%'`,
      [round],
    );
  }
  const { rows: [me] } = await client.query<{ id: string }>("select id from users where email = $1", [benchAccounts.member]);
  const viewer = (await loadAccount(me!.id)) as Viewer;
  const db = await getDb();
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const time = async (work: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < 9; i++) {
      const start = performance.now();
      await work();
      ms.push(performance.now() - start);
    }
    return { first: ms[0]!, median: median(ms) };
  };
  for (const [name, work] of [
    ["People, \"smith\"", () => searchPeople(db, viewer, "smith")],
    ["People, misspelt \"jonson\"", () => searchPeople(db, viewer, "jonson")],
    ["Communities, misspelt \"recyclin grop\"", () => searchCommunities(db, viewer, "recyclin grop")],
  ] as const) {
    const t = await time(work);
    console.log(`${name}: first ${t.first.toFixed(1)} ms, median of 9 ${t.median.toFixed(1)} ms`);
  }
  const pending = await client.query<{ index: string; pages: number; fastupdate: string | null }>(
    `select i.relname as index, g.pending_pages as pages, (select option_value from pg_options_to_table(i.reloptions) where option_name = 'fastupdate') as fastupdate
     from pg_index x join pg_class i on i.oid = x.indexrelid join pg_am a on a.oid = i.relam cross join lateral pgstatginindex(i.oid) g
     where a.amname = 'gin' and i.relnamespace = 'public'::regnamespace order by i.relname`,
  ).catch(() => null);
  if (pending) for (const r of pending.rows) console.log(`  ${r.index}: ${r.pages} pending pages, fastupdate ${r.fastupdate ?? "on"}`);
  else console.log("  (pending lists need the pgstattuple extension)");
} finally {
  await client.end();
  process.exit(0);
}
