import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const siteRoles = ["member", "admin"] as const;
export const userStatuses = ["active", "suspended"] as const;

export const siteRoleEnum = pgEnum("site_role", siteRoles);
export const userStatusEnum = pgEnum("user_status", userStatuses);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull().default(""),
    email: text("email").notNull(),
    emailVerified: timestamp("email_verified", { mode: "date", withTimezone: true }),
    image: text("image"),
    passwordHash: text("password_hash"),
    jobTitle: text("job_title").notNull().default(""),
    organisation: text("organisation").notNull().default(""),
    bio: text("bio").notNull().default(""),
    siteRole: siteRoleEnum("site_role").notNull().default("member"),
    status: userStatusEnum("status").notNull().default("active"),
    /** The IANA zone times are shown in; the member chooses it in their settings. */
    timeZone: text("time_zone").notNull().default("Europe/London"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    index("users_name_id_idx").on(sql`lower(${t.name})`, t.id),
    index("users_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    index("users_organisation_trgm_idx").using("gin", sql`${t.organisation} gin_trgm_ops`),
    index("users_email_trgm_idx").using("gin", sql`${t.email} gin_trgm_ops`),
    index("users_created_idx").on(t.createdAt),
    // The admins' people list, filtered: few rows each, in name order.
    index("users_suspended_name_idx").on(sql`lower(${t.name})`, t.id).where(sql`${t.status} = 'suspended'`),
    index("users_unverified_name_idx").on(sql`lower(${t.name})`, t.id).where(sql`${t.emailVerified} is null`),
  ],
);

export type UserRow = typeof users.$inferSelect;

/** What anyone may see of a person, in any list or page: never their email address or password hash. */
export const publicProfileColumns = {
  id: users.id,
  name: users.name,
  jobTitle: users.jobTitle,
  organisation: users.organisation,
};
