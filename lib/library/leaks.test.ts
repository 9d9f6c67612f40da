import { beforeAll, describe, expect, it } from "vitest";
import { removeMember } from "@/lib/communities/members";
import { createCommunity } from "@/lib/communities/mutations";
import { getDb } from "@/lib/db/client";
import { openFile } from "@/lib/files/download";
import { uploadFile } from "@/lib/files/upload";
import { hidePost } from "@/lib/moderation/content";
import type { Viewer } from "@/lib/policy";
import { createPost, editPost } from "@/lib/posts/mutations";
import { search } from "@/lib/search";
import { useObjectStore } from "@/lib/storage";
import { PostgresStore } from "@/lib/storage/postgres";
import { appErrorOf } from "@/test/support/errors";
import { addMembership, makeUser } from "@/test/support/factories";
import { fileOf, pdfWith, pngOf } from "@/test/support/files";
import { postInput } from "@/test/support/posts";
import { sql } from "drizzle-orm";
import { createDocument } from "./documents";
import { compareRevisions, getHistory, getRevision, restoreRevision } from "./history";
import { addComment, moveDocument } from "./manage";
import { getDocumentPage, getEditor } from "./page";
import { saveDocument } from "./save";

// What a document, its history, differences, comments and files show, to someone who has
// just lost the right to see them: every way in is a 404, and search finds none of it.

const communityId = async (slug: string) => {
  const db = await getDb();
  const { rows } = (await db.execute(sql`select id from communities where slug = ${slug}`)) as unknown as { rows: { id: string }[] };
  return rows[0]!.id;
};

/** Every way to reach a document and what hangs off it, each expected to be a 404. */
async function everyWayIn(viewer: Viewer, documentId: string, fileId: string) {
  const calls: [string, () => Promise<unknown>][] = [
    ["page", () => getDocumentPage(viewer, documentId)],
    ["editor", () => getEditor(viewer, documentId)],
    ["history", () => getHistory(viewer, documentId, {})],
    ["difference", () => compareRevisions(viewer, documentId, { from: "1", to: "2" })],
    ["revision", () => getRevision(viewer, documentId, 1)],
    ["restore", () => restoreRevision(viewer, documentId, { number: "1" })],
    ["comment", () => addComment(viewer, documentId, { body: "hello", bodyFormat: "plain" })],
    ["save", () => saveDocument(viewer, documentId, { title: "t", body: "<p>x</p>", bodyFormat: "html", baseRevisionId: "00000000-0000-4000-8000-000000000000" })],
    ["download", () => openFile(viewer, fileId)],
  ];
  const statuses: Record<string, number> = {};
  for (const [name, call] of calls) statuses[name] = (await appErrorOf(call)).status;
  return statuses;
}
/** Everything a search shows, but the words searched for. */
async function searchLeaks(viewer: Viewer, q: string) {
  const { query: _query, ...shown } = await search(viewer, { q });
  return JSON.stringify(shown);
}

const allNotFound = { page: 404, editor: 404, history: 404, difference: 404, revision: 404, restore: 404, comment: 404, save: 404, download: 404 };

let facilitator: Viewer;
let coauthor: Viewer;

beforeAll(async () => {
  useObjectStore(new PostgresStore());
  facilitator = await makeUser({ name: "Fay Facilitator" });
  coauthor = await makeUser({ name: "Cleo Coauthor" });
});

async function documentIn(slug: string, word: string) {
  const { documentId } = await createDocument(facilitator, slug, { title: `Strategy ${word}`, body: `<p>${word} first</p>`, bodyFormat: "html" });
  const editor = await getEditor(facilitator, documentId);
  await saveDocument(facilitator, documentId, { title: `Strategy ${word}`, body: `<p>${word} second</p>`, bodyFormat: "html", baseRevisionId: editor.baseRevisionId });
  await addComment(facilitator, documentId, { body: `${word} comment`, bodyFormat: "plain" });
  const file = await uploadFile(facilitator, fileOf(pdfWith(`${word} attachment`), "Notes.pdf"), { documentId });
  return { documentId, fileId: file.id };
}

describe("a member removed a moment ago", () => {
  it("loses the document, its history, differences, comments and files at once, and search finds none of it", async () => {
    const { slug } = await createCommunity(facilitator, { name: "Five of us", visibility: "private" });
    await addMembership(await communityId(slug), coauthor.id);
    const { documentId, fileId } = await documentIn(slug, "zebrafinch");
    expect((await getDocumentPage(coauthor, documentId)).document.title).toBe("Strategy zebrafinch");
    expect((await openFile(coauthor, fileId)).name).toBe("Notes.pdf");
    expect((await search(coauthor, { q: "zebrafinch" })).documents?.items.length).toBeGreaterThan(0);

    await removeMember(facilitator, slug, { userId: coauthor.id });
    expect(await everyWayIn(coauthor, documentId, fileId)).toEqual(allNotFound);
    expect(await searchLeaks(coauthor, "zebrafinch")).not.toMatch(/zebrafinch|Five of us/i);
  });
});

describe("a document moved between communities", () => {
  it("is read by the new community's readers and by no one left behind", async () => {
    const { slug: from } = await createCommunity(facilitator, { name: "Old home", visibility: "private" });
    const { slug: to } = await createCommunity(facilitator, { name: "New home", visibility: "private" });
    const oldMember = await makeUser({ name: "Left behind" });
    const newMember = await makeUser({ name: "New reader" });
    await addMembership(await communityId(from), oldMember.id);
    await addMembership(await communityId(to), newMember.id);
    const { documentId, fileId } = await documentIn(from, "kestrelword");
    expect((await getHistory(oldMember, documentId, {})).revisions).toHaveLength(2);
    expect((await appErrorOf(() => getDocumentPage(newMember, documentId))).status).toBe(404);

    await moveDocument(facilitator, documentId, { destination: to });
    expect(await everyWayIn(oldMember, documentId, fileId)).toEqual(allNotFound);
    expect(await searchLeaks(oldMember, "kestrelword")).not.toMatch(/kestrelword|Old home/i);
    const page = await getDocumentPage(newMember, documentId);
    expect(page.community.slug).toBe(to);
    expect(page.comments.map((c) => c.bodyHtml)).toEqual(["<p>kestrelword comment</p>"]);
    expect((await compareRevisions(newMember, documentId, {})).diffHtml).toContain("second");
    expect((await openFile(newMember, fileId)).name).toBe("Notes.pdf");
    expect((await search(newMember, { q: "kestrelword" })).documents?.items.map((d) => d.title)).toContain("Strategy kestrelword");
  });

  it("moves only for a facilitator of both communities", async () => {
    const { slug: from } = await createCommunity(facilitator, { name: "Mine", visibility: "private" });
    const stranger = await makeUser();
    const { slug: theirs } = await createCommunity(stranger, { name: "Theirs", visibility: "private" });
    const { documentId } = await documentIn(from, "movedword");
    expect((await appErrorOf(() => moveDocument(facilitator, documentId, { destination: theirs }))).status).toBe(403);
    expect((await appErrorOf(() => moveDocument(stranger, documentId, { destination: theirs }))).status).toBe(404);
  });
});

describe("files on posts and images not yet in anything", () => {
  it("a post's attachment follows the post; an unattached upload is its uploader's alone; an image shown in a post is claimed by it", async () => {
    const author = await makeUser({ name: "Pat Poster" });
    const reader = await makeUser({ name: "Rae Reader" });
    const { slug } = await createCommunity(facilitator, { name: "Open forum", visibility: "open" });
    await addMembership(await communityId(slug), author.id);
    const { postId } = await createPost(author, slug, postInput({ title: "With a file" }));
    const attached = await uploadFile(author, fileOf(pdfWith("post attachment"), "Slides.pdf"), { postId });
    expect((await openFile(reader, attached.id)).name).toBe("Slides.pdf");
    expect((await appErrorOf(() => uploadFile(reader, fileOf(pdfWith("x"), "x.pdf"), { postId }))).status).toBe(403);

    const image = await uploadFile(author, fileOf(await pngOf(20, 20), "chart.png"), { community: slug, kind: "image" });
    expect((await appErrorOf(() => openFile(reader, image.id))).status).toBe(404);
    expect((await openFile(author, image.id)).inline).toBe(true);
    await editPost(author, postId, postInput({ title: "With a file", body: `<p>See</p><img src="/files/${image.id}" alt="Bar chart of void days">` }));
    expect((await openFile(reader, image.id)).inline).toBe(true);

    await hidePost(facilitator, postId, { reason: "Off topic" });
    expect((await appErrorOf(() => openFile(reader, attached.id))).status).toBe(404);
    expect((await appErrorOf(() => openFile(reader, image.id))).status).toBe(404);
    expect((await openFile(author, attached.id)).name).toBe("Slides.pdf");
  });
});
