import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { queryCounter } from "../query-count";
import * as schema from "../schema";
import type { Db, DbHandle } from "../types";
import { logIdleClientError } from "./pool-setup";

export function openNodePostgres(url: string): DbHandle {
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  pool.on("error", logIdleClientError);
  const db = drizzle({ client: pool, schema, logger: queryCounter }) as unknown as Db;
  return { db, driver: "pg", close: () => pool.end() };
}
