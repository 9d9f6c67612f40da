import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { comments, communities, memberships, postReactions, posts, reports, users } from "@/lib/db/schema";

type Rows = {
  users: (typeof users.$inferInsert)[];
  communities: (typeof communities.$inferInsert)[];
  memberships: (typeof memberships.$inferInsert)[];
  posts: (typeof posts.$inferInsert)[];
  comments: (typeof comments.$inferInsert)[];
  reactions: (typeof postReactions.$inferInsert)[];
  accepted: { postId: string; commentId: string }[];
  reports: (typeof reports.$inferInsert)[];
};

/** Writes the demo data in one transaction, in batches, then sets the counters from the rows. */
export async function writeDemo(db: Db, rows: Rows) {
  await db.transaction(async (tx) => {
    for (const batch of chunks(rows.users, 500)) await tx.insert(users).values(batch);
    for (const batch of chunks(rows.communities, 200)) await tx.insert(communities).values(batch);
    for (const batch of chunks(rows.memberships, 1000)) await tx.insert(memberships).values(batch);
    for (const batch of chunks(rows.posts, 200)) await tx.insert(posts).values(batch);
    for (const batch of chunks(rows.comments, 500)) await tx.insert(comments).values(batch);
    for (const batch of chunks(rows.reactions, 1000)) await tx.insert(postReactions).values(batch);
    if (rows.reports.length) await tx.insert(reports).values(rows.reports);
    if (rows.accepted.length) {
      const pairs = sql.join(
        rows.accepted.map((a) => sql`(${a.postId}::uuid, ${a.commentId}::uuid)`),
        sql`, `,
      );
      await tx.execute(sql`update posts p set accepted_comment_id = a.comment_id from (values ${pairs}) as a(post_id, comment_id) where p.id = a.post_id`);
    }
    // The rows were written with their counts already set, which the triggers then added to:
    // counted again from the rows, as the scheduled repair does.
    await tx.execute(sql`select roundtable_recount()`);
    await tx.execute(sql`
      update communities c set
        last_activity_at = greatest(c.last_activity_at, coalesce((select max(p.last_activity_at) from posts p where p.community_id = c.id and p.status = 'published'), c.last_activity_at))`);
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
