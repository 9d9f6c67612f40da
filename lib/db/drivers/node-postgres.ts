import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { queryCounter } from "../query-count";
import * as schema from "../schema";
import type { Db, DbHandle } from "../types";
import { nameRepeatedStatements, statementNamer } from "./named-statements";
import { logIdleClientError } from "./pool-setup";

/** `namedStatements`: send repeated statements prepared (see named-statements.ts); off for a pooler that cannot keep them. */
export function openNodePostgres(url: string, { namedStatements = true } = {}): DbHandle {
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  pool.on("error", logIdleClientError);
  // A connection lost while in use (mid-transaction) fails its query, which the caller handles;
  // the client also emits "error", which with no listener would crash the process.
  const namer = namedStatements ? statementNamer() : null;
  pool.on("connect", (client) => {
    client.on("error", logIdleClientError);
    if (namer) nameRepeatedStatements(client, namer);
  });
  const db = drizzle({ client: pool, schema, logger: queryCounter }) as unknown as Db;
  return { db, driver: "pg", close: () => pool.end() };
}
