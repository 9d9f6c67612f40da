import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/** `spaceSizes`: the bytes V8 has committed to each heap space (an older commit's probe is this folder's, so it is always there). */
export type ProbeStats = { statements: number; rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number; spaceSizes?: Record<string, number> };
/** Memory after a full collection: `live` is the heap in use then, `spaces` the bytes used in each of V8's heap spaces. */
export type LiveStats = ProbeStats & { live: number; spaces: Record<string, number> };

export type Server = {
  process: ChildProcess;
  /** The app's folder: this worktree, or the worktree of the commit compared against. */
  dir: string;
  stop: () => Promise<void>;
  /** Memory now and statements sent so far, from bench/probe.cjs inside the server. */
  stats: () => Promise<ProbeStats>;
  /** Runs a full collection in the server first (a pause of tens of milliseconds), then reports memory. */
  live: () => Promise<LiveStats>;
  /** Writes a heap snapshot (the server pauses while it does) and returns its path. */
  snapshot: (file: string) => Promise<string>;
};

const probe = path.resolve(import.meta.dirname, "probe.cjs");

/**
 * Starts the production build in `dir` on a port, against the database in DATABASE_URL, with the
 * probe loaded. Resolves once the server answers HTTP at all: an older commit may lack a route.
 */
export async function startServer(port: number, env: Record<string, string> = {}, dir = process.cwd()): Promise<Server> {
  const child = spawn(process.execPath, nextStartArgs(dir, port), {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_URL: `http://localhost:${port}`,
      // The benchmark posts far faster than any person may; limits are measured in tests.
      RATE_LIMITS: "off",
      BENCH_PROBE: "1",
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${probe}`].filter(Boolean).join(" "),
      ...env,
    },
  });
  await untilAnswering(`http://localhost:${port}/api/health`, child);
  let next = 0;
  const ask = <T>(message: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => reject(new Error("The server's probe did not answer.")), 600_000);
      const listener = (reply: { id?: number } & T) => {
        if (reply?.id !== id) return;
        clearTimeout(timer);
        child.off("message", listener);
        resolve(reply);
      };
      child.on("message", listener);
      child.send({ ...message, id });
    });
  return {
    process: child,
    dir,
    stats: () => ask<ProbeStats>({ probe: "stats" }),
    live: () => ask<LiveStats>({ probe: "live" }),
    snapshot: async (file) => (await ask<{ file: string }>({ probe: "snapshot", file })).file,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * The arguments `npm start` gives Node in `dir`: the start script's Node options (it reads
 * `node <options> node_modules/next/dist/bin/next start`), then Next's start command on the port.
 * A commit whose script is plain `next start` gets none, so each is measured as it would run.
 */
export function nextStartArgs(dir: string, port: number): string[] {
  const start: string = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).scripts?.start ?? "";
  const options = start.match(/^node((?:\s+--\S+)*)\s+node_modules\/next\/dist\/bin\/next start/)?.[1]?.trim();
  return [...(options ? options.split(/\s+/) : []), path.join(dir, "node_modules/next/dist/bin/next"), "start", "-p", String(port)];
}

/** Polls until the URL gives any HTTP answer; fails if the process stops first. */
export async function untilAnswering(url: string, child: ChildProcess, pollMs = 200): Promise<void> {
  for (let i = 0; i < 300_000 / pollMs; i++) {
    if (await fetch(url).then(() => true, () => false)) return;
    if (child.exitCode !== null) throw new Error(`The server stopped while starting (exit code ${child.exitCode}).`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`${url} did not answer within 5 minutes.`);
}

/** The largest resident memory any process in the server's tree has reached, in MiB (Linux). */
export function peakMemoryMiB(pid: number): number {
  const pids = [pid, ...descendants(pid)];
  let peak = 0;
  for (const p of pids) {
    try {
      const match = readFileSync(`/proc/${p}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
      if (match) peak = Math.max(peak, Number(match[1]) / 1024);
    } catch {
      // the process has gone
    }
  }
  return Math.round(peak);
}

function descendants(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return children.flatMap((c) => [c, ...descendants(c)]);
  } catch {
    return [];
  }
}

/** Signs in through Auth.js's credentials endpoint and returns the session cookie. */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c?.includes("session-token"));
  if (!session) throw new Error(`Could not sign in as ${email}: is the benchmark data loaded?`);
  return session;
}
