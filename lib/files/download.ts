import { and, eq, getTableColumns, isNull } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { files, type FileRow } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { loadDocument } from "@/lib/library/load";
import { authorize, type FileTarget, type Viewer } from "@/lib/policy";
import { loadPost } from "@/lib/posts/load";
import { objectStore } from "@/lib/storage";
import { IMAGE_TYPES } from "./checks";
import { isUuid } from "@/lib/validation";

// Downloads go through the app: the policy is asked on every request, with the file's parent
// as it is now (a member removed a moment ago, or a document moved, is refused at once).

const { searchVector: _search, ...fileColumns } = getTableColumns(files);

/** A file with what it is attached to, as the policy decides on it. */
export async function loadFileTarget(db: Db, viewer: Viewer, fileId: string): Promise<{ file: FileRow; target: FileTarget } | null> {
  if (!isUuid(fileId)) return null;
  const [file] = await db.select(fileColumns).from(files).where(and(eq(files.id, fileId), isNull(files.deletedAt)));
  if (!file) return null;
  let on: FileTarget["on"] = null;
  if (file.documentId) {
    const loaded = await loadDocument(db, viewer, file.documentId);
    if (!loaded) return null;
    on = { document: loaded.target };
  } else if (file.postId) {
    const loaded = await loadPost(db, viewer, file.postId);
    if (!loaded) return null;
    on = { post: loaded.target };
  }
  return { file, target: { file: { uploaderId: file.uploaderId }, on } };
}

export type Download = {
  body: Uint8Array;
  name: string;
  contentType: string;
  etag: string;
  /** Only images we re-encoded ourselves are shown in the page; everything else is downloaded. */
  inline: boolean;
};

/** The file's bytes, for a viewer who may read what it is attached to; anyone else gets a 404. */
export async function openFile(viewer: Viewer, fileId: string): Promise<Download> {
  const db = await getDb();
  const loaded = await loadFileTarget(db, viewer, fileId);
  if (!loaded) throw notFound("We could not find that file.");
  authorize(viewer, "file.download", loaded.target);
  const { file } = loaded;
  const stored = await (await objectStore()).get(file.storageKey);
  if (!stored) throw notFound("We could not find that file.");
  const inline = file.kind === "image" && IMAGE_TYPES.includes(file.contentType);
  return { body: stored.bytes, name: file.name, contentType: file.contentType.startsWith("text/") ? `${file.contentType}; charset=utf-8` : file.contentType, etag: `"${file.sha256}"`, inline };
}
