import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { queryCounter } from "../query-count";
import * as schema from "../schema";
import type { Db, DbHandle } from "../types";

/**
 * Opens the embedded database: in memory for `memory://`, otherwise in a folder on disk. With a
 * template (a file from `dump`), a new database starts as a copy of it: much faster than
 * creating and migrating one, which is what the test suite does for each test file.
 */
export async function openPglite(dir: string, template?: string): Promise<DbHandle & { dump: () => Promise<Blob | File> }> {
  let dataDir: string | undefined;
  if (!dir.startsWith("memory://")) {
    dataDir = path.resolve(dir);
    mkdirSync(dataDir, { recursive: true });
  }
  const loadDataDir = template ? new Blob([readFileSync(template)]) : undefined;
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
  const db = drizzle({ client, schema, logger: queryCounter }) as unknown as Db;
  return { db, driver: "pglite", close: () => client.close(), dump: () => client.dumpDataDir("none") };
}
