import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { mergeLine, mergeRichText, type Clash } from "@/lib/content/merge";
import { getDb } from "@/lib/db/client";
import { documentCoauthors, documentComments, documentDrafts, documentRevisions, files, folders, memberships, users } from "@/lib/db/schema";
import { activeMembership, decide, type Viewer } from "@/lib/policy";
import { loadAuthorizedDocument } from "./load";
import { revisionById } from "./revisions";

// What the document page and its editor show.

const documentActions = {
  edit: "document.edit",
  restore: "document.restore",
  setStatus: "document.setStatus",
  attach: "document.attach",
  chooseCoauthors: "document.chooseCoauthors",
  delete: "document.delete",
  comment: "document.comment",
  /** Facilitators' steps: moving (which also needs a facilitator where it goes) and removing comments. */
  moderate: "community.moderate",
} as const;

/** The document as it is now, with its people, files and comments, and what the viewer may do. */
export async function getDocumentPage(viewer: Viewer, documentId: string) {
  const db = await getDb();
  const loaded = await loadAuthorizedDocument(db, viewer, documentId, "document.read");
  const { document, community, target } = loaded;
  const { allowed, refusals } = decide(viewer, target, documentActions);
  const [owner, coauthors, attachments, comments, libraryFolders, lastRevision, candidates] = await Promise.all([
    document.ownerId ? db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, document.ownerId)).then((r) => r[0] ?? null) : null,
    db
      .select({ id: users.id, name: users.name })
      .from(documentCoauthors)
      .innerJoin(users, eq(users.id, documentCoauthors.userId))
      .where(eq(documentCoauthors.documentId, document.id))
      .orderBy(asc(sql`lower(${users.name})`)),
    db
      .select({ id: files.id, name: files.name, size: files.size, contentType: files.contentType, createdAt: files.createdAt })
      .from(files)
      .where(and(eq(files.documentId, document.id), eq(files.kind, "attachment"), isNull(files.deletedAt)))
      .orderBy(asc(files.createdAt)),
    db
      .select({
        id: documentComments.id,
        authorId: documentComments.authorId,
        authorName: users.name,
        bodyHtml: documentComments.bodyHtml,
        quote: documentComments.quote,
        revisionNumber: documentComments.revisionNumber,
        createdAt: documentComments.createdAt,
      })
      .from(documentComments)
      .leftJoin(users, eq(users.id, documentComments.authorId))
      .where(and(eq(documentComments.documentId, document.id), isNull(documentComments.deletedAt)))
      .orderBy(asc(documentComments.createdAt), asc(documentComments.id))
      .limit(500),
    db.select({ id: folders.id, name: folders.name }).from(folders).where(eq(folders.communityId, document.communityId)).orderBy(asc(sql`lower(${folders.name})`)),
    db
      .select({ number: documentRevisions.number, createdAt: documentRevisions.createdAt, authorName: users.name })
      .from(documentRevisions)
      .leftJoin(users, eq(users.id, documentRevisions.authorId))
      .where(eq(documentRevisions.id, document.headRevisionId ?? sql`null`))
      .then((r) => r[0] ?? null),
    allowed.chooseCoauthors ? coauthorCandidates(document.communityId) : [],
  ]);
  const text = document.bodyText.replace(/\s+/g, " ");
  return {
    community: { id: community.id, slug: community.slug, name: community.name },
    document: {
      id: document.id,
      title: document.title,
      bodyHtml: document.bodyHtml,
      status: document.status,
      commentDeadline: document.commentDeadline,
      revisionCount: document.revisionCount,
      createdAt: document.createdAt,
      updatedAt: document.updatedAt,
    },
    folder: libraryFolders.find((f) => f.id === document.folderId) ?? null,
    /** Folders the document may be filed in, for those who edit it. */
    folders: allowed.edit ? libraryFolders : [],
    owner,
    coauthors,
    candidates: candidates.filter((c) => c.id !== document.ownerId && !coauthors.some((a) => a.id === c.id)),
    lastRevision,
    attachments,
    comments: comments.map((c) => ({ ...c, mine: c.authorId === viewer.id, quoteFound: c.quote ? text.includes(c.quote) : null })),
    allowed,
    refusals,
  };
}

/** Active members of the community, who may be chosen as co-authors. Libraries serve small groups: the first 500 by name. */
async function coauthorCandidates(communityId: string) {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(activeMembership({ communityId }))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(500);
}

export type EditorState = Awaited<ReturnType<typeof getEditor>>;

/**
 * What the editor opens with. Normally the current revision, or the viewer's unsaved draft on
 * top of it. When someone else saved since the draft began, both edits are merged; where they
 * changed the same passage the viewer's text stays in the editor and both versions are listed
 * side by side, to settle before saving again.
 */
export async function getEditor(viewer: Viewer, documentId: string) {
  const db = await getDb();
  const loaded = await loadAuthorizedDocument(db, viewer, documentId, "document.edit");
  const { document, community } = loaded;
  const head = await revisionById(db, document.id, document.headRevisionId);
  const [draft] = await db.select().from(documentDrafts).where(and(eq(documentDrafts.documentId, document.id), eq(documentDrafts.userId, viewer.id)));
  const base = { community: { slug: community.slug, name: community.name }, document: { id: document.id, title: document.title }, baseRevisionId: head?.id ?? "" };
  const current = { title: head?.title ?? document.title, bodyHtml: head?.bodyHtml ?? document.bodyHtml };
  if (!draft) return { ...base, ...current, draftSavedAt: null, clashes: [] as Clash[], titleClash: null, newer: null };
  if (!head || draft.baseRevisionId === head.id) {
    return { ...base, title: draft.title, bodyHtml: draft.bodyHtml, draftSavedAt: draft.updatedAt, clashes: [] as Clash[], titleClash: null, newer: null };
  }
  const start = (await revisionById(db, document.id, draft.baseRevisionId)) ?? { title: "", bodyHtml: "" };
  const merged = mergeRichText(start.bodyHtml, draft.bodyHtml, head.bodyHtml);
  const title = mergeLine(start.title, draft.title, head.title);
  const [by] = await db.select({ name: users.name }).from(users).where(eq(users.id, head.authorId ?? sql`null`));
  return {
    ...base,
    title: title.value,
    bodyHtml: merged.html,
    draftSavedAt: draft.updatedAt,
    clashes: merged.clashes,
    titleClash: title.clash ? { mine: draft.title, theirs: head.title } : null,
    newer: { number: head.number, authorName: by?.name ?? "A former member", createdAt: head.createdAt },
  };
}
