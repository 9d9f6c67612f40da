// npm run bench -- --scale small|large [--seconds 20] [--connections 50] [--latency-seconds 10] [--skip-build] [--no-frontend]
// Builds the production app, starts it on the Postgres in DATABASE_URL (filled by bench:data),
// and drives each page and endpoint with autocannon from this separate process. Throughput is
// reported as a share of a static file served by the same server in the same run, because
// absolute numbers on a shared machine are noise. A second pass sends one request at a time,
// so latency is measured without the queueing that 50 connections on 2 cores add.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lighthouse, type LighthouseScores } from "./frontend";
import { pageWeights } from "./js-weight";
import { measure, type Measure, type Target } from "./load";
import { findFixtures, removeBenchWrites, type Fixtures } from "./fixtures";
import { BENCH_PASSWORD, benchAccounts } from "./scales";
import { peakMemoryMiB, signInCookie, startServer } from "./server";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1]! : fallback);
const scale = option("scale", "small");
const seconds = Number(option("seconds", "20"));
const warmup = Number(option("warmup", "5"));
const connections = Number(option("connections", "50"));
const port = Number(option("port", "3400"));
const smoke = args.includes("--smoke");
const latencySeconds = Number(option("latency-seconds", smoke ? "1" : "10"));
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database filled by `npm run bench:data`.");
  process.exit(2);
}

if (!args.includes("--skip-build")) {
  console.log("Building the production app…");
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

const fixtures = await findFixtures(url);
const server = await startServer(port, { DATABASE_URL: url, ...(process.env.DATABASE_DRIVER ? { DATABASE_DRIVER: process.env.DATABASE_DRIVER } : {}) });
const base = `http://localhost:${port}`;
const runStarted = new Date();
const results: Measure[] = [];
const latency: Measure[] = [];
let peak = 0;
try {
  const cookie = await signInCookie(base, benchAccounts.member, BENCH_PASSWORD);
  const writer = await signInCookie(base, benchAccounts.writer, BENCH_PASSWORD);
  const targets: (Target & { as?: string; latency?: true })[] = [
    { name: "Static file (ceiling)", path: "/robots.txt", group: "ceiling" },
    { latency: true, name: "Community feed, large", path: `/c/${fixtures.large}`, group: "page" },
    { name: "Community feed, small", path: `/c/${fixtures.small}`, group: "page" },
    { latency: true, name: "Post with 200 replies", path: `/c/${fixtures.longPostCommunity}/posts/${fixtures.longPost}`, group: "page" },
    { name: "Home feed", path: "/home", group: "page" },
    { name: "Directory", path: "/communities", group: "page" },
    { latency: true, name: "Search, common word", path: "/search?q=performance", group: "page" },
    { latency: true, name: "Search, rare phrase", path: `/search?q=${encodeURIComponent(`"${fixtures.rarePhrase}"`)}`, group: "page" },
    { latency: true, name: "API: community feed, large", path: `/api/v1/communities/${fixtures.large}/posts`, group: "api" },
    { name: "API: community feed, small", path: `/api/v1/communities/${fixtures.small}/posts`, group: "api" },
    { name: "API: post with 200 replies", path: `/api/v1/posts/${fixtures.longPost}`, group: "api" },
    { name: "API: home feed", path: "/api/v1/feed", group: "api" },
    { name: "API: directory", path: "/api/v1/communities", group: "api" },
    { latency: true, name: "API: search, common word", path: "/api/v1/search?q=performance&type=posts", group: "api" },
    { latency: true, name: "API: search, rare phrase", path: `/api/v1/search?type=posts&q=${encodeURIComponent(`"${fixtures.rarePhrase}"`)}`, group: "api" },
    {
      name: "Create a reply (write)",
      path: `/api/v1/posts/${fixtures.writePost}/comments`,
      group: "write",
      method: "POST",
      body: JSON.stringify({ body: "<p>Thanks, this matches what we found when we reviewed our own measures.</p>", bodyFormat: "html" }),
      as: writer,
    },
  ];
  for (const target of targets) {
    process.stdout.write(`${target.name}… `);
    const result = await measure(base, target.as ?? cookie, target, { seconds, warmup: smoke ? 0 : warmup, connections });
    results.push(result);
    peak = Math.max(peak, peakMemoryMiB(server.process.pid!));
    console.log(`${result.rps} req/s, p99 ${result.p99} ms${result.non2xx || result.errors ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : ""}`);
  }
  for (const target of targets.filter((t) => t.latency)) {
    process.stdout.write(`${target.name}, one connection… `);
    const result = await measure(base, target.as ?? cookie, target, { seconds: latencySeconds, warmup: smoke ? 0 : 2, connections: 1 });
    latency.push(result);
    console.log(`p50 ${result.p50} ms, p95 ${result.p95} ms`);
  }
  const frontend = smoke || args.includes("--no-frontend") ? null : await frontEnd(base, cookie, fixtures);
  report(results, latency, peak, frontend);
} finally {
  await server.stop();
  await removeBenchWrites(url, fixtures.writePost, runStarted);
}
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

function report(measures: Measure[], oneAtATime: Measure[], peakMiB: number, frontend: Awaited<ReturnType<typeof frontEnd>> | null) {
  const ceiling = measures.find((m) => m.group === "ceiling")!.rps || 1;
  const date = new Date().toISOString().slice(0, 10);
  const commit = (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  const lines = [
    `# Benchmark: ${scale} scale, ${date}`,
    "",
    `Commit ${commit}. ${connections} connections, ${seconds} s per target after a ${smoke ? 0 : warmup} s warm-up. Server peak memory ${peakMiB} MiB.`,
    `Node ${process.version}, ${process.env.DATABASE_DRIVER ?? "pg"} driver. Share = throughput as a share of the static file from the same server.`,
    "",
    "| Target | req/s | share of static | p50 ms | p95 ms | p99 ms | errors | non-2xx |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...measures.map((m) => `| ${m.name} | ${m.rps} | ${Math.round((m.rps / ceiling) * 100)}% | ${m.p50} | ${m.p95} | ${m.p99} | ${m.errors} | ${m.non2xx} |`),
  ];
  lines.push(
    "",
    "## One request at a time (1 connection)",
    "",
    `Each target for ${latencySeconds} s with one connection: the latency a member sees when the server is not queueing.`,
    "",
    "| Target | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...oneAtATime.map((m) => `| ${m.name} | ${m.rps} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.errors} | ${m.non2xx} |`),
  );
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
  if (frontend) {
    lines.push("", "## Front end", "", "| Page | client JS, gzip | files |", "|---|---:|---:|", ...frontend.weights.map((w) => `| ${w.page} | ${w.kbGzip} KB | ${w.files} |`));
    lines.push("", "| Lighthouse | form factor | performance | accessibility |", "|---|---|---:|---:|", ...frontend.scores.map((s) => `| ${s.page} | ${s.formFactor} | ${s.performance} | ${s.accessibility} |`));
  }
  const text = lines.join("\n") + "\n";
  console.log(`\n${text}`);
  if (smoke) return;
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/${date}-${scale}.md`, text);
  writeFileSync(`bench/results/${date}-${scale}.json`, JSON.stringify({ scale, date, commit, ceiling, peakMiB, measures, latency: oneAtATime, frontend }, null, 2));
  console.log(`Written to bench/results/${date}-${scale}.md`);
}

/** The newest saved run of the other scale, for the scaling ratios. */
function latestOther(other: string) {
  const files = readdirSync("bench/results").filter((f) => f.endsWith(`-${other}.json`)).sort();
  const file = files.at(-1);
  if (!file) return null;
  const data = JSON.parse(readFileSync(path.join("bench/results", file), "utf8")) as { measures: Measure[]; latency?: Measure[]; ceiling: number };
  return { file, data };
}
