import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { pruneNotifications } from "@/lib/notifications/runner";
import { pruneRateLimits } from "@/lib/rate-limit";

/**
 * Scheduled clean-up: spent rate-limit rows, sign-in tokens that have expired, and drafts
 * nobody has touched for 90 days, and spent notification work. Returns how many rows of each went.
 */
export async function cleanUp() {
  const db = await getDb();
  const rateLimitRows = await pruneRateLimits(db);
  const tokens = await selectRows(db, sql`delete from auth_verification_tokens where expires < now() returning 1`);
  const drafts = await selectRows(db, sql`delete from drafts where updated_at < now() - interval '90 days' returning 1`);
  const notifications = await pruneNotifications(db);
  return { ok: true, removed: { rateLimitRows, signInTokens: tokens.length, drafts: drafts.length, notifications } };
}
