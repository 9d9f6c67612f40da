import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { communities } from "@/lib/db/schema";

/** Moves a community's member count by `delta`, atomically, inside the caller's transaction. */
export async function adjustMemberCount(db: Db, communityId: string, delta: number) {
  if (delta === 0) return;
  await db
    .update(communities)
    .set({ memberCount: sql`${communities.memberCount} + ${delta}` })
    .where(sql`${communities.id} = ${communityId}`);
}

/** Marks that what the community's feed shows has changed, inside the change's transaction. */
export async function touchContent(db: Db, communityId: string) {
  await db
    .update(communities)
    .set({ contentVersion: sql`${communities.contentVersion} + 1` })
    .where(sql`${communities.id} = ${communityId}`);
}
