// npm run bench -- --scale small|large [--seconds 20] [--connections 50] [--latency-seconds 10] [--skip-build]
//   [--no-frontend] [--no-start] [--no-dev] [--against <git ref> [--rounds 3] [--rebuild]] [--smoke]
// Builds the production app, starts it on the Postgres in DATABASE_URL (filled by bench:data),
// and drives each page and endpoint with autocannon from this separate process. Throughput is
// reported as a share of a static file served by the same server in the same run, because
// absolute numbers on a shared machine are noise. A second pass sends one request at a time,
// so latency is measured without the queueing that 50 connections on 2 cores add. Each target
// is also sent alone a few times, for its body size and the statements it sends to the database.
// With --against <ref>, it compares this folder with a build of <ref> instead (bench/compare.ts).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compare, compareMarkdown } from "./compare";
import { countRows, databaseState, stateMarkdown, stateSummary, type DatabaseState } from "./db-state";
import { findFixtures, removeBenchWrites, type Fixtures } from "./fixtures";
import { lighthouse, type LighthouseScores } from "./frontend";
import { pageWeights } from "./js-weight";
import { measure, sample, type Measure, type Sample } from "./load";
import { BENCH_PASSWORD, benchAccounts } from "./scales";
import { peakMemoryMiB, signInCookie, startServer } from "./server";
import { coldStartOnPostgres, devFirstRun, startMarkdown, type ColdStart, type DevFirstRun } from "./start";
import { describeCommit, options, targets } from "./targets";
import { buildHere } from "./worktree";

const args = process.argv.slice(2);
const { option, flag } = options(args);
const scale = option("scale", "small");
const against = args.includes("--against") ? option("against", "") : null;
// A comparison measures each target in three turns a side: shorter turns, about the same time in all.
const seconds = Number(option("seconds", against ? "8" : "20"));
const smoke = flag("smoke");
const warmup = Number(option("warmup", smoke ? "0" : "5"));
const connections = Number(option("connections", "50"));
const port = Number(option("port", "3400"));
const latencySeconds = Number(option("latency-seconds", smoke ? "1" : against ? "5" : "10"));
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database filled by `npm run bench:data`.");
  process.exit(2);
}
const date = new Date().toISOString().slice(0, 10);
const commit = await describeCommit();
const settings = `${connections} connections, ${seconds} s per target after a ${warmup} s warm-up; one connection for ${latencySeconds} s`;

const state = await databaseState(url);
console.log(stateSummary(state));

if (against) {
  const comparison = await compare(url, { ref: against, rounds: Number(option("rounds", "3")), seconds, warmup, connections, latencySeconds, port, skipBuild: flag("skip-build"), rebuild: flag("rebuild"), only: option("only", "").split(",").filter(Boolean) });
  await countRows(url, state);
  // A target the old commit does not have (it answers 404) has no old measure: only what ran can fail.
  const failed = comparison.rows.some((r) => Object.values(r.load).some((m) => m !== undefined && (m.errors + m.non2xx > 0 || m.requests === 0)));
  const lines = [
    `# Benchmark comparison: ${scale} scale, ${date}`,
    "",
    `New: commit ${commit}. Node ${process.version}, ${process.env.DATABASE_DRIVER ?? "pg"} driver.`,
    `Reproduce: \`DATABASE_URL=… npm run bench -- --scale ${scale} --against ${comparison.old.short} --seconds ${seconds} --connections ${connections} --rounds ${comparison.rounds}${option("only", "") ? ` --only ${option("only", "")}` : ""}\` on a database made by \`npm run bench:data -- --scale ${scale}${state.generated ? ` --seed ${state.generated.seed}` : ""}\`.`,
    "",
    ...compareMarkdown(comparison, settings),
    "",
    ...stateMarkdown(state),
  ];
  const text = lines.join("\n") + "\n";
  console.log(`\n${text}`);
  if (!smoke) write(`${date}-${commit}-${scale}-vs-${comparison.old.short}`, text, { scale, date, commit, against: comparison.old.sha, settings, ...comparison, database: state });
  if (smoke && failed) {
    console.error("Some targets failed: the comparison is broken.");
    process.exit(1);
  }
  process.exit(0);
}

if (!flag("skip-build")) {
  console.log("Building the production app…");
  buildHere();
}

const fixtures = await findFixtures(url);
const server = await startServer(port, { DATABASE_URL: url, ...(process.env.DATABASE_DRIVER ? { DATABASE_DRIVER: process.env.DATABASE_DRIVER } : {}) });
const base = `http://localhost:${port}`;
const runStarted = new Date();
const results: (Measure & { sample: Sample })[] = [];
const latency: Measure[] = [];
let peak = 0;
let cold: ColdStart | null = null;
let dev: DevFirstRun | null = null;
let frontend: Awaited<ReturnType<typeof frontEnd>> | null = null;
try {
  const cookie = await signInCookie(base, benchAccounts.member, BENCH_PASSWORD);
  const writer = await signInCookie(base, benchAccounts.writer, BENCH_PASSWORD);
  const facilitator = await signInCookie(base, benchAccounts.facilitator, BENCH_PASSWORD);
  const list = targets(fixtures, writer, facilitator);
  for (const target of list) {
    process.stdout.write(`${target.name}… `);
    const result = await measure(base, target.as ?? cookie, target, { seconds, warmup, connections });
    peak = Math.max(peak, peakMemoryMiB(server.process.pid!));
    // The smoke test only checks that the target answers: no waiting for quiet, no statement count.
    const s = smoke ? await sample(base, target.as ?? cookie, target, undefined, 1) : await sample(base, target.as ?? cookie, target, server);
    results.push({ ...result, sample: s });
    console.log(`${result.rps} req/s, p99 ${result.p99} ms, ${(s.bytes / 1024).toFixed(1)} KB, ${s.statements ?? "–"} statements${result.non2xx || result.errors ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : ""}`);
  }
  for (const target of list.filter((t) => t.latency)) {
    process.stdout.write(`${target.name}, one connection… `);
    const result = await measure(base, target.as ?? cookie, target, { seconds: latencySeconds, warmup: Math.min(2, warmup), connections: 1 });
    latency.push(result);
    console.log(`p50 ${result.p50} ms, p95 ${result.p95} ms`);
  }
  frontend = smoke || flag("no-frontend") ? null : await frontEnd(base, cookie, fixtures);
} finally {
  await server.stop();
  await removeBenchWrites(url, fixtures.writePost, runStarted);
}
if (!smoke && !flag("no-start")) {
  console.log("Cold start on PostgreSQL…");
  cold = await coldStartOnPostgres(url, port, Number(option("start-runs", "5")));
  console.log(`  median ${cold.medianMs} ms (${cold.runs.join(", ")})`);
  if (!flag("no-dev")) {
    console.log("First npm run dev on a fresh embedded database…");
    dev = await devFirstRun(port);
    console.log(`  ${dev.ms} ms`);
  }
}
report(results, latency, peak, frontend, await countRows(url, state));
if (smoke && [...results, ...latency].some((r) => r.non2xx > 0 || r.errors > 0 || r.requests === 0)) {
  console.error("Some targets failed: the benchmark is broken.");
  process.exit(1);
}

async function frontEnd(baseUrl: string, cookie: string, f: Fixtures) {
  const weights = pageWeights();
  const scores: LighthouseScores[] = [];
  for (const [page, pagePath] of [["Community", `/c/${f.small}`], ["Post", `/c/${f.longPostCommunity}/posts/${f.longPost}`]] as const) {
    for (const formFactor of ["desktop", "mobile"] as const) {
      process.stdout.write(`Lighthouse ${page} (${formFactor})… `);
      const score = await lighthouse(`${baseUrl}${pagePath}`, cookie, page, formFactor);
      console.log(`performance ${score.performance}, accessibility ${score.accessibility}`);
      scores.push(score);
    }
  }
  return { weights, scores };
}

function write(name: string, text: string, json: unknown) {
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/${name}.md`, text);
  writeFileSync(`bench/results/${name}.json`, JSON.stringify(json, null, 2) + "\n");
  console.log(`Written to bench/results/${name}.md`);
}

function report(measures: (Measure & { sample: Sample })[], oneAtATime: Measure[], peakMiB: number, fe: typeof frontend, db: DatabaseState) {
  const ceiling = measures.find((m) => m.group === "ceiling")!.rps || 1;
  const lines = [
    `# Benchmark: ${scale} scale, ${date}`,
    "",
    `Commit ${commit}. ${settings}. Server peak memory ${peakMiB} MiB.`,
    `Node ${process.version}, ${process.env.DATABASE_DRIVER ?? "pg"} driver. Share = throughput as a share of the static file from the same server. Body and statements: one warm request alone (statements: the mean over five); RSC payload: the part of a page's body in the inline scripts that carry it.`,
    "",
    "| Target | req/s | share of static | p50 ms | p95 ms | p99 ms | errors | non-2xx | body KB | gzip KB | RSC payload KB | statements |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...measures.map(
      (m) =>
        `| ${m.name} | ${m.rps} | ${Math.round((m.rps / ceiling) * 100)}% | ${m.p50} | ${m.p95} | ${m.p99} | ${m.errors} | ${m.non2xx} | ${(m.sample.bytes / 1024).toFixed(1)} | ${(m.sample.gzipBytes / 1024).toFixed(1)} | ${m.sample.payloadBytes != null ? (m.sample.payloadBytes / 1024).toFixed(1) : "–"} | ${m.sample.statements ?? "–"} |`,
    ),
    "",
    "## One request at a time (1 connection)",
    "",
    `Each target for ${latencySeconds} s with one connection: the latency a member sees when the server is not queueing.`,
    "",
    "| Target | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...oneAtATime.map((m) => `| ${m.name} | ${m.rps} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.errors} | ${m.non2xx} |`),
  ];
  // A smoke run is too short to compare with a saved run.
  const other = smoke ? null : latestOther(scale === "large" ? "small" : "large");
  if (other) {
    lines.push(
      "",
      `## Scaling: large / small (against ${other.file})`,
      "",
      "| Target | share, small | share, large | large/small share | large/small p95 | large/small p95, 1 connection |",
      "|---|---:|---:|---:|---:|---:|",
    );
    const here = { measures, latency: oneAtATime, ceiling };
    const [small, large] = scale === "large" ? [other.data, here] : [here, other.data];
    const ratio = (a: number | undefined, b: number | undefined) => (a && b ? (a / b).toFixed(2) : "–");
    for (const m of large.measures.filter((x) => x.group !== "ceiling")) {
      const s = small.measures.find((x) => x.name === m.name);
      if (!s) continue;
      const shareS = s.rps / small.ceiling;
      const shareL = m.rps / large.ceiling;
      const oneL = large.latency?.find((x) => x.name === m.name)?.p95;
      const oneS = small.latency?.find((x) => x.name === m.name)?.p95;
      lines.push(`| ${m.name} | ${Math.round(shareS * 100)}% | ${Math.round(shareL * 100)}% | ${ratio(shareS, shareL)} | ${ratio(m.p95, s.p95)} | ${ratio(oneL, oneS)} |`);
    }
  }
  if (fe) {
    lines.push("", "## Front end", "", "| Page | client JS, gzip | files |", "|---|---:|---:|", ...fe.weights.map((w) => `| ${w.page} | ${w.kbGzip} KB | ${w.files} |`));
    lines.push("", "| Lighthouse | form factor | performance | accessibility |", "|---|---|---:|---:|", ...fe.scores.map((s) => `| ${s.page} | ${s.formFactor} | ${s.performance} | ${s.accessibility} |`));
  }
  if (cold || dev) lines.push("", ...startMarkdown(cold, dev));
  lines.push("", ...stateMarkdown(db));
  const text = lines.join("\n") + "\n";
  console.log(`\n${text}`);
  if (smoke) return;
  write(`${date}-${commit}-${scale}`, text, { scale, date, commit, settings, ceiling, peakMiB, measures, latency: oneAtATime, frontend: fe, start: { cold, dev }, database: db });
}

/** The newest saved run of the other scale, for the scaling ratios. */
function latestOther(other: string) {
  const files = readdirSync("bench/results").filter((f) => f.endsWith(`-${other}.json`)).sort();
  const file = files.at(-1);
  if (!file) return null;
  const data = JSON.parse(readFileSync(path.join("bench/results", file), "utf8")) as { measures: Measure[]; latency?: Measure[]; ceiling: number };
  return { file, data };
}
