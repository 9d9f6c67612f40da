// npm run bench:soak -- [--minutes 10] [--connections 10] [--interval 10] [--max-growth 10] [--skip-build] [--smoke]
// Runs the mixed read/write load (bench/workload.ts) against the production server for a while,
// recording the server's memory every `interval` seconds, and fails if memory keeps growing.
//
// The criterion: after a warm-up (the first fifth of the run, at least a minute when the run is
// five minutes or more), compare the last window with the first steady window (each a minute, or
// a fifth of the run when it is shorter). It fails if the resident memory (RSS) grew by more than
// --max-growth percent, or if the heap's floor grew by more (the floor is the least heap in use
// seen in a window: the live data after collections, without the garbage between them). It also
// reports the slope of a straight line fitted to RSS over the second half, in MiB per minute.
import { mkdirSync, writeFileSync } from "node:fs";
import { countRows, databaseState, stateMarkdown } from "./db-state";
import { findFixtures, removeBenchWrites } from "./fixtures";
import { BENCH_PASSWORD, benchAccounts } from "./scales";
import { peakMemoryMiB, signInCookie, startServer, type ProbeStats } from "./server";
import { describeCommit, options } from "./targets";
import { mixedLoad, readingList, statusLine, type Tally } from "./workload";
import { buildHere } from "./worktree";

const { option, flag } = options(process.argv.slice(2));
const smoke = flag("smoke");
const minutes = Number(option("minutes", smoke ? "0.1" : "10"));
const interval = Number(option("interval", smoke ? "1" : "10"));
const connections = Number(option("connections", "10"));
const maxGrowth = Number(option("max-growth", "10"));
const port = Number(option("port", "3420"));
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database filled by `npm run bench:data`.");
  process.exit(2);
}
if (!flag("skip-build")) {
  console.log("Building the production app…");
  buildHere();
}

type Point = { s: number; rssMiB: number; heapUsedMiB: number; heapTotalMiB: number; externalMiB: number; responses: number; non2xx: number; errors: number };
const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const state = await databaseState(url);
const fixtures = await findFixtures(url);
const list = await readingList(url);
const server = await startServer(port, { DATABASE_URL: url });
const base = `http://localhost:${port}`;
const started = new Date();
const points: Point[] = [];
const tally: Tally = { responses: 0, non2xx: 0, errors: 0 };
let peak = 0;
try {
  const cookies = { member: await signInCookie(base, benchAccounts.member, BENCH_PASSWORD), writer: await signInCookie(base, benchAccounts.writer, BENCH_PASSWORD) };
  const t0 = performance.now();
  const record = (s: ProbeStats) => {
    const point = { s: Math.round((performance.now() - t0) / 1000), rssMiB: mib(s.rss), heapUsedMiB: mib(s.heapUsed), heapTotalMiB: mib(s.heapTotal), externalMiB: mib(s.external), ...tally };
    points.push(point);
    console.log(`${point.s} s: RSS ${point.rssMiB} MiB, heap ${point.heapUsedMiB}/${point.heapTotalMiB} MiB, external ${point.externalMiB} MiB, ${tally.responses} responses`);
  };
  record(await server.stats());
  const timer = setInterval(() => void server.stats().then(record), interval * 1000);
  await mixedLoad(base, cookies, fixtures, list, { seconds: Math.round(minutes * 60), connections }, tally);
  clearInterval(timer);
  record(await server.stats());
  peak = peakMemoryMiB(server.process.pid!);
} finally {
  await server.stop();
  await removeBenchWrites(url, fixtures.writePost, started);
}

await countRows(url, state);
const duration = points.at(-1)!.s;
const warm = duration >= 300 ? Math.max(60, duration / 5) : duration / 5;
const span = duration >= 300 ? 60 : duration / 5;
const window = (from: number, to: number) => points.filter((p) => p.s >= from && p.s <= to);
const first = window(warm, warm + span);
const last = window(duration - span, duration);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const growth = (a: number, b: number) => Math.round((b / a - 1) * 1000) / 10;
const rssGrowth = growth(mean(first.map((p) => p.rssMiB)), mean(last.map((p) => p.rssMiB)));
const heapGrowth = growth(Math.min(...first.map((p) => p.heapUsedMiB)), Math.min(...last.map((p) => p.heapUsedMiB)));
const half = window(duration / 2, duration);
const slope = (() => {
  const mx = mean(half.map((p) => p.s / 60));
  const my = mean(half.map((p) => p.rssMiB));
  const num = half.reduce((a, p) => a + (p.s / 60 - mx) * (p.rssMiB - my), 0);
  const den = half.reduce((a, p) => a + (p.s / 60 - mx) ** 2, 0);
  return den ? Math.round((num / den) * 10) / 10 : 0;
})();
const failedRequests = tally.non2xx + tally.errors;
const grew = rssGrowth > maxGrowth || heapGrowth > maxGrowth;
const verdict = smoke ? "not judged: a smoke run is too short" : grew ? `FAILED: memory grew (limit ${maxGrowth}%)` : `passed: memory flat within ${maxGrowth}%`;
const date = new Date().toISOString().slice(0, 10);
const commit = await describeCommit();
const scale = state.generated?.scale ?? "unknown";
const lines = [
  `# Memory soak: ${scale} scale, ${date}`,
  "",
  `Commit ${commit}. ${minutes} min of mixed reads and writes (one request in ten a reply) at ${connections} connections, memory every ${interval} s. ${tally.responses} responses, ${Math.round(tally.responses / Math.max(1, duration))} per second, ${failedRequests} failed. By kind and status: ${statusLine(tally)}.`,
  `Reproduce: \`DATABASE_URL=… npm run bench:soak -- --minutes ${minutes} --connections ${connections}\`.`,
  "",
  `**${verdict}.** RSS: first steady window (${Math.round(warm)}–${Math.round(warm + span)} s) ${Math.round(mean(first.map((p) => p.rssMiB)))} MiB, last window ${Math.round(mean(last.map((p) => p.rssMiB)))} MiB (${rssGrowth >= 0 ? "+" : ""}${rssGrowth}%). Heap floor: ${Math.min(...first.map((p) => p.heapUsedMiB))} → ${Math.min(...last.map((p) => p.heapUsedMiB))} MiB (${heapGrowth >= 0 ? "+" : ""}${heapGrowth}%). RSS slope over the second half: ${slope} MiB/min. Peak RSS ${peak} MiB.`,
  "",
  "| s | RSS MiB | heap used MiB | heap total MiB | external MiB | responses |",
  "|---:|---:|---:|---:|---:|---:|",
  ...points.map((p) => `| ${p.s} | ${p.rssMiB} | ${p.heapUsedMiB} | ${p.heapTotalMiB} | ${p.externalMiB} | ${p.responses} |`),
  "",
  ...stateMarkdown(state),
];
const text = lines.join("\n") + "\n";
console.log(`\n${text}`);
if (!smoke) {
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/${date}-${commit}-${scale}-soak.md`, text);
  writeFileSync(`bench/results/${date}-${commit}-${scale}-soak.json`, JSON.stringify({ date, scale, minutes, connections, interval, maxGrowth, rssGrowth, heapGrowth, slope, peak, tally, points, database: state }, null, 2) + "\n");
}
if (failedRequests > tally.responses * 0.01) {
  console.error(`${failedRequests} of ${tally.responses} requests failed: the soak is broken.`);
  process.exit(1);
}
// A smoke run is too short to judge growth; it checks only that the soak runs.
if (grew && !smoke) process.exit(1);
