import type { DbHandle } from "./types";

// PostgreSQL breaks a deadlock by aborting one of the transactions in it, and expects the
// application to run that transaction again; the same goes for a serialization failure. Writes
// that race (two facilitators, a move and a reply, counters kept by triggers) can meet that way
// under load, so every top-level transaction is run again, a few times, after a short random
// pause. Nothing of an aborted attempt was written.

/** deadlock_detected, serialization_failure */
const RETRYABLE = new Set(["40P01", "40001"]);
const ATTEMPTS = 4;

/** The SQLSTATE of a driver error, through the wrappers drizzle puts around it. */
export function sqlState(error: unknown): string | undefined {
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

export function retryingTransactions(handle: DbHandle): DbHandle {
  const { db } = handle;
  const run = db.transaction.bind(db);
  db.transaction = (async (work: Parameters<typeof run>[0], config?: Parameters<typeof run>[1]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run(work, config);
      } catch (error) {
        if (attempt >= ATTEMPTS || !RETRYABLE.has(sqlState(error) ?? "")) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * attempt));
      }
    }
  }) as typeof db.transaction;
  return handle;
}
