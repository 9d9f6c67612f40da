/**
 * An idle pooled connection can be closed by the server (a restart, a failover, a dropped
 * test database). The pool replaces it; without this handler the error would crash the process.
 */
export function logIdleClientError(error: Error & { code?: string }) {
  if (error.code === "57P01") return; // terminated by an administrator: expected on shutdown
  console.error("A pooled database connection failed:", error.message);
}

