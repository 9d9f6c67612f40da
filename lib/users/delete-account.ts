import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

/**
 * Deletes an account inside the caller's transaction, keeping every counter exact: helpful
 * marks and the feed versions that name them here; member, reply and post counts follow the
 * deleted rows (triggers). With
 * `keepContent` their posts and replies stay with no author ("a former member"); without, they
 * go, and so do the replies others made to their posts.
 */
export async function removeAccount(db: Db, userId: string, keepContent: boolean): Promise<void> {
  // Feeds that show their name or their posts change: bump their versions before the rows go.
  await db.execute(sql`update communities set content_version = content_version + 1 where id in (
    select community_id from posts where author_id = ${userId}
    union select p.community_id from comments c join posts p on p.id = c.post_id where c.author_id = ${userId})`);
  await db.execute(sql`update posts set helpful_count = greatest(0, helpful_count - 1)
    where id in (select post_id from post_reactions where user_id = ${userId})`);
  await db.execute(sql`update comments set helpful_count = greatest(0, helpful_count - 1)
    where id in (select comment_id from comment_reactions where user_id = ${userId})`);
  if (!keepContent) {
    await db.execute(sql`delete from comments where author_id = ${userId}`);
    await db.execute(sql`delete from posts where author_id = ${userId}`);
  }
  // Memberships, sessions, drafts, marks, follows and their reports go with the account;
  // kept posts and replies, revisions and the communities they started lose only the link.
  await db.delete(users).where(eq(users.id, userId));
}
