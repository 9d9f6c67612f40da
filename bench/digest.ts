// npm run bench:digest -- [--members 10000] [--scale large] [--batch 500] [--smoke]
// Sends a digest run for N members of the benchmark database, as the scheduled route does:
// bounded runs that each queue at most --batch digests and send at most --batch emails,
// until every digest is out. The emails go over SMTP to a real server in this process,
// which counts them. Writes bench/results/<date>-<commit>-<scale>-digest.md unless --smoke.
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import nodemailer from "nodemailer";
import { closeDb, getDbHandle } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { deliverDueEmails } from "@/lib/notifications/delivery";
import { queueDueDigests } from "@/lib/notifications/digest";
import { describeCommit } from "./targets";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const members = Number(arg("--members", "1000"));
const scale = arg("--scale", "small");
const batch = Number(arg("--batch", "500"));
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database filled by `npm run bench:data`.");
  process.exit(2);
}

let received = 0;
let bytes = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, callback) {
    stream.on("data", (chunk: Buffer) => (bytes += chunk.length));
    stream.on("end", () => {
      received += 1;
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const transport = nodemailer.createTransport({ host: "127.0.0.1", port: (smtp.server.address() as { port: number }).port, pool: true, maxConnections: 4, ignoreTLS: true });

await migrate(await getDbHandle());
const client = new pg.Client({ connectionString: url });
await client.connect();
// The members who belong to the most communities: the heaviest digests to compose.
const { rows: chosen } = await client.query<{ id: string }>(
  `select user_id as id from memberships where status = 'active' group by user_id order by count(*) desc, user_id limit $1`,
  [members],
);
const ids = chosen.map((r) => r.id);
await client.query(`update users set email_verified = coalesce(email_verified, now()) where id = any($1::uuid[])`, [ids]);
await client.query(
  `insert into digest_settings (user_id, frequency, next_digest_at, last_digest_at)
   select unnest($1::uuid[]), 'weekly', now() - interval '1 minute', now() - interval '7 days'
   on conflict (user_id) do update set frequency = 'weekly', next_digest_at = now() - interval '1 minute', last_digest_at = now() - interval '7 days'`,
  [ids],
);
await client.query(`delete from email_outbox where batch_key like 'digest:%' and status = 'pending'`);
console.log(`Digest run for ${ids.length.toLocaleString("en-GB")} members at ${scale}, ${batch} per run…`);

const loadBefore = loadavg()[0]!;
const runs: { ms: number; queued: number; sent: number; skipped: number }[] = [];
const started = performance.now();
for (;;) {
  const t = performance.now();
  const queued = await queueDueDigests({ limit: batch });
  const emails = await deliverDueEmails({ limit: batch, transport });
  runs.push({ ms: performance.now() - t, queued, sent: emails.sent, skipped: emails.skipped });
  process.stdout.write(`  run ${runs.length}: queued ${queued}, sent ${emails.sent}, skipped ${emails.skipped}, failed ${emails.failed}, ${Math.round(runs.at(-1)!.ms)} ms\n`);
  if (queued === 0 && emails.sent + emails.skipped + emails.failed === 0) break;
}
const totalMs = performance.now() - started;
const sent = runs.reduce((n, r) => n + r.sent, 0);
const skipped = runs.reduce((n, r) => n + r.skipped, 0);
const slowest = Math.max(...runs.map((r) => r.ms));
const perDigest = totalMs / Math.max(1, sent + skipped);

const lines = [
  `# Digest run, ${scale}, ${new Date().toISOString().slice(0, 10)}`,
  "",
  `${ids.length.toLocaleString("en-GB")} members (those in the most communities), weekly digests covering the last 7 days, composed at send time inside each reader's visibility scope and sent over SMTP to an in-process server. One run queues at most ${batch} digests and sends at most ${batch} emails, as the scheduled route does.`,
  "",
  "| members | runs | total | per digest | slowest run | sent | nothing to send | received by SMTP | mail size, average |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  `| ${ids.length.toLocaleString("en-GB")} | ${runs.length - 1} | ${(totalMs / 1000).toFixed(1)} s | ${perDigest.toFixed(1)} ms | ${(slowest / 1000).toFixed(1)} s | ${sent} | ${skipped} | ${received} | ${(bytes / Math.max(1, received) / 1024).toFixed(1)} KB |`,
  "",
  `Machine load (1-minute average) when the run started: ${loadBefore.toFixed(1)}, on ${availableParallelism()} cores; at the end: ${loadavg()[0]!.toFixed(1)}.`,
  "",
  "Reproduce: `DATABASE_URL=… npm run bench:digest -- --members N --scale NAME`.",
];
console.log(lines.join("\n"));
if (!args.includes("--smoke")) {
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/${new Date().toISOString().slice(0, 10)}-${await describeCommit()}-${scale}-digest.md`, `${lines.join("\n")}\n`);
}
transport.close();
await client.end();
await closeDb();
smtp.close();
