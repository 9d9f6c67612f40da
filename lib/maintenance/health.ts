import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";

/** The app answers and its database does too: for the platform's health check. */
export async function checkHealth() {
  const db = await getDb();
  await db.execute(sql`select 1`);
  return { ok: true };
}
