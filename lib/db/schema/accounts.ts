import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// What keeps an account trustworthy: the sessions it is signed in with, the single-use links
// mailed to it, and a deletion it has asked for.

const timestamptz = (name: string) => timestamp(name, { mode: "date", withTimezone: true });

/**
 * One signed-in browser. The session cookie (a JWT) carries this row's id, and every request
 * checks the row with the account, so deleting it signs that browser out on its next request.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    /** Written at most every few minutes, not on every request. */
    lastSeenAt: timestamptz("last_seen_at").notNull().defaultNow(),
    /** "Firefox on Windows": a summary, never the whole user-agent string. */
    device: text("device").notNull().default(""),
    /** The network signed in from, shortened (203.0.113.0/24), never the full address. */
    network: text("network").notNull().default(""),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.lastSeenAt.desc().nullsFirst())],
);

export const emailTokenPurposes = ["verify_email", "reset_password", "change_email"] as const;
export const emailTokenPurposeEnum = pgEnum("email_token_purpose", emailTokenPurposes);

/** A link mailed to an address: stored only as a hash, used once, soon expired. */
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: emailTokenPurposeEnum("purpose").notNull(),
    /** The address the link was sent to, which using it proves. */
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
  },
  (t) => [uniqueIndex("email_tokens_hash_key").on(t.tokenHash), index("email_tokens_user_idx").on(t.userId, t.purpose)],
);

/** A member's request to delete their account, carried out when the grace period ends. */
export const accountDeletions = pgTable(
  "account_deletions",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    requestedAt: timestamptz("requested_at").notNull().defaultNow(),
    dueAt: timestamptz("due_at").notNull(),
    /** True: posts and replies stay, shown as by "a former member". False: they are removed. */
    keepContent: boolean("keep_content").notNull(),
  },
  (t) => [index("account_deletions_due_idx").on(t.dueAt)],
);

export type EmailTokenPurpose = (typeof emailTokenPurposes)[number];
