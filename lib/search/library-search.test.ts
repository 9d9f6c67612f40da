import { beforeAll, describe, expect, it } from "vitest";
import { uploadFile } from "@/lib/files/upload";
import { createDocument } from "@/lib/library/documents";
import { deleteDocument } from "@/lib/library/manage";
import { hidePost } from "@/lib/moderation/content";
import type { MaybeViewer, Viewer } from "@/lib/policy";
import { createPost } from "@/lib/posts/mutations";
import { useObjectStore } from "@/lib/storage";
import { PostgresStore } from "@/lib/storage/postgres";
import { addMembership, makeCommunity, makeUser } from "@/test/support/factories";
import { fileOf, pdfWith } from "@/test/support/files";
import { postInput } from "@/test/support/posts";
import { search } from ".";

// Documents and the words inside files, searched by every kind of actor: each finds exactly
// what they may read, and no title, snippet or community name of anything else.

describe("search over documents and files never leaks", () => {
  const actors: Record<string, MaybeViewer> = {};

  beforeAll(async () => {
    useObjectStore(new PostgresStore());
    const member = await makeUser({ name: "Open member" });
    const insider = await makeUser({ name: "Private member" });
    const facilitator = await makeUser({ name: "Facilitator" });
    Object.assign(actors, { admin: await makeUser({ siteRole: "admin" }), nonMember: await makeUser(), member, insider, facilitator });
    const open = await makeCommunity({ name: "Open square" });
    const secret = await makeCommunity({ name: "Secret board", visibility: "private" });
    const restricted = await makeCommunity({ name: "Members room", visibility: "restricted" });
    for (const c of [open, secret, restricted]) await addMembership(c.id, facilitator.id, "active", "facilitator");
    await addMembership(open.id, member.id);
    await addMembership(secret.id, insider.id);
    const doc = (c: { slug: string }, title: string) => createDocument(facilitator, c.slug, { title, body: `<p>quokkadoc ${title.toLowerCase()}</p>`, bodyFormat: "html" });
    const openDoc = await doc(open, "Open plan");
    await uploadFile(facilitator, fileOf(pdfWith("quokkadoc appendix"), "Appendix.pdf"), { documentId: openDoc.documentId });
    const secretDoc = await doc(secret, "Secret plan");
    await uploadFile(facilitator, fileOf(pdfWith("quokkadoc confidential annex"), "Annex.pdf"), { documentId: secretDoc.documentId });
    await doc(restricted, "Restricted plan");
    await deleteDocument(facilitator, (await doc(open, "Deleted plan")).documentId);
    const { postId } = await createPost(facilitator, open.slug, postInput({ title: "Hidden post" }));
    await uploadFile(facilitator, fileOf(pdfWith("quokkadoc hidden slides"), "Slides.pdf"), { postId });
    await hidePost(facilitator, postId, { reason: "Off topic" });
    await uploadFile(facilitator, fileOf(pdfWith("quokkadoc unattached"), "Draft.pdf"), { community: open.slug });
  });

  const sees: Record<string, string[]> = {
    nonMember: ["Appendix.pdf", "Open plan"],
    member: ["Appendix.pdf", "Open plan"],
    insider: ["Annex.pdf", "Appendix.pdf", "Open plan", "Secret plan"],
    facilitator: ["Annex.pdf", "Appendix.pdf", "Open plan", "Restricted plan", "Secret plan", "Slides.pdf"],
    admin: ["Annex.pdf", "Appendix.pdf", "Open plan", "Restricted plan", "Secret plan", "Slides.pdf"],
  };

  for (const [actor, titles] of Object.entries(sees)) {
    it(`${actor}: documents and files found are only those they may read`, async () => {
      const result = await search(actors[actor] as Viewer, { q: "quokkadoc" });
      expect(result.documents!.items.map((d) => d.title).sort()).toEqual(titles);
      const { query: _q, ...shown } = result;
      const everything = JSON.stringify(shown);
      const secrets = { Annex: "confidential annex", Secret: "Secret board", Restricted: "Members room", Slides: "hidden slides" };
      for (const [title, words] of Object.entries(secrets)) {
        if (!titles.some((t) => t.startsWith(title))) expect(everything).not.toContain(words);
      }
      expect(everything).not.toMatch(/Deleted plan|Draft\.pdf|unattached/);
    });
  }
});
