// npm run bench:heap -- [--seconds 60] [--connections 10] [--skip-build] [--keep] [--from <folder>]
// Where the server's memory goes under load: runs the mixed load (bench/workload.ts), takes a
// heap snapshot after `seconds` and another after three times as long, both while the load runs,
// and reads them with Chrome DevTools' own heap model (heap-snapshot-toolkit). Prints and writes
// to bench/results/<date>-<scale>-heap.md: memory by kind, the classes holding the most, what
// grew between the snapshots, and the largest single retainers with the chain that holds them.
// `--from <folder>` reads the snapshots an earlier run kept (with --keep) instead of taking new ones.
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { diff, parse } from "heap-snapshot-toolkit";
import { databaseState } from "./db-state";
import { findFixtures, removeBenchWrites } from "./fixtures";
import { BENCH_PASSWORD, benchAccounts } from "./scales";
import { signInCookie, startServer, type ProbeStats } from "./server";
import { describeCommit, options } from "./targets";
import { mixedLoad, readingList, statusLine, type Tally } from "./workload";
import { buildHere } from "./worktree";

/** A name with this machine's path to the project taken out, so results say nothing of where it ran. */
const inProject = (name: string) => name.split(`${process.cwd()}/`).join("");

const { option, flag } = options(process.argv.slice(2));
const seconds = Number(option("seconds", "60"));
const connections = Number(option("connections", "10"));
const port = Number(option("port", "3430"));
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database filled by `npm run bench:data`.");
  process.exit(2);
}
const from = process.argv.includes("--from") ? option("from", "") : null;
if (!from && !flag("skip-build")) {
  console.log("Building the production app…");
  buildHere();
}

const dir = from ?? mkdtempSync(path.join(tmpdir(), "roundtable-heap-"));
const files = [path.join(dir, "early.heapsnapshot"), path.join(dir, "late.heapsnapshot")];
const state = await databaseState(url);
const memory: ProbeStats[] = from ? JSON.parse(readFileSync(path.join(dir, "memory.json"), "utf8")) : [];
const tally: Tally = from ? JSON.parse(readFileSync(path.join(dir, "tally.json"), "utf8")) : { responses: 0, non2xx: 0, errors: 0 };
if (!from) await takeSnapshots();

async function takeSnapshots() {
  const fixtures = await findFixtures(url!);
  const list = await readingList(url!);
  const server = await startServer(port, { DATABASE_URL: url! });
  const base = `http://localhost:${port}`;
  const started = new Date();
  try {
    const cookies = { member: await signInCookie(base, benchAccounts.member, BENCH_PASSWORD), writer: await signInCookie(base, benchAccounts.writer, BENCH_PASSWORD) };
    const load = mixedLoad(base, cookies, fixtures, list, { seconds: seconds * 3 + 30, connections }, tally);
    for (const [i, at] of [seconds, seconds * 3].entries()) {
      await new Promise((r) => setTimeout(r, (at - (i ? seconds : 0)) * 1000));
      memory.push(await server.stats());
      console.log(`Snapshot ${i + 1} at ${at} s, ${tally.responses} responses: RSS ${Math.round(memory.at(-1)!.rss / 1048576)} MiB, heap ${Math.round(memory.at(-1)!.heapUsed / 1048576)} MiB…`);
      await server.snapshot(files[i]!);
      writeFileSync(path.join(dir, "memory.json"), JSON.stringify(memory));
      writeFileSync(path.join(dir, "tally.json"), JSON.stringify(tally));
    }
    await load;
  } finally {
    await server.stop();
    await removeBenchWrites(url!, fixtures.writePost, started);
  }
}

console.log("Reading the snapshots…");
const early = await parse(createReadStream(files[0]!, "utf-8"));
const late = await parse(createReadStream(files[1]!, "utf-8"));
const grew = await diff(early, late);
const MiB = (bytes: number | null) => (bytes === null ? "–" : (bytes / 1048576).toFixed(1));
const KiB = (bytes: number) => (bytes / 1024).toFixed(0);

// The structures below are DevTools' own; their types are not published.
/* eslint-disable @typescript-eslint/no-explicit-any */
const snap = late as any;
const stats = snap.getStatistics();
const aggregates = Object.values(snap.aggregatesWithFilter({})) as { name: string; count: number; self: number; maxRet: number }[];
const growth = Object.values(grew) as { name: string; countDelta: number; sizeDelta: number; addedCount: number; removedCount: number }[];

/** The largest retainers: nodes by retained size, with the chain of dominators above them. */
function topRetainers(limit: number) {
  const total = snap.retainedSizes[snap.rootNode().ordinal()] as number;
  const ordinals = Array.from({ length: snap.nodeCount as number }, (_, i) => i)
    .filter((i) => snap.retainedSizes[i] < total * 0.5)
    .sort((a, b) => snap.retainedSizes[b] - snap.retainedSizes[a]);
  const out: { what: string; retained: number; self: number; chain: string; copies: number }[] = [];
  const seen = new Set<number>();
  for (const ordinal of ordinals) {
    if (out.length >= limit) break;
    const node = snap.createNode(ordinal * snap.nodeFieldCount);
    if (node.type() === "synthetic" || node.type() === "hidden" || node.type() === "array" || seen.has(ordinal)) continue;
    const chain: string[] = [];
    let up = node;
    for (let depth = 0; depth < 5 && !up.isRoot(); depth++) {
      const parent = snap.createNode(up.dominatorIndex());
      if (parent.isRoot()) break;
      chain.push(`${parent.className()}${parent.name() && parent.name() !== parent.className() ? ` "${inProject(String(parent.name())).slice(0, 40)}"` : ""}`);
      up = parent;
    }
    seen.add(ordinal);
    const label = `${node.className()}${node.name() && node.name() !== node.className() ? ` "${inProject(String(node.name())).slice(0, 50)}"` : ""}`;
    const what = label.replace(/\|/g, "/").replace(/\s+/g, " ");
    // Copies of one thing (the same code loaded by several bundles, say) make one row.
    const same = out.find((o) => o.what === what && o.retained === snap.retainedSizes[ordinal]);
    if (same) same.copies += 1;
    else out.push({ what, retained: snap.retainedSizes[ordinal], self: node.selfSize(), chain: chain.join(" ← ").replace(/\|/g, "/").replace(/\s+/g, " "), copies: 1 });
  }
  return out;
}

const date = new Date().toISOString().slice(0, 10);
const scale = state.generated?.scale ?? "unknown";
const at = (i: number) => `RSS ${MiB(memory[i]!.rss)} MiB, heap used ${MiB(memory[i]!.heapUsed)} of ${MiB(memory[i]!.heapTotal)} MiB, external ${MiB(memory[i]!.external)} MiB (array buffers ${MiB(memory[i]!.arrayBuffers)})`;
const lines = [
  `# Where the memory goes: ${scale} scale, ${date}`,
  "",
  `Commit ${await describeCommit()}. Mixed reads and writes at ${connections} connections; snapshots after ${seconds} s and ${seconds * 3} s of load, taken while it ran (${tally.responses} responses, ${tally.non2xx + tally.errors} failed; by kind and status: ${statusLine(tally)}).`,
  `Reproduce: \`DATABASE_URL=… npm run bench:heap -- --seconds ${seconds} --connections ${connections}\`.`,
  "",
  `At the first snapshot: ${at(0)}. At the second: ${at(1)}.`,
  `Heap snapshot sizes: ${MiB(statSync(files[0]!).size)} and ${MiB(statSync(files[1]!).size)} MiB on disk.`,
  "",
  "## The second snapshot by kind (DevTools' statistics)",
  "",
  `Total ${MiB(stats.total)} MiB: code ${MiB(stats.v8heap.code)}, strings ${MiB(stats.v8heap.strings)}, JS arrays ${MiB(stats.v8heap.jsArrays)}, system ${MiB(stats.v8heap.system)}, native ${MiB(stats.native.total)} (typed arrays ${MiB(stats.native.typedArrays)}), other ${MiB(stats.total - stats.v8heap.code - stats.v8heap.strings - stats.v8heap.jsArrays - stats.v8heap.system - stats.native.total)} MiB.`,
  "",
  "## Classes holding the most (second snapshot)",
  "",
  "| Class | objects | self MiB | retained MiB (largest group) |",
  "|---|---:|---:|---:|",
  ...aggregates
    .sort((a, b) => b.maxRet - a.maxRet)
    .slice(0, 25)
    .map((a) => `| ${a.name.replace(/\|/g, "/").slice(0, 80)} | ${a.count} | ${MiB(a.self)} | ${MiB(a.maxRet)} |`),
  "",
  "## What grew between the snapshots",
  "",
  "| Class | objects added − removed | size change KiB |",
  "|---|---:|---:|",
  ...growth
    .sort((a, b) => b.sizeDelta - a.sizeDelta)
    .slice(0, 20)
    .map((g) => `| ${g.name.replace(/\|/g, "/").slice(0, 80)} | ${g.countDelta} | ${KiB(g.sizeDelta)} |`),
  "",
  "## The largest single retainers (second snapshot)",
  "",
  "Objects by retained size (what would be freed with them), leaving out the roots and arrays, each with the chain of objects that hold it (its dominators, nearest first).",
  "",
  "| Object | copies | retained KiB each | self KiB each | held by |",
  "|---|---:|---:|---:|---|",
  ...topRetainers(30).map((r) => `| ${r.what} | ${r.copies} | ${KiB(r.retained)} | ${KiB(r.self)} | ${r.chain} |`),
];
const text = lines.join("\n") + "\n";
console.log(`\n${text}`);
mkdirSync("bench/results", { recursive: true });
writeFileSync(`bench/results/${date}-${await describeCommit()}-${scale}-heap.md`, text);
if (flag("keep") || from) console.log(`Snapshots kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
process.exit(0);
