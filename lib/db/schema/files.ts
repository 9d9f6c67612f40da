import { sql } from "drizzle-orm";
import { customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { documents } from "./library";
import { posts } from "./posts";
import { tsvector } from "./search";
import { users } from "./users";

// Files: attachments on documents and posts, and images shown inside them. The bytes live in
// the configured storage (lib/storage); by default, in `stored_chunks` below.

export const fileKinds = ["attachment", "image"] as const;
export const fileKindEnum = pgEnum("file_kind", fileKinds);
export type FileKind = (typeof fileKinds)[number];

const timestamptz = (name: string) => timestamp(name, { mode: "date", withTimezone: true });

export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The community it was uploaded in; it follows a document that moves. */
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    uploaderId: uuid("uploader_id").references(() => users.id, { onDelete: "set null" }),
    /** What it belongs to, which decides who may download it. Neither yet: only its uploader may. */
    documentId: uuid("document_id").references(() => documents.id, { onDelete: "cascade" }),
    postId: uuid("post_id").references(() => posts.id, { onDelete: "cascade" }),
    kind: fileKindEnum("kind").notNull(),
    /** The cleaned name it is offered for download under. */
    name: text("name").notNull(),
    /** The type found in the bytes, never the one the browser claimed. */
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    width: integer("width"),
    height: integer("height"),
    /** Words found in a PDF or Word file, for search. */
    text: text("text").notNull().default(""),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    deletedAt: timestamptz("deleted_at"),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(name, '')), 'B') || setweight(to_tsvector('english', coalesce(text, '')), 'D')`,
    ),
  },
  (t) => [
    index("files_document_idx").on(t.documentId, t.createdAt).where(sql`${t.documentId} is not null`),
    index("files_post_idx").on(t.postId, t.createdAt).where(sql`${t.postId} is not null`),
    index("files_unattached_idx").on(t.uploaderId, t.createdAt).where(sql`${t.documentId} is null and ${t.postId} is null`),
    index("files_search_idx").using("gin", t.searchVector),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** The default storage: an object's bytes in Postgres, in chunks, so it needs no other service. */
export const storedChunks = pgTable(
  "stored_chunks",
  {
    key: text("key").notNull(),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.seq] })],
);

export type FileRow = Omit<typeof files.$inferSelect, "searchVector">;
