import pg from "pg";
import { benchAccounts, RARE_PHRASE } from "./scales";

export type Fixtures = Awaited<ReturnType<typeof findFixtures>>;

/** Slugs and ids the targets need, read from the benchmark data. */
export async function findFixtures(connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const mine = `select c.slug, c.id, c.member_count from communities c join memberships m on m.community_id = c.id
      join users u on u.id = m.user_id where u.email = $1 and m.status = 'active'`;
    const { rows: communities } = await client.query<{ slug: string; id: string; member_count: number }>(`${mine} order by c.member_count desc`, [benchAccounts.member]);
    const large = communities[0]!;
    const small = communities.at(-1)!;
    const { rows: [longPost] } = await client.query<{ id: string; slug: string }>(
      "select p.id, c.slug from posts p join communities c on c.id = p.community_id where p.comment_count >= 200 order by p.comment_count desc limit 1",
    );
    const { rows: [writePost] } = await client.query<{ id: string }>("select id from posts where community_id = $1 and locked_at is null order by created_at desc limit 1", [large.id]);
    return { large: large.slug, small: small.slug, longPost: longPost!.id, longPostCommunity: longPost!.slug, writePost: writePost!.id, rarePhrase: RARE_PHRASE };
  } finally {
    await client.end();
  }
}

/**
 * Removes the replies the write target added since `since`, so that runs do not pile
 * thousands of identical replies on top of the newest content, where search starts reading.
 *
 * Deleting a reply makes PostgreSQL look for posts that had it as their accepted answer. The
 * schema now indexes posts.accepted_comment_id (account deletion removes replies), but a
 * comparison may run against a commit whose database has no such index: at large that is a scan
 * of a million posts for each of thousands of replies, some twenty minutes. So the clean-up
 * builds the index for its own transaction and drops it again, leaving the schema as it was; the
 * servers have stopped by then, so the lock it takes on posts blocks no one.
 */
export async function removeBenchWrites(connectionString: string, postId: string, since: Date) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("begin");
    await client.query("create index bench_cleanup_accepted_idx on posts (accepted_comment_id) where accepted_comment_id is not null");
    await client.query("delete from comments where post_id = $1 and created_at >= $2 and author_id = (select id from users where email = $3)", [postId, since, benchAccounts.writer]);
    await client.query(
      `update posts p set comment_count = (select count(*) from comments c where c.post_id = p.id),
         last_activity_at = greatest(p.created_at, (select max(created_at) from comments c where c.post_id = p.id))
       where p.id = $1`,
      [postId],
    );
    await client.query("drop index bench_cleanup_accepted_idx");
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    await client.end();
  }
}
