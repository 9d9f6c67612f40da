import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { loadAuthorized, loadReadable } from "@/lib/communities/load";
import { getDb, type Db } from "@/lib/db/client";
import { fromJsonRows, jsonList, jsonRow, selectJson } from "@/lib/db/json-rows";
import { documentRevisions, documents, folders, users } from "@/lib/db/schema";
import { badRequest } from "@/lib/errors";
import { decodeCursor, pageOf } from "@/lib/pagination";
import { decide, visibleDocuments, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { z } from "zod";
import type { LoadedDocument } from "./load";
import { addRevision } from "./revisions";
import { cleanDocumentBody, folderSchema, newDocumentSchema } from "./validation";

// A community's library: starting documents and folders, and listing them.

/** Starts a document: its first revision is what was typed. The same idempotency key twice gives back the first. */
export async function createDocument(viewer: Viewer, slug: string, input: unknown) {
  const data = parseInput(newDocumentSchema, input);
  const body = cleanDocumentBody(data.body, data.bodyFormat);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community, target } = await loadAuthorized(tx, viewer, { slug }, "document.create");
    if (data.folderId) {
      const [folder] = await tx.select({ id: folders.id }).from(folders).where(and(eq(folders.id, data.folderId), eq(folders.communityId, community.id)));
      if (!folder) throw badRequest("Please check the highlighted fields.", { folderId: ["Choose one of this library's folders."] });
    }
    if (data.idempotencyKey) {
      const [repeat] = await tx
        .select({ id: documents.id })
        .from(documents)
        .innerJoin(documentRevisions, and(eq(documentRevisions.documentId, documents.id), eq(documentRevisions.number, 1)))
        .where(and(eq(documents.communityId, community.id), eq(documentRevisions.authorId, viewer.id), eq(documentRevisions.editKey, data.idempotencyKey)));
      if (repeat) return { documentId: repeat.id, slug: community.slug };
    }
    const [created] = await tx
      .insert(documents)
      .values({ communityId: community.id, folderId: data.folderId, ownerId: viewer.id, title: data.title, updatedById: viewer.id })
      .returning();
    const loaded: LoadedDocument = { document: created!, community, target: { ...target, document: { ownerId: viewer.id, deletedAt: null }, coauthor: false } };
    await addRevision(tx, viewer, loaded, null, { title: data.title, html: body.html, editKey: data.idempotencyKey });
    return { documentId: created!.id, slug: community.slug };
  });
}

export async function createFolder(viewer: Viewer, slug: string, input: unknown) {
  const { name } = parseInput(folderSchema, input);
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "folder.create");
  const [made] = await db.insert(folders).values({ communityId: community.id, name, createdById: viewer.id }).onConflictDoNothing().returning({ id: folders.id });
  if (!made) throw badRequest("Please check the highlighted fields.", { name: ["There is already a folder with that name."] });
  return { folderId: made.id, slug: community.slug };
}

const listSchema = z.object({
  folder: z.uuid().optional().catch(undefined),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(50),
});

export const statusLabel = { draft: "Draft", out_for_comment: "Out for comment", agreed: "Agreed" } as const;

/** The library page: its folders, and its documents newest change first (in one folder, or all), paged by keyset. */
export async function getLibrary(viewer: Viewer, slug: string, query: unknown) {
  const q = parseInput(listSchema, query);
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const db = await getDb();
  const loaded = await loadReadable(db, viewer, { slug });
  const { community, target } = loaded;
  const { allowed, refusals } = decide(viewer, target, { createDocument: "document.create", createFolder: "folder.create" });
  const folderRows = await db
    .select({ id: folders.id, name: folders.name, documents: sql<number>`(select count(*)::int from documents d where d.folder_id = ${folders.id} and d.deleted_at is null)` })
    .from(folders)
    .where(eq(folders.communityId, community.id))
    .orderBy(asc(sql`lower(${folders.name})`));
  const rows = await db
    .select({
      id: documents.id,
      title: documents.title,
      status: documents.status,
      commentDeadline: documents.commentDeadline,
      updatedAt: documents.updatedAt,
      revisionCount: documents.revisionCount,
      commentCount: documents.commentCount,
      folderId: documents.folderId,
      updatedBy: users.name,
    })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.updatedById))
    .where(
      and(
        eq(documents.communityId, community.id),
        visibleDocuments(viewer, documents),
        q.folder ? eq(documents.folderId, q.folder) : undefined,
        after ? sql`(${documents.updatedAt}, ${documents.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(documents.updatedAt), desc(documents.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.updatedAt.toISOString(), r.id]);
  return {
    community: { id: community.id, slug: community.slug, name: community.name },
    folder: folderRows.find((f) => f.id === q.folder) ?? null,
    folders: folderRows,
    documents: page.items,
    nextCursor: page.nextCursor,
    allowed,
    refusals,
  };
}

const forCommentColumns = { id: documents.id, title: documents.title, commentDeadline: documents.commentDeadline, commentCount: documents.commentCount };
export type DocumentForComment = { id: string; title: string; commentDeadline: Date | null; commentCount: number };

/** Documents out for comment in a community, soonest deadline first, for its page. Empty for a viewer who cannot read it. */
export async function outForComment(viewer: Viewer, communityId: string): Promise<DocumentForComment[]> {
  const db = await getDb();
  return toOutForComment(await selectJson(db, outForCommentColumn(db, viewer, communityId)));
}

/** The same list as a column of another statement (the community page's own). */
export function outForCommentColumn(db: Db, viewer: Viewer, communityId: string) {
  return jsonList(
    db
      .select(jsonRow(forCommentColumns))
      .from(documents)
      .where(and(eq(documents.communityId, communityId), eq(documents.status, "out_for_comment"), isNull(documents.deletedAt), visibleDocuments(viewer, documents)))
      .orderBy(sql`${documents.commentDeadline} asc nulls last`, asc(documents.id))
      .limit(10),
  );
}

export function toOutForComment(rows: unknown[]): DocumentForComment[] {
  return fromJsonRows<DocumentForComment>(forCommentColumns, rows);
}
