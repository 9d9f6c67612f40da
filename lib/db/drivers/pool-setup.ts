/**
 * A pooled connection can be closed by the server (a restart, a failover, a dropped test
 * database), idle or in use. The pool replaces it; without this handler the error would crash
 * the process.
 */
export function logIdleClientError(error: Error & { code?: string }) {
  if (error.code === "57P01") return; // terminated by an administrator: expected on shutdown
  // One structured line, as lib/log writes them (lib/db imports nothing but lib/env).
  const line = { time: new Date().toISOString(), level: "warn", event: "database_connection_failed", message: error.message, code: error.code };
  process.stderr.write(JSON.stringify(line) + "\n");
}

