import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { documentRevisions, documents } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { addMembership, makeCommunity, makeUser } from "@/test/support/factories";
import { createDocument, getLibrary } from "./documents";
import { compareRevisions, getHistory, restoreRevision } from "./history";
import { addComment, setCoauthor, setStatus } from "./manage";
import { getEditor } from "./page";
import { saveDocument, saveDocumentDraft } from "./save";

const paras = (...p: string[]) => p.map((t) => `<p>${t}</p>`).join("");

let owner: Viewer;
let coauthor: Viewer;
let slug = "";

async function head(documentId: string) {
  const db = await getDb();
  const [doc] = await db.select({ head: documents.headRevisionId, count: documents.revisionCount, body: documents.bodyHtml, title: documents.title }).from(documents).where(eq(documents.id, documentId));
  return doc!;
}

async function newDocument(body = paras("Intro", "Middle", "End")) {
  const { documentId } = await createDocument(owner, slug, { title: "Commissioning framework", body, bodyFormat: "html" });
  await setCoauthor(owner, documentId, { userId: coauthor.id });
  return { documentId, base: (await head(documentId)).head! };
}

const save = (who: Viewer, documentId: string, base: string, body: string, title = "Commissioning framework", editKey?: string) =>
  saveDocument(who, documentId, { title, body, bodyFormat: "html", baseRevisionId: base, editKey });

beforeAll(async () => {
  owner = await makeUser({ name: "Olu Owner" });
  coauthor = await makeUser({ name: "Cam Coauthor" });
  const community = await makeCommunity({ name: "Stakeholder group", visibility: "private" });
  slug = community.slug;
  await addMembership(community.id, owner.id);
  await addMembership(community.id, coauthor.id);
});

describe("saving a document edited by two people", () => {
  it("two saves on the same revision: both changes kept when they touch different paragraphs", async () => {
    const { documentId, base } = await newDocument();
    const results = await Promise.all([
      save(owner, documentId, base, paras("Intro, by the owner", "Middle", "End")),
      save(coauthor, documentId, base, paras("Intro", "Middle", "End, by the co-author")),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(["saved", "saved"]);
    expect(results.filter((r) => r.outcome === "saved" && r.merged)).toHaveLength(1);
    const doc = await head(documentId);
    expect(doc.body).toBe(paras("Intro, by the owner", "Middle", "End, by the co-author"));
    expect(doc.count).toBe(3);
  });

  it("two saves on the same revision changing the same paragraph: one lands, the other is a clash kept as a draft, never lost", async () => {
    const { documentId, base } = await newDocument();
    const results = await Promise.all([
      save(owner, documentId, base, paras("Intro", "Owner's middle", "End")),
      save(coauthor, documentId, base, paras("Intro", "Co-author's middle", "End")),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["clash", "saved"]);
    const loser = results[0]!.outcome === "clash" ? owner : coauthor;
    const winnerText = loser === owner ? "Co-author's middle" : "Owner's middle";
    const loserText = loser === owner ? "Owner's middle" : "Co-author's middle";
    const doc = await head(documentId);
    expect(doc.count).toBe(2);
    expect(doc.body).toContain(winnerText);
    const editor = await getEditor(loser, documentId);
    // The loser's words are in their editor, the other version beside them, and their next save starts from the newest revision.
    expect(editor.bodyHtml).toContain(loserText);
    expect(editor.clashes).toEqual([{ base: paras("Middle"), mine: paras(loserText), theirs: paras(winnerText) }]);
    expect(editor.baseRevisionId).toBe(doc.head);
    const settled = await save(loser, documentId, editor.baseRevisionId, paras("Intro", `${winnerText} and ${loserText}`, "End"));
    expect(settled).toMatchObject({ outcome: "saved", merged: false });
    expect((await getEditor(loser, documentId)).clashes).toEqual([]);
  });

  it("a repeated submit of the same edit makes one revision, and its late autosave brings nothing back", async () => {
    const { documentId, base } = await newDocument();
    const first = await save(owner, documentId, base, paras("Once"), "Commissioning framework", "edit-key-1");
    const again = await save(owner, documentId, base, paras("Once"), "Commissioning framework", "edit-key-1");
    expect(again).toEqual(first);
    expect((await head(documentId)).count).toBe(2);
    expect(await saveDocumentDraft(owner, documentId, { title: "x", body: paras("stale"), baseRevisionId: base, editKey: "edit-key-1" })).toEqual({ savedAt: null });
    expect((await getEditor(owner, documentId)).draftSavedAt).toBeNull();
  });

  it("refuses a save from someone who is neither owner, co-author nor facilitator", async () => {
    const { documentId, base } = await newDocument();
    const stranger = await makeUser();
    expect((await appErrorOf(() => save(stranger, documentId, base, paras("x")))).status).toBe(404);
  });
});

describe("history", () => {
  it("pages revisions by keyset, compares any two, and restores one as a new revision", async () => {
    const { documentId } = await newDocument(paras("Version one"));
    for (let i = 2; i <= 7; i++) {
      const { head: base } = await head(documentId);
      await save(i % 2 ? owner : coauthor, documentId, base!, paras(`Version ${i}`));
    }
    const first = await getHistory(owner, documentId, { limit: "4" });
    expect(first.revisions.map((r) => r.number)).toEqual([7, 6, 5, 4]);
    const second = await getHistory(owner, documentId, { limit: "4", cursor: first.nextCursor! });
    expect(second.revisions.map((r) => r.number)).toEqual([3, 2, 1]);
    expect(second.nextCursor).toBeNull();
    expect(first.revisions[0]).toMatchObject({ authorName: "Olu Owner", wordsAdded: 1, wordsRemoved: 1 });

    const diff = await compareRevisions(coauthor, documentId, { from: "1", to: "7" });
    expect(diff.diffHtml).toContain("[removed: </span>one");
    expect(diff.diffHtml).toContain("[added: </span>7");

    const restored = await restoreRevision(coauthor, documentId, { number: "1" });
    expect(restored.number).toBe(8);
    expect((await head(documentId)).body).toBe(paras("Version one"));
    const db = await getDb();
    const [row] = await db.select().from(documentRevisions).where(eq(documentRevisions.number, 8));
    expect(row).toMatchObject({ restoredFrom: 1, authorId: coauthor.id });
  });
});

describe("status, comments and the library list", () => {
  it("puts a document out for comment with a deadline, takes a passage comment, and lists it", async () => {
    const { documentId } = await newDocument(paras("We will pay suppliers within 30 days."));
    const refused = await appErrorOf(() => setStatus(owner, documentId, { status: "out_for_comment", deadline: "soon" }));
    expect(refused.fieldErrors?.deadline?.[0]).toMatch(/date comments close/);
    await setStatus(owner, documentId, { status: "out_for_comment", deadline: "2030-01-31" });
    const missing = await appErrorOf(() => addComment(coauthor, documentId, { body: "Why?", bodyFormat: "plain", quote: "not in the text" }));
    expect(missing.fieldErrors?.quote?.[0]).toMatch(/could not find that passage/);
    await addComment(coauthor, documentId, { body: "Can we say 14 days?", bodyFormat: "plain", quote: "within 30  days" });
    const library = await getLibrary(owner, slug, {});
    expect(library.documents.find((d) => d.id === documentId)).toMatchObject({ status: "out_for_comment", commentCount: 1 });
  });
});
