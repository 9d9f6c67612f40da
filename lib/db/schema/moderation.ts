import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { comments, posts } from "./posts";
import { users } from "./users";

const timestamptz = (name: string) => timestamp(name, { mode: "date", withTimezone: true });

export const reportReasons = ["spam", "offensive", "off_topic", "confidential", "other"] as const;
export const reportStatuses = ["open", "resolved", "dismissed"] as const;
export const reportReasonEnum = pgEnum("report_reason", reportReasons);
export const reportStatusEnum = pgEnum("report_status", reportStatuses);

/** A member's report of a post or reply, for the community's facilitators. One per member per item. */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    commentId: uuid("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    reporterId: uuid("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: reportReasonEnum("reason").notNull(),
    details: text("details").notNull().default(""),
    status: reportStatusEnum("status").notNull().default("open"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    handledById: uuid("handled_by_id").references(() => users.id, { onDelete: "set null" }),
    handledAt: timestamptz("handled_at"),
    handledNote: text("handled_note"),
  },
  (t) => [
    uniqueIndex("reports_once_per_post").on(t.reporterId, t.postId).where(sql`${t.commentId} is null`),
    uniqueIndex("reports_once_per_comment").on(t.reporterId, t.commentId).where(sql`${t.commentId} is not null`),
    index("reports_queue_idx").on(t.communityId, t.status, t.createdAt),
    index("reports_reporter_idx").on(t.reporterId, t.createdAt.desc().nullsFirst()),
    // Removing a post or reply (a deleted account's, say) finds its reports without a scan.
    index("reports_post_idx").on(t.postId),
    index("reports_comment_idx").on(t.commentId).where(sql`${t.commentId} is not null`),
  ],
);

/**
 * Every moderation action: who, what, when, why, and on what. Rows are never changed or
 * removed (a trigger refuses it), and they keep names as they were, so they need no joins.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for site-wide actions, such as suspending an account. */
    communityId: uuid("community_id"),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: uuid("target_id"),
    /** A short description of the target as it was, for example a post's title or a member's name. */
    targetLabel: text("target_label").notNull().default(""),
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_community_idx").on(t.communityId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_log_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

/** At most one action per key until `next_allowed_at`: "a post every 15 seconds". */
export const rateLimitGates = pgTable("rate_limit_gates", {
  key: text("key").primaryKey(),
  nextAllowedAt: timestamptz("next_allowed_at").notNull(),
});

/** A count of actions per key in a fixed window; two windows give a sliding one: "50 reactions a day". */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").notNull(),
    windowStart: timestamptz("window_start").notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export type ReportReason = (typeof reportReasons)[number];
