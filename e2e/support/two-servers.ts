// Two production servers on one PostgreSQL database, as two serverless instances would run:
// a fresh database (migrated and seeded with the demo data) on the cluster at PG_URL, one
// shared SMTP catcher, and `next start` twice, on E2E_PORT and the port after it. With
// DATABASE_DRIVER=neon both reach PostgreSQL through the Neon driver and a local WebSocket proxy.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import pg from "pg";
import { startWsProxy } from "../../test/support/ws-proxy";
import { buildApp, serverEnv, startMailCatcher } from "./app-server";
import { cronSecret, mailFile, port, runDir, secondPort } from "./paths";

const clusterUrl = process.env.PG_URL;
if (!clusterUrl) {
  console.error("PG_URL must point at a PostgreSQL cluster (see scripts/local-postgres.sh).");
  process.exit(2);
}
buildApp();

rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });
const smtp = await startMailCatcher(mailFile);

// A database of its own on the cluster, made afresh.
const database = `e2e_two_servers_${port}`;
const admin = new pg.Client({ connectionString: clusterUrl });
await admin.connect();
await admin.query(`drop database if exists ${database} with (force)`);
await admin.query(`create database ${database}`);
await admin.end();
const url = new URL(clusterUrl);
url.pathname = `/${database}`;
const databaseUrl = url.toString();

// Migrate and seed through node-postgres in this process, then start the servers.
process.env.DATABASE_URL = databaseUrl;
process.env.DATABASE_DRIVER = "pg";
const { closeDb, getDb, getDbHandle } = await import("@/lib/db/client");
const { migrate } = await import("@/lib/db/migrate");
const { seedDemo } = await import("@/lib/seed/demo");
await migrate(await getDbHandle());
await seedDemo(await getDb());
await closeDb();

const neon = process.env.E2E_DRIVER === "neon" ? await startWsProxy() : null;
const shared = {
  DATABASE_URL: databaseUrl,
  DATABASE_DRIVER: neon ? "neon" : "pg",
  ...(neon ? { NEON_WS_PROXY: `localhost:${neon.port}/v1` } : {}),
  // One secret, as every instance of one deployment has.
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  CRON_SECRET: cronSecret,
};
const servers: ChildProcess[] = [port, secondPort].map((p) =>
  spawn("npx", ["next", "start", "-p", String(p)], { stdio: "inherit", env: serverEnv(p, smtp.port, shared) }),
);
console.log(`Two servers on ${database} (${shared.DATABASE_DRIVER} driver): ports ${port} and ${secondPort}.`);

const stop = () => {
  for (const server of servers) server.kill("SIGTERM");
  smtp.close();
  void neon?.close();
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
for (const server of servers)
  server.on("exit", (code) => {
    stop();
    process.exit(code ?? 0);
  });
