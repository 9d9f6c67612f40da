/**
 * An idle pooled connection can be closed by the server (a restart, a failover, a dropped
 * test database). The pool replaces it; without this handler the error would crash the process.
 */
export function logIdleClientError(error: Error & { code?: string }) {
  if (error.code === "57P01") return; // terminated by an administrator: expected on shutdown
  console.error("A pooled database connection failed:", error.message);
}

/**
 * Settings for each new connection. JIT compilation is for long analytical queries: on the
 * short, index-driven queries of a web app it only adds a few hundred milliseconds whenever
 * the planner's estimate is high.
 */
export function tuneConnection(client: { query: (sql: string) => Promise<unknown> }) {
  client.query("set jit = off").catch(() => undefined);
}
