import { pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * A member's news feeds (RSS) key. The feed addresses carry this row's id with a signature made
 * from the site's secret, so they can be shown to the member again; a new key (a new row)
 * stops every earlier address at once.
 */
export const newsFeedKeys = pgTable("news_feed_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id")
    .notNull()
    .unique("news_feed_keys_user_key")
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});
