import { Pool, neonConfig, type PoolClient } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-serverless";
import ws from "ws";
import { queryCounter } from "../query-count";
import * as schema from "../schema";
import type { Db, DbHandle } from "../types";
import { nameRepeatedStatements, statementNamer } from "./named-statements";
import { logIdleClientError } from "./pool-setup";

/**
 * Neon's serverless driver, which speaks Postgres over WebSockets and supports transactions.
 * `wsProxy` ("host:port/path") points it at a WebSocket-to-TCP proxy in front of a plain
 * Postgres, for local runs and tests.
 */
export function openNeon(url: string, wsProxy?: string, { namedStatements = true } = {}): DbHandle {
  if (typeof WebSocket === "undefined") neonConfig.webSocketConstructor = ws;
  if (wsProxy) {
    neonConfig.wsProxy = (host, port) => `${wsProxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  pool.on("error", logIdleClientError);
  // A connection lost while in use (mid-transaction) fails its query, which the caller handles;
  // the client also emits "error", which with no listener would crash the process.
  const namer = namedStatements ? statementNamer() : null;
  pool.on("connect", (client: PoolClient) => {
    client.on("error", logIdleClientError);
    if (namer) nameRepeatedStatements(client, namer);
  });
  const db = drizzle({ client: pool, schema, logger: queryCounter }) as unknown as Db;
  return { db, driver: "neon", close: () => pool.end() };
}
