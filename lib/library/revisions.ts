import { and, eq, sql } from "drizzle-orm";
import { diffRichText } from "@/lib/content/diff";
import type { Db } from "@/lib/db/client";
import { documentDrafts, documentRevisions, documents, type DocumentRevisionRow } from "@/lib/db/schema";
import { htmlToText } from "@/lib/content/sanitize";
import { claimEmbeddedImages } from "@/lib/files/claim";
import type { Viewer } from "@/lib/policy";
import type { LoadedDocument } from "./load";

// Writing a revision: every change to a document (a save, a merge, a restore) is a new
// revision, numbered in order, and the document row points at the newest.

export type NewRevision = {
  title: string;
  html: string;
  note?: string;
  editKey?: string | null;
  restoredFrom?: number | null;
  mergedFrom?: number | null;
};

export async function revisionById(db: Db, documentId: string, revisionId: string | null): Promise<DocumentRevisionRow | null> {
  if (!revisionId) return null;
  const [row] = await db.select().from(documentRevisions).where(and(eq(documentRevisions.documentId, documentId), eq(documentRevisions.id, revisionId)));
  return row ?? null;
}

export async function revisionByNumber(db: Db, documentId: string, number: number): Promise<DocumentRevisionRow | null> {
  const [row] = await db.select().from(documentRevisions).where(and(eq(documentRevisions.documentId, documentId), eq(documentRevisions.number, number)));
  return row ?? null;
}

/**
 * Adds a revision and makes it the document's current text, inside the caller's transaction
 * (which holds the document's row lock). The words added and removed are counted once, here,
 * so that the history page needs no diffs to show them.
 */
export async function addRevision(db: Db, viewer: Viewer, loaded: LoadedDocument, previous: DocumentRevisionRow | null, next: NewRevision) {
  const { document } = loaded;
  const diff = diffRichText(previous?.bodyHtml ?? "", next.html, { context: 0 });
  const number = document.revisionCount + 1;
  const [revision] = await db
    .insert(documentRevisions)
    .values({
      documentId: document.id,
      number,
      authorId: viewer.id,
      title: next.title,
      bodyHtml: next.html,
      bodyText: htmlToText(next.html),
      note: next.note ?? "",
      restoredFrom: next.restoredFrom ?? null,
      mergedFrom: next.mergedFrom ?? null,
      wordsAdded: diff.wordsAdded,
      wordsRemoved: diff.wordsRemoved,
      editKey: next.editKey ?? null,
    })
    .returning({ id: documentRevisions.id, number: documentRevisions.number, bodyText: documentRevisions.bodyText });
  await db
    .update(documents)
    .set({
      title: next.title,
      bodyHtml: next.html,
      bodyText: revision!.bodyText,
      headRevisionId: revision!.id,
      revisionCount: sql`${documents.revisionCount} + 1`,
      updatedAt: new Date(),
      updatedById: viewer.id,
    })
    .where(eq(documents.id, document.id));
  await db.delete(documentDrafts).where(and(eq(documentDrafts.documentId, document.id), eq(documentDrafts.userId, viewer.id)));
  await claimEmbeddedImages(db, viewer, next.html, { communityId: loaded.community.id, documentId: document.id });
  return { id: revision!.id, number };
}
