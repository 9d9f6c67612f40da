// Builds and starts the app for the e2e suite: a production build (its output shown only if it
// fails; E2E_SKIP_BUILD=1 reuses the last one), a fresh embedded database with demo data, a
// local SMTP server that catches mail into a file, and `next start`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { buildApp, serverEnv, startArgs, startMailCatcher } from "./app-server";
import { cronSecret, mailFile, port, runDir } from "./paths";

buildApp();

rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });
const pgliteDir = path.join(runDir, "db");
const smtp = await startMailCatcher(mailFile);

// Seed in this process, then hand the database folder to the server.
process.env.PGLITE_DIR = pgliteDir;
delete process.env.DATABASE_URL;
const { closeDb, getDb } = await import("@/lib/db/client");
const { seedDemo } = await import("@/lib/seed/demo");
await seedDemo(await getDb());
await closeDb();

const server = spawn("npx", startArgs(port), {
  stdio: "inherit",
  env: serverEnv(port, smtp.port, { PGLITE_DIR: pgliteDir, AUTH_SECRET: randomBytes(32).toString("base64url"), CRON_SECRET: cronSecret }),
});
const stop = () => {
  server.kill("SIGTERM");
  smtp.close();
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
server.on("exit", (code) => {
  smtp.close();
  process.exit(code ?? 0);
});
