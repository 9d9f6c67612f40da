import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { users } from "./users";

// What the analytics read, kept current by triggers in the same transaction as every write to
// posts, replies, helpful marks and memberships (see the migration "analytics_triggers"), so
// no code path, present or future, can forget them. Days are dates in the UK (Europe/London).

/**
 * Per community and day: how many posts written that day members can read now (published, not
 * hidden, not deleted), and how many such replies, on posts members can read.
 */
export const communityActivityDaily = pgTable(
  "community_activity_daily",
  {
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    posts: integer("posts").notNull().default(0),
    replies: integer("replies").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.day] }), index("community_activity_daily_day_idx").on(t.day)],
);

/**
 * Who took part where and when: a row for each person, community and day on which they started
 * a post, replied or marked something helpful there. Facts: later deletions do not remove them.
 */
export const memberActivity = pgTable(
  "member_activity",
  {
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.day, t.userId] }),
    index("member_activity_person_idx").on(t.userId, t.communityId, t.day),
    index("member_activity_day_idx").on(t.day, t.userId),
  ],
);

/** Every time someone became, or stopped being, an active member: append-only. */
export const membershipEvents = pgTable(
  "membership_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    /** +1 joined, -1 left (or was removed or banned). */
    change: smallint("change").notNull(),
    /** "joined", "left" or "banned". */
    kind: text("kind").notNull(),
    at: timestamp("at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("membership_events_community_idx").on(t.communityId, t.at), check("membership_events_change_check", sql`${t.change} in (-1, 1)`)],
);
