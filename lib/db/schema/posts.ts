import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { users } from "./users";

// Posts and comments in outline; the discussion work completes them.

export const postKinds = ["discussion", "question", "article"] as const;
export const postKindEnum = pgEnum("post_kind", postKinds);

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
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    lastActivityAt: timestamptz("last_activity_at").notNull().defaultNow(),
  },
  (t) => [index("posts_community_activity_idx").on(t.communityId, t.lastActivityAt.desc(), t.id)],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    bodyHtml: text("body_html").notNull().default(""),
    bodyText: text("body_text").notNull().default(""),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [index("comments_post_created_idx").on(t.postId, t.createdAt, t.id)],
);

export type PostKind = (typeof postKinds)[number];
