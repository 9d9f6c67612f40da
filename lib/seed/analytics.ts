import { sql } from "drizzle-orm";
import type { Faker } from "@faker-js/faker";
import type { Db } from "@/lib/db/client";
import type { postReactions } from "@/lib/db/schema";

// History for the figures pages: helpful marks dated soon after what they mark (not all on the
// day the demo was made), and some former members of the largest communities, who joined long
// ago and left over the last months, so that "members over time" and "left" show something.
// Former members are extra people: today's member counts stay as the demo describes them.

const DAY = 24 * 60 * 60 * 1000;
type Reaction = typeof postReactions.$inferInsert;

/** Dates each helpful mark between one hour and three days after its post, never after `now`. */
export function dateHelpfulMarks(f: Faker, reactions: Reaction[], postTimes: Map<string, Date>, now: number) {
  for (const reaction of reactions) {
    const posted = postTimes.get(reaction.postId)?.getTime() ?? now;
    reaction.createdAt = new Date(Math.min(now - 60_000, posted + f.number.int({ min: 3_600_000, max: 3 * DAY })));
  }
}

/**
 * In each of the three largest open communities, a few people not in it now joined a year or
 * more ago and left on a day in the last 120. Written through the tables, so the membership
 * triggers record each join and leave; the leaves are then dated.
 */
export async function addFormerMembers(db: Db, f: Faker, now: number) {
  const { rows: places } = (await db.execute(
    sql`select id from communities where visibility = 'open' and parent_id is null order by member_count desc, id limit 3`,
  )) as unknown as { rows: { id: string }[] };
  for (const { id } of places) {
    const { rows: people } = (await db.execute(
      sql`select u.id from users u where not exists (select 1 from memberships m where m.community_id = ${id} and m.user_id = u.id)
        and u.site_role = 'member' order by u.id limit 12`,
    )) as unknown as { rows: { id: string }[] };
    for (const person of people) {
      const joined = new Date(now - f.number.int({ min: 365, max: 700 }) * DAY);
      const left = new Date(now - f.number.int({ min: 1, max: 120 }) * DAY - f.number.int(DAY));
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into memberships (community_id, user_id, role, status, joined_at, created_at) values (${id}, ${person.id}, 'member', 'active', ${joined.toISOString()}, ${joined.toISOString()})`);
        await tx.execute(sql`delete from memberships where community_id = ${id} and user_id = ${person.id}`);
        await tx.execute(
          sql`update membership_events set at = ${left.toISOString()} where id = (select max(id) from membership_events where community_id = ${id} and change = -1)`,
        );
      });
    }
  }
}
