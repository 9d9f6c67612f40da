import { randomBytes } from "node:crypto";
import { chooseDriver } from "@/lib/db/client";
import type { Env } from "@/lib/env";
import { DEMO_PASSWORD } from "./people";

// Demo data has sign-ins whose password is public. It goes only where it cannot reach real
// people: the embedded database, or a Postgres on this machine that the command names.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

/** Why `db:seed` must not run against this database, or null when it may. */
export function seedRefusal(e: Env, argv: string[]): string | null {
  if (e.isProduction) return "Refusing to seed demo data in production (NODE_ENV=production).";
  if (chooseDriver(e) === "pglite") return null;
  const url = new URL(e.DATABASE_URL ?? "postgres://unknown/");
  if (chooseDriver(e) === "neon" || !LOCAL_HOSTS.has(url.hostname)) {
    return `Refusing to seed ${url.hostname}: demo data goes only into the embedded database or a PostgreSQL on this machine.`;
  }
  const name = decodeURIComponent(url.pathname.slice(1));
  const named = argv[argv.indexOf("--database") + 1];
  if (!argv.includes("--database") || named !== name) {
    return `To seed the local database "${name}", name it: npm run db:seed -- --database ${name}`;
  }
  return null;
}

/**
 * The demo sign-ins' password: the documented one on the embedded database, and a fresh random
 * one anywhere else, so that a database that might one day serve people has no known password.
 */
export function demoPasswordFor(e: Env): string {
  return chooseDriver(e) === "pglite" ? DEMO_PASSWORD : randomBytes(12).toString("base64url");
}
