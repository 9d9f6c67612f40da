import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { comments, posts } from "./posts";
import { users } from "./users";

const timestamptz = (name: string) => timestamp(name, { mode: "date", withTimezone: true });

/** What a member is told about. The words and defaults for each are in lib/notifications/kinds.ts. */
export const notificationKinds = [
  "reply_to_post",
  "reply_to_reply",
  "mention",
  "answer",
  "answer_accepted",
  "helpful",
  "join_decided",
  "invitation",
  "role_changed",
  "moderation",
  "new_post",
  "followed_reply",
  "join_request",
  "report",
  "post_pending",
  "event_changed",
  "event_cancelled",
  "event_place",
  "event_reminder",
] as const;
export const notificationKindEnum = pgEnum("notification_kind", notificationKinds);

/** An email for a notification: none wanted, waiting to go, gone, or not sent (read first, or no longer readable). */
export const emailStates = ["none", "pending", "digest", "sent", "skipped"] as const;
export const emailStateEnum = pgEnum("notification_email_state", emailStates);

/**
 * Something that happened, recorded in the same transaction as the write that caused it.
 * A bounded step later turns it into notifications for the people who should hear of it.
 */
export const notificationEvents = pgTable(
  "notification_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What happened, such as "comment.created"; see lib/notifications/events.ts. */
    type: text("type").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    postId: uuid("post_id").references(() => posts.id, { onDelete: "cascade" }),
    commentId: uuid("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    /** The one person the event is about, when it is about someone: the requester, the invitee, the author. */
    subjectUserId: uuid("subject_user_id").references(() => users.id, { onDelete: "cascade" }),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    /** Recipients are taken in user id order; the last one done, so a long fan-out resumes where it stopped. */
    fanoutCursor: uuid("fanout_cursor"),
    processedAt: timestamptz("processed_at"),
    attempts: integer("attempts").notNull().default(0),
  },
  (t) => [index("notification_events_waiting_idx").on(t.createdAt).where(sql`${t.processedAt} is null`)],
);

/** One notification for one member: what the bell and the notifications page show. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKindEnum("kind").notNull(),
    eventId: uuid("event_id").references(() => notificationEvents.id, { onDelete: "set null" }),
    /** The latest person who did it, and everyone who did, for "Ann and 3 others". */
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorIds: uuid("actor_ids").array().notNull().default(sql`'{}'::uuid[]`),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    postId: uuid("post_id").references(() => posts.id, { onDelete: "cascade" }),
    commentId: uuid("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    /** Unread notifications with the same key are one line: helpful marks on one reply. */
    groupKey: text("group_key"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    /** When it last changed (a grouped line moves up when someone else joins it): the page's order. */
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
    readAt: timestamptz("read_at"),
    emailState: emailStateEnum("email_state").notNull().default("none"),
    /** Notifications with the same key that wait together go in one email: replies on one post. */
    emailBatch: text("email_batch"),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("notifications_unread_idx").on(t.userId, t.updatedAt.desc().nullsFirst()).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_event_user_key").on(t.eventId, t.userId),
    uniqueIndex("notifications_group_key").on(t.userId, t.groupKey).where(sql`${t.readAt} is null and ${t.groupKey} is not null`),
    index("notifications_email_idx").on(t.userId, t.emailBatch).where(sql`${t.emailState} = 'pending'`),
    index("notifications_digest_idx").on(t.userId, t.createdAt).where(sql`${t.emailState} = 'digest'`),
    index("notifications_post_idx").on(t.postId),
  ],
);

export const outboxStatuses = ["pending", "sending", "sent", "skipped", "failed"] as const;
export const outboxStatusEnum = pgEnum("email_outbox_status", outboxStatuses);

/**
 * Emails to send, written beside the notifications they carry. A run claims rows with a lease
 * (FOR UPDATE SKIP LOCKED), so overlapping runs never send one twice; a run that dies leaves a
 * lease that runs out, and the email is tried again.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** "post:<id>", "community:<id>", "note:<id>" or "digest": what one email gathers. */
    batchKey: text("batch_key").notNull(),
    status: outboxStatusEnum("status").notNull().default("pending"),
    sendAfter: timestamptz("send_after").notNull().defaultNow(),
    claimedUntil: timestamptz("claimed_until"),
    claimToken: uuid("claim_token"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** For a digest: the period it covers. */
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    messageId: text("message_id"),
    sentAt: timestamptz("sent_at"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_outbox_waiting_key").on(t.userId, t.batchKey).where(sql`${t.status} = 'pending'`),
    index("email_outbox_due_idx").on(t.sendAfter).where(sql`${t.status} in ('pending', 'sending')`),
    index("email_outbox_done_idx").on(t.createdAt).where(sql`${t.status} in ('sent', 'skipped', 'failed')`),
  ],
);

export const watchLevels = ["watching", "normal", "muted"] as const;
export const watchLevelEnum = pgEnum("watch_level", watchLevels);

/** A member's choice for one community. No row: normal, in the digest, with email. */
export const communityWatches = pgTable(
  "community_watches",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    level: watchLevelEnum("level").notNull().default("normal"),
    inDigest: boolean("in_digest").notNull().default(true),
    /** False after "stop emails from this community": in-app notifications still come. */
    emails: boolean("emails").notNull().default(true),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.communityId] }), index("community_watches_watching_idx").on(t.communityId).where(sql`${t.level} = 'watching'`)],
);

export const deliveries = ["immediately", "digest", "never"] as const;
export const deliveryEnum = pgEnum("email_delivery", deliveries);

/** How a member wants each kind emailed. No row: the kind's default. */
export const emailPreferences = pgTable(
  "email_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKindEnum("kind").notNull(),
    delivery: deliveryEnum("delivery").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export const digestFrequencies = ["off", "daily", "weekly"] as const;
export const digestFrequencyEnum = pgEnum("digest_frequency", digestFrequencies);

/** Each member's digest: how often, and when the next is due (the digest run's cursor). A trigger adds a row per new account. */
export const digestSettings = pgTable(
  "digest_settings",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    frequency: digestFrequencyEnum("frequency").notNull().default("weekly"),
    nextDigestAt: timestamptz("next_digest_at"),
    lastDigestAt: timestamptz("last_digest_at"),
  },
  (t) => [index("digest_settings_due_idx").on(t.nextDigestAt, t.userId).where(sql`${t.frequency} <> 'off'`)],
);

/** Where a member has read a post up to: the last reply they saw, as the keyset (created_at, id). */
export const postReads = pgTable(
  "post_reads",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    lastReadAt: timestamptz("last_read_at").notNull(),
    lastReadCommentId: uuid("last_read_comment_id").notNull(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.postId] })],
);

/** Reply-by-email addresses: a random token per recipient and post, stored only as its hash. */
export const replyTokens = pgTable(
  "reply_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
  },
  (t) => [index("reply_tokens_expires_idx").on(t.expiresAt)],
);

export type NotificationKind = (typeof notificationKinds)[number];
export type WatchLevel = (typeof watchLevels)[number];
export type Delivery = (typeof deliveries)[number];
export type DigestFrequency = (typeof digestFrequencies)[number];
