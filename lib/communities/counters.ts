import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { communities } from "@/lib/db/schema";

// A community's member and post counts, and a post's reply count, follow the rows they count
// (triggers, in the same transaction as each write: see the migration "analytics_triggers").
// They are never moved by hand, so no code path can make them drift.

/** Marks that what the community's feed shows has changed, inside the change's transaction. */
export async function touchContent(db: Db, communityId: string) {
  await db
    .update(communities)
    .set({ contentVersion: sql`${communities.contentVersion} + 1` })
    .where(sql`${communities.id} = ${communityId}`);
}
