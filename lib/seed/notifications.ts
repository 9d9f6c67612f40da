import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

// Demo notifications, so the bell and the notifications page show what they are for. The demo
// member watches Policy and performance (its latest posts, the newest three unread) and has
// read one busy thread there only up to its first reply; the demo accounts have the replies to
// their own posts, and the facilitator the requests to join, reports and posts awaiting
// approval in their communities.

const MEMBER = "member@example.gov.uk";
const FACILITATOR = "facilitator@example.gov.uk";
const DEMO = ["member@example.gov.uk", "facilitator@example.gov.uk", "admin@example.gov.uk"];
const WATCHED = "policy-and-performance";

export async function seedNotifications(db: Db) {
  const demo = sql.join(DEMO.map((email) => sql`${email}`), sql`, `);
  await db.execute(sql`
    insert into community_watches (user_id, community_id, level)
    select u.id, c.id, 'watching' from users u, communities c where u.email in (${MEMBER}, ${FACILITATOR}) and c.slug = ${WATCHED}
    on conflict do nothing`);
  await db.execute(sql`
    insert into notifications (user_id, kind, actor_id, actor_ids, community_id, post_id, created_at, updated_at, read_at)
    select u.id, 'new_post', p.author_id, array[p.author_id], p.community_id, p.id, p.created_at, p.created_at,
      case when row_number() over (order by p.created_at desc) <= 3 then null else p.created_at + interval '1 hour' end
    from posts p join communities c on c.id = p.community_id, users u
    where c.slug = ${WATCHED} and u.email = ${MEMBER} and p.author_id <> u.id and p.status = 'published' and p.hidden_at is null
    order by p.created_at desc limit 8`);
  await db.execute(sql`
    insert into notifications (user_id, kind, actor_id, actor_ids, community_id, post_id, comment_id, created_at, updated_at)
    select p.author_id, (case when p.kind = 'question' then 'answer' else 'reply_to_post' end)::notification_kind,
      c.author_id, array[c.author_id], p.community_id, p.id, c.id, c.created_at, c.created_at
    from comments c join posts p on p.id = c.post_id join users u on u.id = p.author_id
    where u.email in (${demo}) and c.author_id <> p.author_id and c.deleted_at is null and c.hidden_at is null`);
  await db.execute(sql`
    insert into notifications (user_id, kind, actor_id, actor_ids, community_id, created_at, updated_at)
    select f.user_id, 'join_request', r.user_id, array[r.user_id], r.community_id, r.created_at, r.created_at
    from memberships r join memberships f on f.community_id = r.community_id and f.status = 'active' and f.role in ('owner', 'facilitator')
    join users fu on fu.id = f.user_id
    where r.status = 'pending' and fu.email = ${FACILITATOR}`);
  await db.execute(sql`
    insert into notifications (user_id, kind, actor_id, actor_ids, community_id, post_id, comment_id, created_at, updated_at)
    select f.user_id, 'report'::notification_kind, r.reporter_id, array[r.reporter_id], r.community_id, r.post_id, r.comment_id, r.created_at, r.created_at
    from reports r join memberships f on f.community_id = r.community_id and f.status = 'active' and f.role in ('owner', 'facilitator')
    join users fu on fu.id = f.user_id
    where r.status = 'open' and fu.email = ${FACILITATOR}
    union all
    select f.user_id, 'post_pending'::notification_kind, p.author_id, array[p.author_id], p.community_id, p.id, null, p.created_at, p.created_at
    from posts p join memberships f on f.community_id = p.community_id and f.status = 'active' and f.role in ('owner', 'facilitator')
    join users fu on fu.id = f.user_id
    where p.status = 'pending' and p.deleted_at is null and fu.email = ${FACILITATOR}`);
  await db.execute(sql`
    insert into post_reads (user_id, post_id, last_read_at, last_read_comment_id)
    select u.id, p.id, first.created_at, first.id
    from posts p join communities c on c.id = p.community_id, users u,
      lateral (select fc.created_at, fc.id from comments fc where fc.post_id = p.id order by fc.created_at, fc.id limit 1) first
    where c.slug = ${WATCHED} and u.email = ${MEMBER} and p.comment_count >= 3 and p.status = 'published'
    order by p.last_activity_at desc limit 1
    on conflict do nothing`);
}
