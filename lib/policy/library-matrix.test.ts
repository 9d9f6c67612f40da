import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { communities, documents, files, memberships } from "@/lib/db/schema";
import { loadFileTarget } from "@/lib/files/download";
import { createDocument } from "@/lib/library/documents";
import { loadDocument } from "@/lib/library/load";
import { deleteDocument, setCoauthor } from "@/lib/library/manage";
import { addMembership, makeActors, makeCommunity } from "@/test/support/factories";
import { refusalLetter } from "@/test/support/refusals";
import { can, refusal, visibleDocuments, visibleFiles, type MaybeViewer, type Viewer } from ".";

// The library policy as a table. Each column is a document, with a file attached to it, in:
//   O  an open community     R  a restricted one     P  a private one
//   A  an archived open one  D  an open one, the document deleted
// Actors: anonymous, suspended (member, suspended), admin (no memberships), nonMember, member,
// owner (a member who started the document), coauthor (a member the owner chose), facilitator,
// banned (in the community), removed (a co-author whose membership was removed a moment ago).

const columns = ["O", "R", "P", "A", "D"] as const;
type Column = (typeof columns)[number];
const actors = ["anonymous", "suspended", "admin", "nonMember", "member", "owner", "coauthor", "facilitator", "banned", "removed"] as const;
type Actor = (typeof actors)[number];
type Table = Record<Actor, string>;
const none = ".....";
const fill = (rows: Partial<Table>): Table => ({ ...(Object.fromEntries(actors.map((a) => [a, none])) as Table), ...rows });

const readers = { admin: "YYYY.", nonMember: "Y..Y.", member: "YYYY.", owner: "YYYY.", coauthor: "YYYY.", facilitator: "YYYY.", removed: "Y..Y." };
const editors = { admin: "YYY..", owner: "YYY..", coauthor: "YYY..", facilitator: "YYY.." };

const expected: Record<string, Table> = {
  //                     O R P A D
  "document.read": fill(readers),
  "file.download": fill(readers),
  "document.edit": fill(editors),
  "document.restore": fill(editors),
  "document.setStatus": fill(editors),
  "document.attach": fill(editors),
  "document.chooseCoauthors": fill({ admin: "YYY..", owner: "YYY..", facilitator: "YYY.." }),
  "document.delete": fill({ admin: "YYY..", owner: "YYY..", facilitator: "YYY.." }),
  "document.comment": fill({ member: "YYY..", owner: "YYY..", coauthor: "YYY..", facilitator: "YYY.." }),
};

// Why an edit is refused, in each cell. . allowed  s signed out  x suspended  ? not found (404)
// A archived  E only the owner, co-authors and facilitators
const editRefusals: Table = {
  anonymous: "sssss",
  suspended: "xxxxx",
  admin: "...A?",
  nonMember: "E??A?",
  member: "EEEA?",
  owner: "...A?",
  coauthor: "...A?",
  facilitator: "...A?",
  banned: "?????",
  removed: "E??A?",
};
const editReason = refusalLetter({
  "Please sign in first.": "s",
  "Your account is suspended.": "x",
  "We could not find that page.": "?",
  "This community is archived, so its library cannot change.": "A",
  "Only the document's owner, its co-authors and the community's facilitators can change it.": "E",
});

const viewers = new Map<Actor, MaybeViewer>();
const documentIds = new Map<Column, string>();
const fileIds = new Map<Column, string>();

beforeAll(async () => {
  for (const [name, viewer] of await makeActors(actors)) viewers.set(name, viewer);
  const v = (a: Actor) => viewers.get(a) as Viewer;
  const db = await getDb();
  const visibility: Record<Column, "open" | "restricted" | "private"> = { O: "open", R: "restricted", P: "private", A: "open", D: "open" };
  for (const column of columns) {
    const community = await makeCommunity({ visibility: visibility[column] });
    for (const a of ["suspended", "member", "owner", "coauthor", "removed"] as const) await addMembership(community.id, v(a).id);
    await addMembership(community.id, v("facilitator").id, "active", "facilitator");
    await addMembership(community.id, v("banned").id, "banned");
    const { documentId } = await createDocument(v("owner"), community.slug, { title: `Document ${column}`, body: "<p>Text</p>", bodyFormat: "html" });
    await setCoauthor(v("owner"), documentId, { userId: v("coauthor").id });
    await setCoauthor(v("owner"), documentId, { userId: v("removed").id });
    const [file] = await db
      .insert(files)
      .values({ communityId: community.id, uploaderId: v("owner").id, documentId, kind: "attachment", name: "a.pdf", contentType: "application/pdf", size: 1, sha256: "x", storageKey: `files/${column}` })
      .returning({ id: files.id });
    documentIds.set(column, documentId);
    fileIds.set(column, file!.id);
    await db.delete(memberships).where(and(eq(memberships.communityId, community.id), eq(memberships.userId, v("removed").id)));
    if (column === "A") await db.update(communities).set({ archivedAt: new Date() }).where(eq(communities.id, community.id));
    if (column === "D") await deleteDocument(v("owner"), documentId);
  }
});

async function documentTarget(actor: Actor, column: Column) {
  const db = await getDb();
  return (await loadDocument(db, (viewers.get(actor) ?? { id: "00000000-0000-4000-8000-000000000000" }) as Viewer, documentIds.get(column)!))!.target;
}

async function fileTarget(actor: Actor, column: Column) {
  const db = await getDb();
  return (await loadFileTarget(db, (viewers.get(actor) ?? { id: "00000000-0000-4000-8000-000000000000" }) as Viewer, fileIds.get(column)!))!.target;
}

describe("library policy matrix", () => {
  for (const [action, table] of Object.entries(expected)) {
    it(`${action} for every actor on every kind of document`, async () => {
      const actual: Partial<Table> = {};
      for (const actor of actors) {
        let row = "";
        for (const column of columns) {
          const target = action === "file.download" ? await fileTarget(actor, column) : await documentTarget(actor, column);
          row += can(viewers.get(actor)!, action as "document.read", target as never) ? "Y" : ".";
        }
        actual[actor] = row;
      }
      expect(actual).toEqual(table);
    });
  }

  it("tells each actor the true reason a document is not theirs to edit, in every cell", async () => {
    const actual: Partial<Table> = {};
    for (const actor of actors) {
      let row = "";
      for (const column of columns) row += editReason(refusal(viewers.get(actor)!, "document.edit", await documentTarget(actor, column)));
      actual[actor] = row;
    }
    expect(actual).toEqual(editRefusals);
  });

  it("the SQL scopes for documents and files agree with document.read and file.download in every cell", async () => {
    const db = await getDb();
    const docs: Partial<Table> = {};
    const downloads: Partial<Table> = {};
    for (const actor of actors) {
      const viewer = viewers.get(actor)!;
      const seenDocs = new Set((await db.select({ id: documents.id }).from(documents).where(visibleDocuments(viewer, documents))).map((r) => r.id));
      const seenFiles = new Set((await db.select({ id: files.id }).from(files).where(sql`${visibleFiles(viewer, files)}`)).map((r) => r.id));
      docs[actor] = columns.map((c) => (seenDocs.has(documentIds.get(c)!) ? "Y" : ".")).join("");
      downloads[actor] = columns.map((c) => (seenFiles.has(fileIds.get(c)!) ? "Y" : ".")).join("");
    }
    expect(docs).toEqual(expected["document.read"]);
    expect(downloads).toEqual(expected["file.download"]);
  });
});
