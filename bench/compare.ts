// The comparison mode of `npm run bench -- --against <ref>`: this folder's build ("new") and a
// build of <ref> ("old"), both running at once on the same database, measured target by target
// in turns (old then new, then new then old, for `rounds` turns each, so that a burst of other
// work on the shared machine favours neither), each with the same warm-up. Every speed claim is
// a ratio new/old from one such run.
import { cpus, loadavg } from "node:os";
import { findFixtures, removeBenchWrites } from "./fixtures";
import { measure, quiet, sample, type Measure, type Sample, type Target } from "./load";
import { BENCH_PASSWORD, benchAccounts } from "./scales";
import { peakMemoryMiB, signInCookie, startServer, type Server } from "./server";
import { targets } from "./targets";
import { buildHere, prepareWorktree, type Prepared } from "./worktree";

export type Side = "old" | "new";
export type CompareRow = {
  name: string;
  path: string;
  group: Target["group"];
  /** Why a side was not measured: an older commit may lack the route. */
  missing: Partial<Record<Side, string>>;
  load: Partial<Record<Side, Measure>>;
  latency: Partial<Record<Side, Measure>>;
  sample: Partial<Record<Side, Sample>>;
};
export type Comparison = { old: Prepared; rounds: number; rows: CompareRow[]; peakMiB: Record<Side, number>; load: { min: number; max: number; mean: number } };

type Options = { ref: string; rounds: number; seconds: number; warmup: number; connections: number; latencySeconds: number; port: number; skipBuild: boolean; rebuild: boolean; only?: string[] };

export async function compare(url: string, o: Options): Promise<Comparison> {
  console.log(`Preparing ${o.ref} (a worktree, its packages and its build; reused when present)…`);
  const old = prepareWorktree(o.ref, { rebuild: o.rebuild });
  console.log(`  ${old.short} in ${old.dir}: packages ${old.installed}, build ${old.built}.`);
  if (!o.skipBuild) {
    console.log("Building this folder…");
    buildHere();
  }
  const fixtures = await findFixtures(url);
  const servers: Partial<Record<Side, Server>> = {};
  const started = new Date();
  let wrote = false;
  try {
    servers.old = await startServer(o.port, { DATABASE_URL: url }, old.dir);
    servers.new = await startServer(o.port + 1, { DATABASE_URL: url });
    const base = { old: `http://localhost:${o.port}`, new: `http://localhost:${o.port + 1}` };
    // `--only post,reply` keeps the targets whose names contain any of the words (case ignored).
    const list = targets(fixtures, "").filter((t) => !o.only?.length || o.only.some((word) => t.name.toLowerCase().includes(word.toLowerCase())));
    wrote = list.some((t) => t.group === "write");
    // The facilitator signs in only for a target of theirs: a database made before that account existed still compares the rest.
    const needsFacilitator = list.some((t) => t.role === "facilitator");
    const cookies = {} as Record<Side, { member: string; writer: string; facilitator: string }>;
    for (const side of ["old", "new"] as const) {
      try {
        cookies[side] = {
          member: await signInCookie(base[side], benchAccounts.member, BENCH_PASSWORD),
          writer: await signInCookie(base[side], benchAccounts.writer, BENCH_PASSWORD),
          facilitator: needsFacilitator ? await signInCookie(base[side], benchAccounts.facilitator, BENCH_PASSWORD) : "",
        };
      } catch (error) {
        throw new Error(`Could not sign in on the ${side} build (${side === "old" ? old.short : "this folder"}): ${(error as Error).message}`);
      }
    }
    const cookie = (side: Side, t: Target) => (t.group === "write" ? cookies[side].writer : t.role === "facilitator" ? cookies[side].facilitator : cookies[side].member);
    const rows: CompareRow[] = list.map((t) => ({ name: t.name, path: t.path, group: t.group, missing: {}, load: {}, latency: {}, sample: {} }));
    const peakMiB = { old: 0, new: 0 };
    const sides = (i: number): Side[] => (i % 2 === 0 ? ["old", "new"] : ["new", "old"]);

    // A first request tells whether the route exists on each side.
    for (const [i, t] of list.entries()) {
      for (const side of ["old", "new"] as const) {
        const s = await sample(base[side], cookie(side, t), t, servers[side], 1);
        if (s.status >= 300) rows[i]!.missing[side] = `answers ${s.status}`;
      }
    }
    const loads: number[] = [];
    // Each target: `rounds` turns on each side, alternating which goes first, the first turn of
    // each side after the warm-up. A burst of other work on the machine then falls on both sides.
    const both = async (i: number, t: Target, connections: number, seconds: number, warmup: number) => {
      const got = { old: [] as Measure[], new: [] as Measure[] };
      for (let round = 0; round < o.rounds; round++) {
        for (const side of sides(i + round)) {
          if (rows[i]!.missing[side]) continue;
          got[side].push(await measure(base[side], cookie(side, t), t, { seconds, warmup: round === 0 ? warmup : 0, connections }));
          loads.push(loadavg()[0]!);
          peakMiB[side] = Math.max(peakMiB[side], peakMemoryMiB(servers[side]!.process.pid!));
          // The requests still queued when the load stopped are answered before the other side starts.
          await quiet(servers[side]!);
        }
      }
      return { old: got.old.length ? combine(got.old) : undefined, new: got.new.length ? combine(got.new) : undefined };
    };
    for (const [i, t] of list.entries()) {
      const row = rows[i]!;
      process.stdout.write(`${t.name}: `);
      row.load = await both(i, t, o.connections, o.seconds, o.warmup);
      for (const side of ["old", "new"] as const) if (!row.missing[side]) row.sample[side] = await sample(base[side], cookie(side, t), t, servers[side]);
      console.log(describe(row));
    }
    for (const [i, t] of list.entries()) {
      if (!t.latency) continue;
      const row = rows[i]!;
      process.stdout.write(`${t.name}, one connection: `);
      row.latency = await both(i, t, 1, o.latencySeconds, Math.min(2, o.warmup));
      console.log(`p95 ${row.latency.old?.p95 ?? "–"} → ${row.latency.new?.p95 ?? "–"} ms (${ratio(row.latency.new?.p95, row.latency.old?.p95)})`);
    }
    const load = { min: Math.min(...loads), max: Math.max(...loads), mean: Math.round((loads.reduce((a, b) => a + b, 0) / loads.length) * 10) / 10 };
    return { old, rounds: o.rounds, rows, peakMiB, load };
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
    // Only a run that wrote cleans up: the clean-up locks posts, on a database others may be using.
    if (wrote) await removeBenchWrites(url, fixtures.writePost, started);
  }
}

/** Several turns of one target on one side: mean rates and percentiles, summed counts. */
function combine(ms: Measure[]): Measure {
  const mean = (k: "rps" | "p50" | "p95" | "p99") => Math.round(ms.reduce((a, m) => a + m[k], 0) / ms.length);
  const sum = (k: "errors" | "non2xx" | "requests") => ms.reduce((a, m) => a + m[k], 0);
  return { ...ms[0]!, rps: mean("rps"), p50: mean("p50"), p95: mean("p95"), p99: mean("p99"), errors: sum("errors"), non2xx: sum("non2xx"), requests: sum("requests") };
}

export const ratio = (a: number | null | undefined, b: number | null | undefined) => (a != null && b ? (a / b).toFixed(2) : "–");

function describe(row: CompareRow) {
  const { old: o, new: n } = row.load;
  const missing = Object.entries(row.missing).map(([side, why]) => `${side} ${why}`).join(", ");
  return `${o?.rps ?? "–"} → ${n?.rps ?? "–"} req/s (${ratio(n?.rps, o?.rps)}), p99 ${o?.p99 ?? "–"} → ${n?.p99 ?? "–"} ms${missing ? `; not measured: ${missing}` : ""}`;
}

export function compareMarkdown(c: Comparison, settings: string): string[] {
  const kb = (s?: Sample) => (s ? (s.bytes / 1024).toFixed(1) : "–");
  const payload = (s?: Sample) => (s?.payloadBytes != null ? (s.payloadBytes / 1024).toFixed(1) : "–");
  const failures = (m?: Measure) => (m ? m.errors + m.non2xx : 0);
  const lines = [
    `## New / old, against ${c.old.short}`,
    "",
    `Old: ${c.old.sha} (its own worktree and build). New: this folder. Both servers ran at once on the same database; each target was measured in ${c.rounds} turns on each, alternating (old then new, then new then old, …), the first turn of each after the warm-up: ${settings} per turn; the figures are the means of the turns. A ratio above 1 is better for req/s, below 1 is better for times, bytes and statements.`,
    `Server peak memory: old ${c.peakMiB.old} MiB, new ${c.peakMiB.new} MiB (${ratio(c.peakMiB.new, c.peakMiB.old)}). The machine's load average (1 min) after each turn: ${c.load.min}–${c.load.max}, mean ${c.load.mean}, on ${cpus().length} CPUs: above that number, other work was competing and the ratios are noisier.`,
    "",
    "| Target | req/s old | req/s new | req/s new/old | p95 new/old | p99 new/old | p95 ms old → new, 1 connection | 1 conn p95 new/old | body KB old → new | body new/old | of which RSC payload KB old → new | statements old → new | failed old/new |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of c.rows) {
    const { old: o, new: n } = r.load;
    const note = Object.entries(r.missing).map(([side, why]) => ` (${side}: ${why})`).join("");
    lines.push(
      `| ${r.name}${note} | ${o?.rps ?? "–"} | ${n?.rps ?? "–"} | ${ratio(n?.rps, o?.rps)} | ${ratio(n?.p95, o?.p95)} | ${ratio(n?.p99, o?.p99)} | ${r.latency.old || r.latency.new ? `${r.latency.old?.p95 ?? "–"} → ${r.latency.new?.p95 ?? "–"}` : ""} | ${ratio(r.latency.new?.p95, r.latency.old?.p95)} | ${kb(r.sample.old)} → ${kb(r.sample.new)} | ${ratio(r.sample.new?.bytes, r.sample.old?.bytes)} | ${payload(r.sample.old)} → ${payload(r.sample.new)} | ${r.sample.old?.statements ?? "–"} → ${r.sample.new?.statements ?? "–"} | ${failures(o)}/${failures(n)} |`,
    );
  }
  return lines;
}
