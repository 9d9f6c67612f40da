import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { loadCommunity } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import { documentComments, documentCoauthors, documents, files, folders, memberships } from "@/lib/db/schema";
import { badRequest, notFound } from "@/lib/errors";
import { activeMembership, authorize, type Viewer } from "@/lib/policy";
import { htmlToText } from "@/lib/content/sanitize";
import { isUuid, parseInput } from "@/lib/validation";
import { loadAuthorizedDocument, loadDocument } from "./load";
import { cleanDocumentBody, commentSchema, statusSchema } from "./validation";

// Looking after a document: its status, co-authors, folder, comments, moving and deleting.

/** Draft, out for comment (with the date comments close) or agreed. */
export async function setStatus(viewer: Viewer, documentId: string, input: unknown) {
  const { status, deadline } = parseInput(statusSchema, input);
  const db = await getDb();
  const { document, community } = await loadAuthorizedDocument(db, viewer, documentId, "document.setStatus");
  await db.update(documents).set({ status, commentDeadline: deadline }).where(eq(documents.id, document.id));
  return { slug: community.slug, documentId: document.id };
}

const personSchema = z.object({ userId: z.uuid("Choose a member."), add: z.enum(["true", "false"]).catch("true") });

/** The owner or a facilitator adds or removes a co-author, who must be an active member of the community. */
export async function setCoauthor(viewer: Viewer, documentId: string, input: unknown) {
  const { userId, add } = parseInput(personSchema, input);
  const db = await getDb();
  const { document, community } = await loadAuthorizedDocument(db, viewer, documentId, "document.chooseCoauthors");
  if (add === "false") {
    await db.delete(documentCoauthors).where(and(eq(documentCoauthors.documentId, document.id), eq(documentCoauthors.userId, userId)));
    return { slug: community.slug, documentId: document.id };
  }
  const [member] = await db.select({ userId: memberships.userId }).from(memberships).where(activeMembership({ communityId: community.id, userId }));
  if (!member) throw badRequest("Please check the highlighted fields.", { userId: ["Co-authors must be members of this community."] });
  if (userId === document.ownerId) throw badRequest("Please check the highlighted fields.", { userId: ["The owner already edits this document."] });
  await db.insert(documentCoauthors).values({ documentId: document.id, userId, addedById: viewer.id }).onConflictDoNothing();
  return { slug: community.slug, documentId: document.id };
}

const folderMoveSchema = z.object({ folderId: z.union([z.literal("").transform(() => null), z.uuid()]) });

/** Files the document in one of its library's folders, or none. */
export async function setFolder(viewer: Viewer, documentId: string, input: unknown) {
  const { folderId } = parseInput(folderMoveSchema, input);
  const db = await getDb();
  const { document, community } = await loadAuthorizedDocument(db, viewer, documentId, "document.edit");
  if (folderId) {
    const [folder] = await db.select({ id: folders.id }).from(folders).where(and(eq(folders.id, folderId), eq(folders.communityId, community.id)));
    if (!folder) throw badRequest("Please check the highlighted fields.", { folderId: ["Choose one of this library's folders."] });
  }
  await db.update(documents).set({ folderId }).where(eq(documents.id, document.id));
  return { slug: community.slug, documentId: document.id };
}

export async function deleteDocument(viewer: Viewer, documentId: string) {
  const db = await getDb();
  const { document, community } = await loadAuthorizedDocument(db, viewer, documentId, "document.delete");
  await db.update(documents).set({ deletedAt: new Date() }).where(eq(documents.id, document.id));
  return { slug: community.slug };
}

const moveSchema = z.object({ destination: z.string().trim().min(1, "Choose where to move it.").max(200) });

/**
 * A facilitator moves a document, with its history, comments and files, to another community
 * they look after. From then on it is read by that community's readers, and no one else.
 */
export async function moveDocument(viewer: Viewer, documentId: string, input: unknown) {
  const { destination } = parseInput(moveSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadDocument(tx, viewer, documentId, { lock: true });
    if (!loaded) throw notFound("We could not find that document.");
    const to = await loadCommunity(tx, viewer, { slug: destination });
    if (!to) throw badRequest("Please check the highlighted fields.", { destination: ["Choose a community you look after."] });
    authorize(viewer, "document.move", { ...loaded.target, destination: to.target });
    await tx.update(documents).set({ communityId: to.community.id, folderId: null }).where(eq(documents.id, loaded.document.id));
    await tx.update(files).set({ communityId: to.community.id }).where(eq(files.documentId, loaded.document.id));
    return { slug: to.community.slug, documentId: loaded.document.id };
  });
}

/** A comment on the document, on the whole or on one passage quoted from its current text. */
export async function addComment(viewer: Viewer, documentId: string, input: unknown) {
  const data = parseInput(commentSchema, input);
  const body = cleanDocumentBody(data.body, data.bodyFormat, { required: true });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { document, community } = await loadAuthorizedDocument(tx, viewer, documentId, "document.comment", { lock: true });
    if (data.quote && !htmlToText(document.bodyHtml).replace(/\s+/g, " ").includes(data.quote)) {
      throw badRequest("Please check the highlighted fields.", { quote: ["We could not find that passage in the document. Copy it exactly, or leave this empty to comment on the whole document."] });
    }
    const [made] = await tx
      .insert(documentComments)
      .values({ documentId: document.id, authorId: viewer.id, bodyHtml: body.html, bodyText: body.text, quote: data.quote, revisionNumber: document.revisionCount, idempotencyKey: data.idempotencyKey })
      .onConflictDoNothing({ target: [documentComments.authorId, documentComments.idempotencyKey] })
      .returning({ id: documentComments.id });
    if (made) await tx.update(documents).set({ commentCount: sql`${documents.commentCount} + 1` }).where(eq(documents.id, document.id));
    return { slug: community.slug, documentId: document.id, commentId: made?.id ?? null };
  });
}

export async function deleteComment(viewer: Viewer, commentId: string) {
  if (!isUuid(commentId)) throw notFound("We could not find that comment.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [comment] = await tx.select().from(documentComments).where(eq(documentComments.id, commentId));
    if (!comment) throw notFound("We could not find that comment.");
    const loaded = await loadDocument(tx, viewer, comment.documentId, { lock: true });
    if (!loaded) throw notFound("We could not find that comment.");
    authorize(viewer, "document.deleteComment", { ...loaded.target, comment: { authorId: comment.authorId, deletedAt: comment.deletedAt } });
    await tx.update(documentComments).set({ deletedAt: new Date() }).where(eq(documentComments.id, comment.id));
    await tx.update(documents).set({ commentCount: sql`${documents.commentCount} - 1` }).where(eq(documents.id, loaded.document.id));
    return { slug: loaded.community.slug, documentId: loaded.document.id };
  });
}
