// npx tsx bench/memory-by-target.ts [--seconds 10] [--connections 50] [--only words] [--port 3600] [--smaps]
// Where the server's resident memory goes under load, target by target: starts this folder's
// build, drives each target alone at `connections`, and samples every 200 ms the process's RSS
// (anonymous and file-backed, from /proc) beside V8's heap (used, committed, and its young
// generation) and the memory outside it (external, array buffers). Prints the largest of each
// per target and the peak RSS (VmHWM) after each, so a peak can be put down to a kind of memory.
// --smaps adds, at the end, the resident memory of the process's mappings by kind.
import { readFileSync } from "node:fs";
import { findFixtures } from "./fixtures";
import { measure, quiet } from "./load";
import { BENCH_PASSWORD, benchAccounts } from "./scales";
import { signInCookie, startServer } from "./server";
import { options, targets } from "./targets";

const { option, flag } = options(process.argv.slice(2));
const seconds = Number(option("seconds", "10"));
const connections = Number(option("connections", "50"));
const port = Number(option("port", "3600"));
const only = option("only", "").split(",").filter(Boolean);
const url = process.env.DATABASE_URL!;

const kB = (text: string, key: string) => Number(text.match(new RegExp(`${key}:\\s+(\\d+) kB`))?.[1] ?? 0) / 1024;
const fixtures = await findFixtures(url);
const server = await startServer(port, { DATABASE_URL: url });
const pid = server.process.pid!;
const base = `http://localhost:${port}`;
const cookie = await signInCookie(base, benchAccounts.member, BENCH_PASSWORD);
const mib = (n: number) => Math.round(n * 10) / 10;
const row = (name: string, s: Record<string, number>) =>
  console.log(`| ${name} | ${["rss", "anon", "file", "hwm", "heapUsed", "heapTotal", "newSpace", "oldSpace", "codeSpace", "lo", "external", "arrayBuffers"].map((k) => mib(s[k] ?? 0)).join(" | ")} |`);
console.log("| target | RSS | anon | file | VmHWM | heap used | heap total | new space | old space | code space | large objects | external | array buffers |");
console.log("|---|" + "---:|".repeat(12));

async function snapshot(): Promise<Record<string, number>> {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const s = await server.stats();
  const spaces = s.spaceSizes ?? {};
  const M = 1048576;
  return {
    rss: kB(status, "VmRSS"), anon: kB(status, "RssAnon"), file: kB(status, "RssFile"), hwm: kB(status, "VmHWM"),
    heapUsed: s.heapUsed / M, heapTotal: s.heapTotal / M, external: s.external / M, arrayBuffers: s.arrayBuffers / M,
    newSpace: (spaces.new_space ?? 0) / M, oldSpace: (spaces.old_space ?? 0) / M, codeSpace: (spaces.code_space ?? 0) / M, lo: (spaces.large_object_space ?? 0) / M,
  };
}

row("(idle, after start)", await snapshot());
for (const t of targets(fixtures, "").filter((t) => t.group !== "write" && (!only.length || only.some((w) => t.name.toLowerCase().includes(w.toLowerCase()))))) {
  const max: Record<string, number> = {};
  let running = true;
  const sampler = (async () => {
    while (running) {
      const s = await snapshot();
      for (const [k, v] of Object.entries(s)) max[k] = Math.max(max[k] ?? 0, v);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const m = await measure(base, cookie, t, { seconds, warmup: 3, connections });
  running = false;
  await sampler;
  await quiet(server);
  row(`${t.name} (${m.rps} req/s)`, max);
}
row("(after, quiet)", await snapshot());
if (flag("smaps")) {
  // Anonymous mappings by size class: glibc's thread arenas reserve 64 MiB each; V8 maps its pages in 256 KiB steps.
  const blocks = readFileSync(`/proc/${pid}/smaps`, "utf8").split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/);
  const groups: Record<string, { n: number; rss: number }> = {};
  for (const b of blocks) {
    const [range, , , , , name = ""] = b.split("\n")[0]!.split(/\s+/);
    const [lo, hi] = range!.split("-").map((h) => parseInt(h, 16));
    const size = (hi! - lo!) / 1048576;
    const rss = kB(b, "Rss");
    const kind = name ? (name.startsWith("/") ? "file" : name) : size >= 60 && size <= 64.1 ? "64 MiB region (malloc arena?)" : size > 64 ? "large anon > 64 MiB" : "anon < 64 MiB";
    groups[kind] ??= { n: 0, rss: 0 };
    groups[kind].n++;
    groups[kind].rss += rss;
  }
  for (const [k, g] of Object.entries(groups).sort((a, b) => b[1].rss - a[1].rss)) console.log(`${k}: ${g.n} mappings, ${mib(g.rss)} MiB resident`);
}
await server.stop();
process.exit(0);
