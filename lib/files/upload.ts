import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { loadAuthorized } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import { files, type FileKind } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { badRequest } from "@/lib/errors";
import { loadAuthorizedDocument } from "@/lib/library/load";
import type { Viewer } from "@/lib/policy";
import { loadAuthorizedPost } from "@/lib/posts/load";
import { objectStore } from "@/lib/storage";
import { parseInput } from "@/lib/validation";
import { checkFileType, checkSize } from "./checks";
import { extractText } from "./extract";
import { processImage } from "./images";

// Uploading a file: to a document (its editors), to a post (its author), or, for an image
// shown in a post or document still being written, to a community (its members) until the
// post or document is saved and claims it.

const uploadSchema = z
  .object({
    kind: z.enum(["attachment", "image"]).catch("attachment"),
    documentId: z.uuid().optional().catch(undefined),
    postId: z.uuid().optional().catch(undefined),
    community: z.string().trim().max(200).optional(),
  })
  .refine((v) => v.documentId || v.postId || v.community, { message: "Say where the file goes.", path: ["form"] });

export type UploadedFile = { id: string; url: string; name: string; contentType: string; size: number; kind: FileKind; width: number | null; height: number | null };

/** Where the file goes, checked against the policy; the community it belongs to. */
async function destination(viewer: Viewer, where: z.output<typeof uploadSchema>) {
  const db = await getDb();
  if (where.documentId) {
    const { community, document } = await loadAuthorizedDocument(db, viewer, where.documentId, "document.attach");
    return { communityId: community.id, documentId: document.id, postId: null };
  }
  if (where.postId) {
    const { community, post } = await loadAuthorizedPost(db, viewer, where.postId, "post.edit");
    return { communityId: community.id, documentId: null, postId: post.id };
  }
  const { community } = await loadAuthorized(db, viewer, { slug: where.community! }, "file.upload");
  return { communityId: community.id, documentId: null, postId: null };
}

/** Checks a file on its bytes, keeps it, and records it. Images are resized and re-encoded first. */
export async function uploadFile(viewer: Viewer, file: unknown, input: unknown): Promise<UploadedFile> {
  const where = parseInput(uploadSchema, input);
  if (!(file instanceof Blob) || file.size === 0) throw badRequest("Please check the file.", { file: ["Choose a file."] });
  const maxBytes = env().FILE_MAX_MB * 1024 * 1024;
  checkSize(file.size, maxBytes);
  const place = await destination(viewer, where);
  const raw = new Uint8Array(await file.arrayBuffer());
  checkSize(raw.length, maxBytes);
  const name = "name" in file && typeof file.name === "string" ? file.name : "file";
  const checked = await checkFileType(raw, name, { imagesOnly: where.kind === "image" });
  const image = where.kind === "image" ? await processImage(raw, checked.contentType) : null;
  const bytes = image?.bytes ?? raw;
  const contentType = image?.contentType ?? checked.contentType;
  const text = image ? "" : await extractText(bytes, contentType);
  const id = randomUUID();
  const storageKey = `files/${id}`;
  const store = await objectStore();
  await store.put(storageKey, bytes, contentType);
  try {
    const db = await getDb();
    await db.insert(files).values({
      id,
      ...place,
      uploaderId: viewer.id,
      kind: where.kind,
      name: image ? renameFor(checked.name, contentType) : checked.name,
      contentType,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
      width: image?.width ?? null,
      height: image?.height ?? null,
      text,
    });
  } catch (error) {
    await store.delete(storageKey).catch(() => undefined);
    throw error;
  }
  return { id, url: `/files/${id}`, name: checked.name, contentType, size: bytes.length, kind: where.kind, width: image?.width ?? null, height: image?.height ?? null };
}

/** An image re-encoded as PNG keeps its name with the right ending. */
function renameFor(name: string, contentType: string): string {
  const ending = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" }[contentType] ?? "png";
  const stem = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : name;
  const current = name.split(".").pop()?.toLowerCase();
  return current === ending || (ending === "jpg" && current === "jpeg") ? name : `${stem}.${ending}`;
}
