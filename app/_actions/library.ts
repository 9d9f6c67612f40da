"use server";

import { revalidatePath } from "next/cache";
import type { Viewer } from "@/lib/auth/request-viewer";
import { uploadFile } from "@/lib/files/upload";
import { fieldsOf, signedInFormAction, signedInUploadAction } from "@/lib/http/form-action";
import { createDocument, createFolder } from "@/lib/library/documents";
import { restoreRevision } from "@/lib/library/history";
import { addComment, deleteComment, deleteDocument, moveDocument, setCoauthor, setFolder, setStatus } from "@/lib/library/manage";
import { saveDocument, saveDocumentDraft } from "@/lib/library/save";
import { requireActiveViewer } from "@/lib/auth/request-viewer";
import { toAppError } from "@/lib/errors";

// Thin wrappers: the wrapper proves the viewer; each domain call checks the policy itself.

type Values = Record<string, string>;
const documentPath = (slug: string, documentId: string) => `/c/${slug}/library/${documentId}`;

export const createDocumentAction = signedInFormAction(async (viewer, values) => {
  const { slug, documentId } = await createDocument(viewer, values.slug ?? "", values);
  revalidatePath(`/c/${slug}`, "layout");
  return { redirectTo: documentPath(slug, documentId) };
});

export const createFolderAction = signedInFormAction(async (viewer, values) => {
  const { slug, folderId } = await createFolder(viewer, values.slug ?? "", values);
  return { redirectTo: `/c/${slug}/library?folder=${folderId}` };
});

/** A save lands (merged or not) on the document; a clash goes back to the editor, which shows both versions. */
export const saveDocumentAction = signedInFormAction(async (viewer, values) => {
  const saved = await saveDocument(viewer, values.documentId ?? "", values);
  const path = documentPath(saved.slug, saved.documentId);
  revalidatePath(path, "layout");
  if (saved.outcome === "clash") return { redirectTo: `${path}/edit?clash=1` };
  const note = saved.unchanged ? "unchanged" : saved.merged ? "merged" : "saved";
  return { redirectTo: `${path}?${note}=${saved.number}` };
});

/** Runs a step on a document, refreshes its pages and says what happened. */
function onDocument(run: (viewer: Viewer, v: Values) => Promise<{ slug: string; documentId: string }>, message: string) {
  return signedInFormAction(async (viewer, values) => {
    const { slug, documentId } = await run(viewer, values);
    revalidatePath(documentPath(slug, documentId), "layout");
    return { message };
  });
}

const id = (v: Values) => v.documentId ?? "";
export const setStatusAction = onDocument((viewer, v) => setStatus(viewer, id(v), v), "Status saved.");
export const setCoauthorAction = onDocument((viewer, v) => setCoauthor(viewer, id(v), v), "Co-authors saved.");
export const setFolderAction = onDocument((viewer, v) => setFolder(viewer, id(v), v), "Folder saved.");
export const deleteCommentAction = onDocument((viewer, v) => deleteComment(viewer, v.commentId ?? ""), "Comment deleted.");

export const addCommentAction = signedInFormAction(async (viewer, values) => {
  const { slug, documentId, commentId } = await addComment(viewer, id(values), values);
  const path = documentPath(slug, documentId);
  revalidatePath(path);
  return { redirectTo: `${path}${commentId ? `#comment-${commentId}` : "#comments"}` };
});

export const restoreRevisionAction = signedInFormAction(async (viewer, values) => {
  const { slug, documentId, number } = await restoreRevision(viewer, id(values), values);
  const path = documentPath(slug, documentId);
  revalidatePath(path, "layout");
  return { redirectTo: `${path}?restored=${number}` };
});

export const deleteDocumentAction = signedInFormAction(async (viewer, values) => {
  const { slug } = await deleteDocument(viewer, id(values));
  revalidatePath(`/c/${slug}`, "layout");
  return { redirectTo: `/c/${slug}/library` };
});

export const moveDocumentAction = signedInFormAction(async (viewer, values) => {
  const { slug, documentId } = await moveDocument(viewer, id(values), values);
  revalidatePath("/c", "layout");
  return { redirectTo: documentPath(slug, documentId) };
});

/** Attaches a file to a document or a post, from a plain upload form that works without scripts. */
export const attachFileAction = signedInUploadAction(async (viewer, values, files) => {
  const uploaded = await uploadFile(viewer, files.file ?? null, values);
  revalidatePath("/c", "layout");
  return { message: `${uploaded.name} attached.` };
});

/** Autosave from the document editor, keyed by the document. Returns a small result rather than throwing, as it runs in the background. */
export async function saveDocumentDraftAction(data: Record<string, string>): Promise<{ savedAt?: string; error?: string }> {
  try {
    const fields = fieldsOf(data);
    const { savedAt } = await saveDocumentDraft(await requireActiveViewer(), String(fields.key ?? ""), fields);
    return savedAt ? { savedAt: savedAt.toISOString() } : {};
  } catch (error) {
    return { error: toAppError(error).message };
  }
}
