import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { tsvector } from "./search";
import { users } from "./users";

// A community's library: documents in folders, each with its full history of revisions,
// co-authors, comments and drafts kept while someone edits.

export const documentStatuses = ["draft", "out_for_comment", "agreed"] as const;
export const documentStatusEnum = pgEnum("document_status", documentStatuses);
export type DocumentStatus = (typeof documentStatuses)[number];

const timestamptz = (name: string) => timestamp(name, { mode: "date", withTimezone: true });

export const folders = pgTable(
  "folders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("folders_community_name_key").on(t.communityId, sql`lower(${t.name})`)],
);

export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    folderId: uuid("folder_id").references(() => folders.id, { onDelete: "set null" }),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    bodyHtml: text("body_html").notNull().default(""),
    bodyText: text("body_text").notNull().default(""),
    status: documentStatusEnum("status").notNull().default("draft"),
    /** When comments close, for a document out for comment. */
    commentDeadline: timestamptz("comment_deadline"),
    /** The latest revision: every save names the revision it started from and is checked against this. */
    headRevisionId: uuid("head_revision_id").references((): AnyPgColumn => documentRevisions.id, { onDelete: "set null" }),
    revisionCount: integer("revision_count").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
    updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    deletedAt: timestamptz("deleted_at"),
    /** Title weighted A, body C, for full-text search. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(body_text, '')), 'C')`,
    ),
  },
  (t) => [
    index("documents_community_updated_idx").on(t.communityId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
    index("documents_out_for_comment_idx").on(t.communityId, t.commentDeadline).where(sql`${t.status} = 'out_for_comment' and ${t.deletedAt} is null`),
    index("documents_folder_idx").on(t.folderId).where(sql`${t.folderId} is not null`),
    index("documents_search_idx").using("gin", t.searchVector),
    /** Deleting a version sets this to null where it points at it: without the index, a scan of every document per version. */
    index("documents_head_revision_idx").on(t.headRevisionId),
    check("documents_counts_check", sql`${t.revisionCount} >= 0 and ${t.commentCount} >= 0`),
  ],
);

export const documentRevisions = pgTable(
  "document_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    /** 1, 2, 3… in the order they were saved: the history's keyset. */
    number: integer("number").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    bodyHtml: text("body_html").notNull(),
    bodyText: text("body_text").notNull(),
    /** What the author said about the change, if anything. */
    note: text("note").notNull().default(""),
    /** Set when this revision brought back an earlier one. */
    restoredFrom: integer("restored_from"),
    /** Set when the save started from an older revision and was merged with the changes made since. */
    mergedFrom: integer("merged_from"),
    wordsAdded: integer("words_added").notNull().default(0),
    wordsRemoved: integer("words_removed").notNull().default(0),
    /** The edit form's key: a repeated submit, or a late autosave, of the same edit is recognised. */
    editKey: text("edit_key"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("document_revisions_number_key").on(t.documentId, t.number),
    uniqueIndex("document_revisions_edit_key").on(t.documentId, t.authorId, t.editKey),
    /** A community's versions saved in a period, for its figures. */
    index("document_revisions_document_created_idx").on(t.documentId, t.createdAt),
  ],
);

export const documentCoauthors = pgTable(
  "document_coauthors",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedById: uuid("added_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.userId] }), index("document_coauthors_user_idx").on(t.userId)],
);

export const documentComments = pgTable(
  "document_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    bodyHtml: text("body_html").notNull(),
    bodyText: text("body_text").notNull(),
    /** The passage commented on, as quoted from the text, when the comment is about one passage. */
    quote: text("quote"),
    /** The revision the comment was made on. */
    revisionNumber: integer("revision_number").notNull(),
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    deletedAt: timestamptz("deleted_at"),
  },
  (t) => [
    index("document_comments_document_idx").on(t.documentId, t.createdAt, t.id),
    uniqueIndex("document_comments_idempotency_key").on(t.authorId, t.idempotencyKey),
  ],
);

/** What someone is typing into a document, kept until their save lands, with the revision they started from. */
export const documentDrafts = pgTable(
  "document_drafts",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    baseRevisionId: uuid("base_revision_id").references(() => documentRevisions.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    bodyHtml: text("body_html").notNull(),
    editKey: text("edit_key"),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.userId] }), index("document_drafts_base_revision_idx").on(t.baseRevisionId)],
);

export type DocumentRow = Omit<typeof documents.$inferSelect, "searchVector">;
export type DocumentRevisionRow = typeof documentRevisions.$inferSelect;
