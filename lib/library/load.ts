import { eq, getTableColumns, sql } from "drizzle-orm";
import { loadCommunity } from "@/lib/communities/load";
import type { Db } from "@/lib/db/client";
import { documentCoauthors, documents, type CommunityRow, type DocumentRow } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { authorize, can, type Action, type DocumentTarget, type Viewer } from "@/lib/policy";
import { isUuid } from "@/lib/validation";

// Loads documents as the policy decides on them. Every library function that acts on a
// document starts here; one the viewer may not read is a 404, exactly as if it did not exist.

const { searchVector: _search, ...documentColumns } = getTableColumns(documents);

export type LoadedDocument = { document: DocumentRow; community: CommunityRow; target: DocumentTarget };
type DocumentAction = Exclude<Action & `document.${string}`, "document.create" | "document.move" | "document.deleteComment">;

/** A document with its community chain, the viewer's memberships and whether they co-author it. */
export async function loadDocument(db: Db, viewer: Viewer, documentId: string, { lock = false } = {}): Promise<LoadedDocument | null> {
  if (!isUuid(documentId)) return null;
  const query = db
    .select({ ...documentColumns, coauthor: sql<boolean>`exists (select 1 from ${documentCoauthors} where ${documentCoauthors.documentId} = ${documents.id} and ${documentCoauthors.userId} = ${viewer.id})` })
    .from(documents)
    .where(eq(documents.id, documentId))
    .$dynamic();
  const [row] = lock ? await query.for("update", { of: documents }) : await query;
  if (!row) return null;
  const { coauthor, ...document } = row;
  const loaded = await loadCommunity(db, viewer, { id: document.communityId });
  if (!loaded) return null;
  const target: DocumentTarget = { ...loaded.target, document: { ownerId: document.ownerId, deletedAt: document.deletedAt }, coauthor: Boolean(coauthor) };
  return { document, community: loaded.community, target };
}

/**
 * Loads a document and checks an action on it. With `lock`, the document's row is locked for
 * the rest of the transaction, so that saves to one document take turns.
 */
export async function loadAuthorizedDocument(db: Db, viewer: Viewer, documentId: string, action: DocumentAction, options: { lock?: boolean } = {}): Promise<LoadedDocument> {
  const loaded = await loadDocument(db, viewer, documentId, options);
  if (!loaded || !can(viewer, "document.read", loaded.target)) throw notFound("We could not find that document.");
  authorize(viewer, action, loaded.target);
  return loaded;
}
