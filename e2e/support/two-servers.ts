// Two production servers on one PostgreSQL database, as two serverless instances would run:
// a fresh database (migrated and seeded with the demo data) on the cluster at PG_URL, one
// shared SMTP catcher, and `next start` twice, on E2E_PORT and the port after it. With
// E2E_DRIVER=neon both reach PostgreSQL through the Neon driver and a local WebSocket proxy.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import pg from "pg";
import { startWsProxy } from "../../test/support/ws-proxy";
import { buildApp, serverEnv, startArgs, startMailCatcher } from "./app-server";
import { startRoundRobin } from "./round-robin";
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
// E2E_ALTERNATE=1: the whole suite on E2E_PORT, a proxy sending each request to the two servers
// in turn (on the two ports after it). Otherwise the servers themselves are on E2E_PORT and the
// port after it, for the spec that chooses which one each request goes to.
const alternate = Boolean(process.env.E2E_ALTERNATE);
const serverPorts = alternate ? [port + 1, port + 2] : [port, secondPort];
const servers: ChildProcess[] = serverPorts.map((p) =>
  spawn("npx", startArgs(p), {
    stdio: "inherit",
    env: serverEnv(p, smtp.port, { ...shared, ...(alternate ? { AUTH_URL: `http://localhost:${port}` } : {}) }),
  }),
);
const proxy = alternate ? await startRoundRobin(port, serverPorts) : null;
console.log(`Two servers on ${database} (${shared.DATABASE_DRIVER} driver): ports ${serverPorts.join(" and ")}${proxy ? `, taking turns behind ${port}` : ""}.`);

const stop = () => {
  for (const server of servers) server.kill("SIGTERM");
  proxy?.close();
  smtp.close();
  void neon?.close();
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
for (const server of servers)
  server.on("exit", (code) => {
    stop();
    process.exit(code ?? 0);
  });
