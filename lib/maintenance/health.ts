import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";

/**
 * The app answers and its database does too: for the platform's health check. When the
 * database does not answer, a 503 that says so (logged once with the cause), until it does again.
 */
export async function checkHealth() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
  } catch (error) {
    logError("health_check_failed", error);
    throw new AppError(503, "The database is not answering.", undefined, 30);
  }
  return { ok: true, database: "ok" };
}
