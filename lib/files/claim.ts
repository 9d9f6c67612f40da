import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { files } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";

// Images are uploaded while a post or document is being written, before it is saved. Saving
// it claims the images it shows: from then on they are read by whoever reads it.

const FILE_URL = /\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;

/** The ids of our own files that some clean HTML links to or shows. */
export function fileIdsIn(html: string): string[] {
  return [...new Set([...html.matchAll(FILE_URL)].map((m) => m[1]!.toLowerCase()))];
}

/**
 * Attaches to the post or document the viewer's own unattached uploads from the same community
 * that its HTML shows. Anyone else's file, or one already attached elsewhere, is left alone: it
 * stays readable only where it belongs.
 */
export async function claimEmbeddedImages(db: Db, viewer: Viewer, html: string, where: { communityId: string; documentId?: string; postId?: string }) {
  const ids = fileIdsIn(html);
  if (ids.length === 0) return;
  await db
    .update(files)
    .set({ documentId: where.documentId ?? null, postId: where.postId ?? null })
    .where(
      and(
        inArray(files.id, ids),
        eq(files.uploaderId, viewer.id),
        eq(files.communityId, where.communityId),
        isNull(files.documentId),
        isNull(files.postId),
      ),
    );
}
