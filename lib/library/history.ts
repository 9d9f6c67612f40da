import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { diffRichText, renderDiffHtml } from "@/lib/content/diff";
import { getDb } from "@/lib/db/client";
import { documentRevisions, users } from "@/lib/db/schema";
import { badRequest, notFound } from "@/lib/errors";
import { decodeCursor, pageOf } from "@/lib/pagination";
import { decide, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { loadAuthorizedDocument } from "./load";
import { addRevision, revisionById, revisionByNumber } from "./revisions";

// A document's history: who changed what and when, the difference between any two
// revisions, and bringing an earlier one back (which is itself a new revision).

const historySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(50),
});

/** A page of revisions, newest first, by keyset on the revision number (no bodies are read). */
export async function getHistory(viewer: Viewer, documentId: string, query: unknown) {
  const q = parseInput(historySchema, query);
  const after = decodeCursor(q.cursor, ["number"]);
  const db = await getDb();
  const loaded = await loadAuthorizedDocument(db, viewer, documentId, "document.read");
  const rows = await db
    .select({
      number: documentRevisions.number,
      createdAt: documentRevisions.createdAt,
      authorName: users.name,
      note: documentRevisions.note,
      restoredFrom: documentRevisions.restoredFrom,
      mergedFrom: documentRevisions.mergedFrom,
      wordsAdded: documentRevisions.wordsAdded,
      wordsRemoved: documentRevisions.wordsRemoved,
    })
    .from(documentRevisions)
    .leftJoin(users, eq(users.id, documentRevisions.authorId))
    .where(and(eq(documentRevisions.documentId, loaded.document.id), after ? lt(documentRevisions.number, after[0] as number) : undefined))
    .orderBy(desc(documentRevisions.number))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.number]);
  const { allowed } = decide(viewer, loaded.target, { restore: "document.restore" });
  return { ...summary(loaded), revisions: page.items, nextCursor: page.nextCursor, allowed };
}

const compareSchema = z.object({
  from: z.coerce.number().int().min(1).optional().catch(undefined),
  to: z.coerce.number().int().min(1).optional().catch(undefined),
});

/**
 * What changed between two revisions (by default, the newest and the one before it), as safe
 * HTML with added and removed words marked in words for screen readers too.
 */
export async function compareRevisions(viewer: Viewer, documentId: string, query: unknown) {
  const q = parseInput(compareSchema, query);
  const db = await getDb();
  const loaded = await loadAuthorizedDocument(db, viewer, documentId, "document.read");
  const latest = loaded.document.revisionCount;
  const to = Math.min(q.to ?? latest, latest);
  const from = Math.min(q.from ?? Math.max(1, to - 1), latest);
  const [before, after] = await Promise.all([revisionByNumber(db, loaded.document.id, from), revisionByNumber(db, loaded.document.id, to)]);
  if (!before || !after) throw notFound("We could not find that version.");
  const diff = diffRichText(before.bodyHtml, after.bodyHtml);
  return {
    ...summary(loaded),
    from: { number: before.number, title: before.title, createdAt: before.createdAt },
    to: { number: after.number, title: after.title, createdAt: after.createdAt },
    titleChanged: before.title !== after.title,
    diffHtml: renderDiffHtml(diff),
    wordsAdded: diff.wordsAdded,
    wordsRemoved: diff.wordsRemoved,
  };
}

/** One revision as it was, to read before bringing it back. */
export async function getRevision(viewer: Viewer, documentId: string, number: number) {
  const db = await getDb();
  const loaded = await loadAuthorizedDocument(db, viewer, documentId, "document.read");
  if (!Number.isInteger(number) || number < 1) throw notFound("We could not find that version.");
  const revision = await revisionByNumber(db, loaded.document.id, number);
  if (!revision) throw notFound("We could not find that version.");
  const { allowed, refusals } = decide(viewer, loaded.target, { restore: "document.restore" });
  return { ...summary(loaded), revision: { number: revision.number, title: revision.title, bodyHtml: revision.bodyHtml, createdAt: revision.createdAt }, allowed, refusals };
}

const restoreSchema = z.object({ number: z.coerce.number({ error: "Choose a version." }).int().min(1) });

/** Brings back an earlier revision's title and text as a new revision; nothing in between is lost. */
export async function restoreRevision(viewer: Viewer, documentId: string, input: unknown) {
  const { number } = parseInput(restoreSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadAuthorizedDocument(tx, viewer, documentId, "document.restore", { lock: true });
    const old = await revisionByNumber(tx, loaded.document.id, number);
    if (!old) throw notFound("We could not find that version.");
    const head = await revisionById(tx, loaded.document.id, loaded.document.headRevisionId);
    if (head && head.title === old.title && head.bodyHtml === old.bodyHtml) throw badRequest("That version is the same as the current one.");
    const made = await addRevision(tx, viewer, loaded, head, { title: old.title, html: old.bodyHtml, restoredFrom: old.number, note: `Brought back version ${old.number}` });
    return { slug: loaded.community.slug, documentId: loaded.document.id, number: made.number };
  });
}

function summary({ document, community }: Awaited<ReturnType<typeof loadAuthorizedDocument>>) {
  return {
    community: { slug: community.slug, name: community.name },
    document: { id: document.id, title: document.title, revisionCount: document.revisionCount },
  };
}
