import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { queryCounter } from "../query-count";
import * as schema from "../schema";
import type { Db, DbHandle } from "../types";

/** Opens the embedded database: in memory for `memory://`, otherwise in a folder on disk. */
export async function openPglite(dir: string): Promise<DbHandle> {
  let dataDir: string | undefined;
  if (!dir.startsWith("memory://")) {
    dataDir = path.resolve(dir);
    mkdirSync(dataDir, { recursive: true });
  }
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const db = drizzle({ client, schema, logger: queryCounter }) as unknown as Db;
  return { db, driver: "pglite", close: () => client.close() };
}
