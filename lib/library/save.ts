import { and, eq } from "drizzle-orm";
import { mergeLine, mergeRichText } from "@/lib/content/merge";
import { getDb } from "@/lib/db/client";
import { documentDrafts, documentRevisions } from "@/lib/db/schema";
import { badRequest } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { loadAuthorizedDocument } from "./load";
import { addRevision, revisionById } from "./revisions";
import { cleanDocumentBody, draftSchema, saveDocumentSchema } from "./validation";

// Saving a document that several people edit. Every save names the revision its editor
// started from. Saves to one document take turns (a row lock); a save whose starting point is
// no longer the newest is merged with the changes made since, paragraph by paragraph. When
// two people changed the same paragraph, nothing is overwritten: the save is kept as the
// member's draft, and the editor shows both versions to settle.

export type SaveOutcome =
  | { outcome: "saved"; slug: string; documentId: string; number: number; merged: boolean; unchanged: boolean }
  | { outcome: "clash"; slug: string; documentId: string };

export async function saveDocument(viewer: Viewer, documentId: string, input: unknown): Promise<SaveOutcome> {
  const data = parseInput(saveDocumentSchema, input);
  const body = cleanDocumentBody(data.body, data.bodyFormat);
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<SaveOutcome> => {
    const loaded = await loadAuthorizedDocument(tx, viewer, documentId, "document.edit", { lock: true });
    const { document, community } = loaded;
    const done = { slug: community.slug, documentId: document.id };
    if (data.editKey) {
      const [repeat] = await tx
        .select({ number: documentRevisions.number })
        .from(documentRevisions)
        .where(and(eq(documentRevisions.documentId, document.id), eq(documentRevisions.authorId, viewer.id), eq(documentRevisions.editKey, data.editKey)));
      if (repeat) return { outcome: "saved", ...done, number: repeat.number, merged: false, unchanged: false };
    }
    const head = await revisionById(tx, document.id, document.headRevisionId);
    let title = data.title;
    let html = body.html;
    let mergedFrom: number | null = null;
    if (head && data.baseRevisionId !== head.id) {
      const base = await revisionById(tx, document.id, data.baseRevisionId);
      if (!base) throw badRequest("The version you started from is not part of this document. Open the editor again.");
      const mergedTitle = mergeLine(base.title, title, head.title);
      const merged = mergeRichText(base.bodyHtml, html, head.bodyHtml);
      if (mergedTitle.clash || merged.clashes.length > 0) return { outcome: "clash", ...done };
      title = mergedTitle.value;
      html = merged.html;
      mergedFrom = base.number;
    }
    if (head && title === head.title && html === head.bodyHtml) {
      await tx.delete(documentDrafts).where(and(eq(documentDrafts.documentId, document.id), eq(documentDrafts.userId, viewer.id)));
      return { outcome: "saved", ...done, number: head.number, merged: mergedFrom !== null, unchanged: mergedFrom === null };
    }
    const revision = await addRevision(tx, viewer, loaded, head, { title, html, note: data.note, editKey: data.editKey, mergedFrom });
    return { outcome: "saved", ...done, number: revision.number, merged: mergedFrom !== null, unchanged: false };
  });
  if (result.outcome === "clash") {
    // Kept on the server with the revision it started from, so the editor can show both sides.
    await keepDraft(viewer.id, result.documentId, { title: data.title, bodyHtml: body.html, baseRevisionId: data.baseRevisionId, editKey: data.editKey });
  }
  return result;
}

async function keepDraft(userId: string, documentId: string, draft: { title: string; bodyHtml: string; baseRevisionId: string; editKey: string | null }) {
  const db = await getDb();
  const values = { ...draft, updatedAt: new Date() };
  await db
    .insert(documentDrafts)
    .values({ documentId, userId, ...values })
    .onConflictDoUpdate({ target: [documentDrafts.documentId, documentDrafts.userId], set: values });
}

/**
 * Autosave while someone edits, kept until their save lands. An autosave that arrives after
 * the save it belongs to (same edit key) is ignored, so it cannot bring back stale text.
 */
export async function saveDocumentDraft(viewer: Viewer, documentId: string, input: unknown): Promise<{ savedAt: Date | null }> {
  const data = parseInput(draftSchema, input);
  const body = cleanDocumentBody(data.body, "html");
  const db = await getDb();
  const { document } = await loadAuthorizedDocument(db, viewer, documentId, "document.edit");
  if (data.editKey) {
    const [landed] = await db
      .select({ id: documentRevisions.id })
      .from(documentRevisions)
      .where(and(eq(documentRevisions.documentId, document.id), eq(documentRevisions.authorId, viewer.id), eq(documentRevisions.editKey, data.editKey)));
    if (landed) return { savedAt: null };
  }
  await keepDraft(viewer.id, document.id, { title: data.title, bodyHtml: body.html, baseRevisionId: data.baseRevisionId, editKey: data.editKey });
  return { savedAt: new Date() };
}
