import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "@/lib/library/documents";
import type { Viewer } from "@/lib/policy";
import { objectStore, useObjectStore, type ObjectStore } from "@/lib/storage";
import { PostgresStore } from "@/lib/storage/postgres";
import { appErrorOf } from "@/test/support/errors";
import { addMembership, makeCommunity, makeUser } from "@/test/support/factories";
import { docxWith, fileOf, pdfWith, pngOf } from "@/test/support/files";
import { startS3 } from "@/test/support/s3";
import { contentDisposition } from "@/lib/http/content-disposition";
import { cleanFileName } from "./checks";
import { openFile } from "./download";
import { uploadFile } from "./upload";

let s3: Awaited<ReturnType<typeof startS3>>;
let editor: Viewer;
let stranger: Viewer;
let documentId = "";

beforeAll(async () => {
  s3 = await startS3();
  editor = await makeUser({ name: "Eda Editor" });
  stranger = await makeUser({ name: "Stan Stranger" });
  const community = await makeCommunity({ visibility: "private" });
  await addMembership(community.id, editor.id);
  ({ documentId } = await createDocument(editor, community.slug, { title: "Files", body: "<p>x</p>", bodyFormat: "html" }));
});

afterAll(async () => {
  useObjectStore(null);
  await s3?.stop();
});

const stores: [string, () => ObjectStore][] = [
  ["Postgres chunks (the default)", () => new PostgresStore()],
  ["S3 through a real local S3-compatible server (s3rver)", () => s3.store],
];

describe.each(stores)("storage: %s", (_name, make) => {
  it("keeps, returns and deletes bytes, including ones larger than a chunk", async () => {
    const store = make();
    const bytes = new Uint8Array(600 * 1024).map((_, i) => i % 251);
    await store.put("test/big", bytes, "application/octet-stream");
    expect(Buffer.from((await store.get("test/big"))!.bytes).equals(Buffer.from(bytes))).toBe(true);
    await store.delete("test/big");
    expect(await store.get("test/big")).toBeNull();
    expect(await store.get("test/never")).toBeNull();
  });

  it("uploads to a document and downloads only for those who read it", async () => {
    useObjectStore(make());
    const pdf = await uploadFile(editor, fileOf(pdfWith("Quarterly quokka figures"), "Figures.pdf", "application/pdf"), { documentId });
    const download = await openFile(editor, pdf.id);
    expect(Buffer.from(download.body).equals(Buffer.from(pdfWith("Quarterly quokka figures")))).toBe(true);
    expect(download).toMatchObject({ name: "Figures.pdf", contentType: "application/pdf", inline: false });
    expect((await appErrorOf(() => openFile(stranger, pdf.id))).status).toBe(404);
    expect((await appErrorOf(() => openFile(stranger, "00000000-0000-4000-8000-000000000000"))).status).toBe(404);
    expect((await objectStore()).name).toBe(make().name);
  });
});

describe("files are judged on their bytes", () => {
  beforeAll(() => useObjectStore(new PostgresStore()));

  it("refuses a file over the size limit", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    const refused = await appErrorOf(() => uploadFile(editor, fileOf(big, "big.txt", "text/plain"), { documentId }));
    expect(refused.status).toBe(413);
    expect(refused.fieldErrors?.file?.[0]).toMatch(/up to 10 MB/);
  });

  it("refuses a wrong type behind a right extension", async () => {
    const png = await appErrorOf(async () => uploadFile(editor, fileOf(await pngOf(10, 10), "minutes.pdf", "application/pdf"), { documentId }));
    expect(png.fieldErrors?.file?.[0]).toMatch(/called “minutes.pdf” but it is a PNG image/);
    const program = await appErrorOf(() => uploadFile(editor, fileOf(new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]), "report.pdf"), { documentId }));
    expect(program.status).toBe(400);
  });

  it("refuses web pages and SVG pictures, and serves script-laden text only as inert plain text", async () => {
    const script = `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`;
    expect((await appErrorOf(() => uploadFile(editor, fileOf(script, "chart.svg", "image/svg+xml"), { documentId }))).fieldErrors?.file?.[0]).toMatch(/carry scripts/);
    expect((await appErrorOf(() => uploadFile(editor, fileOf("<script>alert(1)</script>", "page.html", "text/html"), { documentId }))).fieldErrors?.file?.[0]).toMatch(/carry scripts/);
    expect((await appErrorOf(() => uploadFile(editor, fileOf(script, "chart.svg"), { documentId, kind: "image" }))).status).toBe(400);
    const disguised = await uploadFile(editor, fileOf("<script>alert(1)</script>", "notes.txt", "text/html"), { documentId });
    expect(disguised.contentType).toBe("text/plain");
    expect((await openFile(editor, disguised.id)).inline).toBe(false);
  });

  it("cleans path-traversal and odd names", async () => {
    const uploaded = await uploadFile(editor, fileOf("hello", "../../etc/passwd.txt"), { documentId });
    expect(uploaded.name).toBe("passwd.txt");
    expect(cleanFileName("..\\..\\windows\\win.ini")).toBe("win.ini");
    expect(cleanFileName("...hidden.txt")).toBe("hidden.txt");
    expect(cleanFileName("a\u0000b<>:|?.txt")).toBe("ab.txt");
    expect(cleanFileName("../..")).toBe("file");
    expect(contentDisposition("attachment", "Réunion \"x\".pdf")).toBe(`attachment; filename="R_union _x_.pdf"; filename*=UTF-8''R%C3%A9union%20%22x%22.pdf`);
  });

  it("resizes images and re-encodes them, and extracts the words of PDF and Word files", async () => {
    const image = await uploadFile(editor, fileOf(await pngOf(3200, 1000), "wide.png", "image/png"), { documentId, kind: "image" });
    expect([image.width, image.height]).toEqual([1600, 500]);
    expect((await openFile(editor, image.id)).inline).toBe(true);
    const { extractText } = await import("./extract");
    expect(await extractText(pdfWith("Quarterly quokka figures"), "application/pdf")).toContain("Quarterly quokka figures");
    expect(await extractText(await docxWith("Social value weighting"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBe("Social value weighting");
    const word = await uploadFile(editor, fileOf(await docxWith("Social value weighting"), "Policy.docx"), { documentId });
    expect(word.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  });
});
