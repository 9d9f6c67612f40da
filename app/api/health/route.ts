import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { jsonRoute } from "@/lib/http/json-route";

/** Liveness: the app answers and its database does too. */
export const GET = jsonRoute(async () => {
  const db = await getDb();
  await db.execute(sql`select 1`);
  return { ok: true };
});
