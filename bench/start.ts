// npm run bench:start -- [--runs 5] [--port 3460] [--no-dev]
// Cold start, measured two ways, and written to bench/results/<date>-start.md:
// - on PostgreSQL (DATABASE_URL, filled by bench:data): from spawning `next start` on the
//   production build to the first community page served to a signed-in member, over several runs;
// - the embedded first run: from `npm run dev` on a fresh embedded database (an empty folder, so
//   it migrates and seeds) and no development build to the first `/` answered.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFixtures } from "./fixtures";
import { BENCH_PASSWORD, benchAccounts } from "./scales";
import { nextStartArgs, signInCookie, startServer } from "./server";
import { describeCommit, options } from "./targets";

export type ColdStart = { runs: number[]; listening: number[]; medianMs: number; minMs: number; maxMs: number; page: string };
export type DevFirstRun = { ms: number; seededMs: number | null; readyMs: number | null; status: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the URL until it answers 200; returns the time of the first answer of any kind too. */
async function until200(url: string, headers: Record<string, string>, started: number, stopped: () => boolean, pollMs = 20) {
  let listening: number | null = null;
  for (;;) {
    const status = await fetch(url, { headers, redirect: "manual" }).then((r) => r.arrayBuffer().then(() => r.status), () => 0);
    if (status && listening === null) listening = performance.now() - started;
    if (status === 200) return { ms: performance.now() - started, listening: listening!, status };
    if (stopped()) throw new Error(`The server stopped before ${url} answered.`);
    if (performance.now() - started > 600_000) throw new Error(`${url} did not answer 200 within 10 minutes (last ${status}).`);
    await sleep(pollMs);
  }
}

/** `next start` on PostgreSQL: process start to the first community page served, `runs` times. */
export async function coldStartOnPostgres(url: string, port: number, runs: number, dir = process.cwd()): Promise<ColdStart> {
  const secret = randomBytes(32).toString("base64url");
  const env = { DATABASE_URL: url, AUTH_SECRET: secret, AUTH_URL: `http://localhost:${port}` };
  const fixtures = await findFixtures(url);
  const page = `/c/${fixtures.large}`;
  // Sign in once; the session cookie stays valid for every later process with the same secret.
  const first = await startServer(port, env, dir);
  const cookie = await signInCookie(`http://localhost:${port}`, benchAccounts.member, BENCH_PASSWORD).finally(() => first.stop());
  const times: number[] = [];
  const listening: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const child = spawn(process.execPath, nextStartArgs(dir, port), {
      cwd: dir,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", RATE_LIMITS: "off", ...env },
    });
    try {
      const result = await until200(`http://localhost:${port}${page}`, { cookie }, started, () => child.exitCode !== null);
      times.push(Math.round(result.ms));
      listening.push(Math.round(result.listening));
    } finally {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    }
  }
  return { runs: times, listening, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), page: "community feed, large" };
}

/**
 * `npm run dev` as a newcomer first runs it: an empty embedded database folder and no development
 * build (.next/dev is removed). Measured to the first 200 from `/`; also when seeding finished
 * and when Next said it was ready, read from its output.
 */
export async function devFirstRun(port: number, dir = process.cwd()): Promise<DevFirstRun> {
  const data = mkdtempSync(path.join(tmpdir(), "roundtable-first-run-"));
  rmSync(path.join(dir, ".next/dev"), { recursive: true, force: true });
  // No DATABASE_URL: the embedded database, as on a newcomer's laptop.
  const inherited = Object.entries(process.env).filter(([name]) => !["DATABASE_URL", "DATABASE_DRIVER", "NODE_ENV"].includes(name));
  const env = { ...Object.fromEntries(inherited), PGLITE_DIR: path.join(data, "pglite"), NEXT_TELEMETRY_DISABLED: "1" } as unknown as NodeJS.ProcessEnv;
  const started = performance.now();
  const child = spawn("npm", ["run", "dev", "--", "-p", String(port)], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let seededMs: number | null = null;
  let readyMs: number | null = null;
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (seededMs === null && /Demo sign-ins/.test(output)) seededMs = Math.round(performance.now() - started);
    if (readyMs === null && /Ready in/.test(output)) readyMs = Math.round(performance.now() - started);
  });
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    const result = await until200(`http://localhost:${port}/`, {}, started, () => child.exitCode !== null, 100);
    return { ms: Math.round(result.ms), seededMs, readyMs, status: result.status };
  } catch (error) {
    console.error(output.slice(-2000));
    throw error;
  } finally {
    // npm, tsx and next dev form one process group, started here: stop the group.
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      process.kill(-child.pid!, "SIGTERM");
    });
    rmSync(data, { recursive: true, force: true });
  }
}

export function startMarkdown(cold: ColdStart | null, dev: DevFirstRun | null): string[] {
  const lines = ["## Start-up", ""];
  if (cold)
    lines.push(
      `Cold start on PostgreSQL, \`next start\` to the first ${cold.page} page served (signed in), ${cold.runs.length} runs: median ${cold.medianMs} ms, min ${cold.minMs}, max ${cold.maxMs} (runs: ${cold.runs.join(", ")} ms; first HTTP answer of any kind: ${cold.listening.join(", ")} ms).`,
    );
  if (dev)
    lines.push(
      `First \`npm run dev\` on a fresh embedded database, to the first \`/\` answered: ${dev.ms} ms (seeded at ${dev.seededMs ?? "–"} ms, Next ready at ${dev.readyMs ?? "–"} ms).`,
    );
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { option, flag } = options(process.argv.slice(2));
  const port = Number(option("port", "3460"));
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL to the database filled by `npm run bench:data`.");
    process.exit(2);
  }
  const cold = await coldStartOnPostgres(url, port, Number(option("runs", "5")));
  const dev = flag("no-dev") ? null : await devFirstRun(port);
  const text = [`# Start-up, ${new Date().toISOString().slice(0, 10)}`, "", `Commit ${await describeCommit()}. Node ${process.version}.`, "", ...startMarkdown(cold, dev)].join("\n") + "\n";
  console.log(text);
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/${new Date().toISOString().slice(0, 10)}-${await describeCommit()}-start.md`, text);
}
