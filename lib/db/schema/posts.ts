import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { tsvector } from "./search";
import { users } from "./users";

export const postKinds = ["discussion", "question", "article", "event"] as const;
/** The kinds a member writes as a post; an `event` post is made with its event, in lib/events. */
export const writtenPostKinds = ["discussion", "question", "article"] as const;
export const postKindEnum = pgEnum("post_kind", postKinds);
export const postStatuses = ["published", "pending"] as const;
export const postStatusEnum = pgEnum("post_status", postStatuses);

const timestamptz = (name: string) => timestamp(name, { mode: "date", withTimezone: true });

export const posts = pgTable(
  "posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    kind: postKindEnum("kind").notNull().default("discussion"),
    title: text("title").notNull(),
    bodyHtml: text("body_html").notNull().default(""),
    bodyText: text("body_text").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** `pending` waits for a facilitator's approval (pre-moderation). */
    status: postStatusEnum("status").notNull().default("published"),
    commentCount: integer("comment_count").notNull().default(0),
    helpfulCount: integer("helpful_count").notNull().default(0),
    /** When someone other than the author first replied; kept by a trigger, for "time to first reply". */
    firstReplyAt: timestamptz("first_reply_at"),
    acceptedCommentId: uuid("accepted_comment_id").references((): AnyPgColumn => comments.id, {
      onDelete: "set null",
    }),
    /** Set by the author's form, so a double submit or a retry makes one post, not two. */
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    editedAt: timestamptz("edited_at"),
    lastActivityAt: timestamptz("last_activity_at").notNull().defaultNow(),
    pinnedAt: timestamptz("pinned_at"),
    lockedAt: timestamptz("locked_at"),
    hiddenAt: timestamptz("hidden_at"),
    hiddenReason: text("hidden_reason"),
    deletedAt: timestamptz("deleted_at"),
    /** Title weighted A, tags B, body C, for full-text search. Kept by Postgres itself. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', tags_text(tags)), 'B') || setweight(to_tsvector('english', coalesce(body_text, '')), 'C')`,
    ),
  },
  (t) => [
    index("posts_search_idx").using("gin", t.searchVector),
    index("posts_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The community feed: newest activity first, keyset on (last_activity_at, id).
    index("posts_feed_idx")
      .on(t.communityId, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.deletedAt} is null`),
    index("posts_feed_kind_idx")
      .on(t.communityId, t.kind, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.deletedAt} is null`),
    index("posts_pinned_idx").on(t.communityId, t.pinnedAt).where(sql`${t.pinnedAt} is not null`),
    // The moderation queue and its badge: posts awaiting approval, a few among many.
    index("posts_pending_idx").on(t.communityId, t.createdAt).where(sql`${t.status} = 'pending' and ${t.deletedAt} is null`),
    // A member's own posts that others cannot see (awaiting approval, hidden or deleted), a few
    // among many, for the community page. The condition is the policy's publicPosts negated, word
    // for word, so that a prepared statement's generic plan, which knows neither author nor
    // community, still finds it: without it, that plan read the whole large community (5 ms a page).
    index("posts_unpublished_idx")
      .on(t.authorId, t.communityId, t.createdAt.desc().nullsFirst())
      .where(sql`not (${t.deletedAt} is null and ${t.status} = 'published' and ${t.hiddenAt} is null)`),
    // Questions by when they were asked, for a community's analytics.
    index("posts_questions_idx").on(t.communityId, t.createdAt).where(sql`${t.kind} = 'question' and ${t.deletedAt} is null`),
    index("posts_tags_idx").using("gin", t.tags),
    index("posts_author_idx").on(t.authorId, t.createdAt.desc().nullsFirst()),
    // Deleting a reply sets this to null on its post: without the index, every post is scanned.
    index("posts_accepted_comment_idx").on(t.acceptedCommentId).where(sql`${t.acceptedCommentId} is not null`),
    uniqueIndex("posts_idempotency_key").on(t.authorId, t.idempotencyKey),
    check("posts_counts_check", sql`${t.commentCount} >= 0 and ${t.helpfulCount} >= 0`),
  ],
);

export const postRevisions = pgTable(
  "post_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    editorId: uuid("editor_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    bodyHtml: text("body_html").notNull(),
    tags: text("tags").array().notNull(),
    reason: text("reason"),
    /** The edit form's key: the same submit twice makes one edit, and its draft stays discarded. */
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("post_revisions_post_idx").on(t.postId, t.createdAt),
    uniqueIndex("post_revisions_idempotency_key").on(t.editorId, t.idempotencyKey),
  ],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    replyToId: uuid("reply_to_id").references((): AnyPgColumn => comments.id, { onDelete: "set null" }),
    bodyHtml: text("body_html").notNull().default(""),
    bodyText: text("body_text").notNull().default(""),
    helpfulCount: integer("helpful_count").notNull().default(0),
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    editedAt: timestamptz("edited_at"),
    hiddenAt: timestamptz("hidden_at"),
    hiddenReason: text("hidden_reason"),
    deletedAt: timestamptz("deleted_at"),
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('english', coalesce(body_text, ''))`),
  },
  (t) => [
    index("comments_search_idx").using("gin", t.searchVector),
    index("comments_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("comments_post_created_idx").on(t.postId, t.createdAt, t.id),
    index("comments_reply_to_idx").on(t.replyToId).where(sql`${t.replyToId} is not null`),
    index("comments_author_idx").on(t.authorId, t.createdAt.desc().nullsFirst()),
    uniqueIndex("comments_idempotency_key").on(t.authorId, t.idempotencyKey),
  ],
);

export const commentRevisions = pgTable(
  "comment_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    editorId: uuid("editor_id").references(() => users.id, { onDelete: "set null" }),
    bodyHtml: text("body_html").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("comment_revisions_comment_idx").on(t.commentId, t.createdAt),
    index("comment_revisions_editor_idx").on(t.editorId).where(sql`${t.editorId} is not null`),
  ],
);

/** One "helpful" per member per post. */
export const postReactions = pgTable(
  "post_reactions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index("post_reactions_user_idx").on(t.userId, t.createdAt)],
);

export const commentReactions = pgTable(
  "comment_reactions",
  {
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index("comment_reactions_user_idx").on(t.userId, t.createdAt)],
);

export const postWatchLevels = ["following", "muted"] as const;
export const postWatchLevelEnum = pgEnum("post_watch_level", postWatchLevels);

/** Following a post (replies to it are notified) or muting it (nothing about it is). */
export const postFollows = pgTable(
  "post_follows",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    level: postWatchLevelEnum("level").notNull().default("following"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index("post_follows_user_idx").on(t.userId)],
);

/** What a member has typed but not yet posted, saved as they type. */
export const drafts = pgTable(
  "drafts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** What the draft is for: "post:<community id>", "comment:<post id>" or "edit:<post id>". */
    key: text("key").notNull(),
    kind: postKindEnum("kind"),
    title: text("title").notNull().default(""),
    bodyHtml: text("body_html").notNull().default(""),
    tags: text("tags").notNull().default(""),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/** When a member last looked at a community, for "new since your last visit". */
export const communityVisits = pgTable(
  "community_visits",
  {
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastSeenAt: timestamptz("last_seen_at").notNull().defaultNow(),
    /** The end of the previous visit: activity after it is marked new. */
    previousVisitAt: timestamptz("previous_visit_at"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.communityId] })],
);

export type PostKind = (typeof postKinds)[number];
/** A post as the app reads it: every column but the search document. */
export type PostRow = Omit<typeof posts.$inferSelect, "searchVector">;
export type CommentRow = Omit<typeof comments.$inferSelect, "searchVector">;
