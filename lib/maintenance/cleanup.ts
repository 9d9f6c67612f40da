import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { pruneNotifications } from "@/lib/notifications/runner";
import { pruneRateLimits } from "@/lib/rate-limit";
import { carryOutDueDeletions, removeUnconfirmedAccounts } from "@/lib/users/deletion";
import { pruneEmailTokens } from "@/lib/users/email-tokens";
import { pruneSessions } from "@/lib/users/sessions";

/**
 * Scheduled clean-up: account deletions whose 14 days are up, accounts never confirmed within
 * 7 days, ended sessions, spent emailed links and rate-limit rows, expired sign-in tokens, and
 * drafts nobody has touched for 90 days, and spent notification work. Returns how many of each went.
 */
export async function cleanUp() {
  const db = await getDb();
  const deletedAccounts = await carryOutDueDeletions();
  const unconfirmedAccounts = await removeUnconfirmedAccounts(db);
  const sessions = await pruneSessions(db);
  const emailLinks = await pruneEmailTokens(db);
  const rateLimitRows = await pruneRateLimits(db);
  const tokens = await selectRows(db, sql`delete from auth_verification_tokens where expires < now() returning 1`);
  const drafts = await selectRows(db, sql`delete from drafts where updated_at < now() - interval '90 days' returning 1`);
  const notifications = await pruneNotifications(db);
  return {
    ok: true,
    removed: { deletedAccounts, unconfirmedAccounts, sessions, emailLinks, rateLimitRows, signInTokens: tokens.length, drafts: drafts.length, notifications },
  };
}
