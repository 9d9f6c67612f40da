// What deleting one reply costs the database, with the plan of the foreign-key action that
// clears an accepted answer naming it (posts.accepted_comment_id): `npx tsx bench/delete-reply.ts`
// on a benchmark database. The deletes are rolled back.
import pg from "pg";

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
try {
  const { rows } = await client.query<{ id: string }>(
    "select c.id from comments c where not exists (select 1 from comments x where x.reply_to_id = c.id) order by c.id limit 1",
  );
  const id = rows[0]!.id;
  const runs: { total: number; accepted: number }[] = [];
  for (let i = 0; i < 9; i++) {
    await client.query("begin");
    const explained = await client.query("explain (analyze, format json) delete from comments where id = $1", [id]);
    await client.query("rollback");
    const plan = explained.rows[0]["QUERY PLAN"][0] as { "Execution Time": number; Triggers: { "Constraint Name"?: string; Time: number }[] };
    const accepted = plan.Triggers.filter((t) => t["Constraint Name"]?.includes("accepted_comment")).reduce((a, t) => a + t.Time, 0);
    runs.push({ total: plan["Execution Time"], accepted });
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const action = await client.query("explain (costs off) update posts set accepted_comment_id = null where accepted_comment_id = $1", [id]);
  console.log(`Deleting one reply, median of ${runs.length}: ${median(runs.map((r) => r.total)).toFixed(3)} ms in all, ${median(runs.map((r) => r.accepted)).toFixed(3)} ms clearing accepted answers.`);
  console.log("The foreign key's action, planned:");
  for (const row of action.rows) console.log(`  ${row["QUERY PLAN"]}`);
} finally {
  await client.end();
}
