import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { files } from "@/lib/db/schema";
import { decide, type Viewer } from "@/lib/policy";
import { loadReadablePost } from "@/lib/posts/load";

/** A post's attachments, for whoever reads the post, and whether the viewer may attach more. */
export async function postAttachments(viewer: Viewer, postId: string) {
  const db = await getDb();
  const { post, target } = await loadReadablePost(viewer, postId);
  const rows = await db
    .select({ id: files.id, name: files.name, size: files.size, createdAt: files.createdAt })
    .from(files)
    .where(and(eq(files.postId, post.id), eq(files.kind, "attachment"), isNull(files.deletedAt)))
    .orderBy(asc(files.createdAt));
  return { files: rows, canAttach: decide(viewer, target, { attach: "post.edit" }).allowed.attach };
}
