import { env, type Env } from "@/lib/env";
import { retryingTransactions } from "./retry";
import type { Db, DbHandle, Driver } from "./types";

export type { Db, DbHandle, Driver, Tx } from "./types";

const store = globalThis as typeof globalThis & { __roundtableDb?: Promise<DbHandle> };

/** Which driver the environment asks for. Nothing connects here. */
export function chooseDriver(e: Env = env()): Driver {
  if (e.DATABASE_DRIVER) return e.DATABASE_DRIVER;
  if (!e.DATABASE_URL) return "pglite";
  const host = new URL(e.DATABASE_URL).hostname;
  return host.endsWith(".neon.tech") ? "neon" : "pg";
}

/**
 * The database, opened on first use and shared by the process (and across dev reloads).
 * The embedded database is migrated when it opens; hosted ones are migrated at deploy.
 */
export function getDbHandle(): Promise<DbHandle> {
  store.__roundtableDb ??= open(env()).catch((error: unknown) => {
    store.__roundtableDb = undefined;
    throw error;
  });
  return store.__roundtableDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export async function closeDb(): Promise<void> {
  const handle = store.__roundtableDb;
  store.__roundtableDb = undefined;
  if (handle) await (await handle).close();
}

async function open(e: Env): Promise<DbHandle> {
  const driver = chooseDriver(e);
  if (driver === "pglite") {
    const { openPglite } = await import("./drivers/pglite");
    const handle = await openPglite(e.PGLITE_DIR, e.PGLITE_TEMPLATE);
    const { migrate } = await import("./migrate");
    await migrate(handle);
    return handle;
  }
  const url = e.DATABASE_URL;
  if (!url) throw new Error(`Invalid environment: DATABASE_URL is needed for the ${driver} driver`);
  const namedStatements = e.DATABASE_PREPARED_STATEMENTS === "on";
  if (driver === "neon") {
    const { openNeon } = await import("./drivers/neon");
    return retryingTransactions(await openNeon(url, e.NEON_WS_PROXY, { namedStatements }));
  }
  const { openNodePostgres } = await import("./drivers/node-postgres");
  return retryingTransactions(await openNodePostgres(url, { namedStatements }));
}
