// npm run bench:soak -- [--minutes 10] [--connections 10] [--interval 10] [--live-every 3] [--max-growth 10] [--skip-build] [--smoke]
// Runs the mixed read/write load (bench/workload.ts) against the production server for a while,
// recording the server's memory every `interval` seconds, and fails if memory keeps growing.
//
// The criterion: after a warm-up (the first fifth of the run, at least a minute when the run is
// five minutes or more), compare the last window with the first steady window (each a minute, or
// a fifth of the run when it is shorter). It fails if the resident memory (RSS) grew by more than
// --max-growth percent, or if the live heap grew by more. The live heap is what the heap holds
// right after a full collection, which the probe runs at every `live-every`-th sample (a pause of
// tens of milliseconds): heap in use at any other moment includes garbage waiting for the next
// collection, a sawtooth whose low points depend on when the sample falls. The table gives V8's
// heap spaces at the first and last live samples, to see where any growth is. It also reports
// the slope of a straight line fitted to RSS over the second half, in MiB per minute.
import { mkdirSync, writeFileSync } from "node:fs";
import { countRows, databaseState, stateMarkdown } from "./db-state";
import { findFixtures, removeBenchWrites } from "./fixtures";
import { BENCH_PASSWORD, benchAccounts } from "./scales";
import { peakMemoryMiB, signInCookie, startServer, type LiveStats, type ProbeStats } from "./server";
import { describeCommit, options } from "./targets";
import { mixedLoad, readingList, statusLine, type Tally } from "./workload";
import { buildHere } from "./worktree";

const { option, flag } = options(process.argv.slice(2));
const smoke = flag("smoke");
const minutes = Number(option("minutes", smoke ? "0.1" : "10"));
const interval = Number(option("interval", smoke ? "1" : "10"));
const liveEvery = Math.max(1, Number(option("live-every", "3")));
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

type Point = { s: number; rssMiB: number; heapUsedMiB: number; heapTotalMiB: number; externalMiB: number; liveMiB?: number; responses: number; non2xx: number; errors: number };
const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const state = await databaseState(url);
const fixtures = await findFixtures(url);
const list = await readingList(url);
const server = await startServer(port, { DATABASE_URL: url });
const base = `http://localhost:${port}`;
const started = new Date();
const points: Point[] = [];
const spaces: Record<string, number>[] = [];
const tally: Tally = { responses: 0, non2xx: 0, errors: 0 };
let peak = 0;
try {
  const cookies = { member: await signInCookie(base, benchAccounts.member, BENCH_PASSWORD), writer: await signInCookie(base, benchAccounts.writer, BENCH_PASSWORD) };
  const t0 = performance.now();
  const record = (s: ProbeStats | LiveStats) => {
    const live = "live" in s ? mib(s.live) : undefined;
    if ("spaces" in s) spaces.push(s.spaces);
    const point = { s: Math.round((performance.now() - t0) / 1000), rssMiB: mib(s.rss), heapUsedMiB: mib(s.heapUsed), heapTotalMiB: mib(s.heapTotal), externalMiB: mib(s.external), liveMiB: live, ...tally };
    points.push(point);
    console.log(`${point.s} s: RSS ${point.rssMiB} MiB, heap ${point.heapUsedMiB}/${point.heapTotalMiB} MiB${live === undefined ? "" : `, live ${live} MiB`}, external ${point.externalMiB} MiB, ${tally.responses} responses`);
  };
  let samples = 0;
  const sample = () => (samples++ % liveEvery === 0 ? server.live() : server.stats());
  record(await sample());
  const timer = setInterval(() => void sample().then(record), interval * 1000);
  await mixedLoad(base, cookies, fixtures, list, { seconds: Math.round(minutes * 60), connections }, tally);
  clearInterval(timer);
  record(await server.live());
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
// The live samples in a window; a short run's window may hold none, and then the next one after it counts.
const liveIn = (ps: Point[], from: number) => {
  const inWindow = ps.flatMap((p) => (p.liveMiB === undefined ? [] : [p.liveMiB]));
  return inWindow.length ? inWindow : [points.find((p) => p.s >= from && p.liveMiB !== undefined)?.liveMiB ?? points.at(-1)!.liveMiB!];
};
const liveFirst = mean(liveIn(first, warm));
const liveLast = mean(liveIn(last, duration - span));
const heapGrowth = growth(liveFirst, liveLast);
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
  `**${verdict}.** RSS: first steady window (${Math.round(warm)}–${Math.round(warm + span)} s) ${Math.round(mean(first.map((p) => p.rssMiB)))} MiB, last window ${Math.round(mean(last.map((p) => p.rssMiB)))} MiB (${rssGrowth >= 0 ? "+" : ""}${rssGrowth}%). Live heap after a full collection: ${mib(liveFirst * 1048576)} → ${mib(liveLast * 1048576)} MiB (${heapGrowth >= 0 ? "+" : ""}${heapGrowth}%). RSS slope over the second half: ${slope} MiB/min. Peak RSS ${peak} MiB.`,
  "",
  "| s | RSS MiB | heap used MiB | heap total MiB | live heap MiB | external MiB | responses |",
  "|---:|---:|---:|---:|---:|---:|---:|",
  ...points.map((p) => `| ${p.s} | ${p.rssMiB} | ${p.heapUsedMiB} | ${p.heapTotalMiB} | ${p.liveMiB ?? ""} | ${p.externalMiB} | ${p.responses} |`),
  "",
  "V8's heap spaces after a full collection, MiB used, at the first and the last live sample:",
  "",
  "| space | first | last | change |",
  "|---|---:|---:|---:|",
  ...Object.keys(spaces[0] ?? {}).filter((name) => spaces[0]![name] || spaces.at(-1)![name]).map((name) => {
    const [a, b] = [mib(spaces[0]![name]!), mib(spaces.at(-1)![name]!)];
    return `| ${name} | ${a} | ${b} | ${Math.round((b - a) * 10) / 10} |`;
  }),
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
