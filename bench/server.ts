import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";

/** Starts the production build on a port, against the database in DATABASE_URL. */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<{ process: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_URL: `http://localhost:${port}`,
      // The benchmark posts far faster than any person may; limits are measured in tests.
      RATE_LIMITS: "off",
      ...env,
    },
  });
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    if (child.exitCode !== null) throw new Error("The server stopped while starting.");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    process: child,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
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
