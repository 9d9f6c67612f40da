import { sql } from "drizzle-orm";
import { files } from "@/lib/db/schema";

type Attachment = { id: string; name: string; size: number; createdAt: Date };

/**
 * A post's attachments as a column of another statement (the post page's): for whoever reads
 * the post, so the caller must have loaded the post for the viewer first.
 */
export function attachmentsColumn(postId: string) {
  return sql<{ id: string; name: string; size: number; createdAt: string }[]>`(select coalesce(json_agg(json_build_object('id', ${files.id}, 'name', ${files.name},
      'size', ${files.size}, 'createdAt', ${files.createdAt}) order by ${files.createdAt}), '[]'::json)
    from ${files} where ${files.postId} = ${postId} and ${files.kind} = 'attachment' and ${files.deletedAt} is null)`;
}

/** The attachments read by attachmentsColumn, with their dates as dates. */
export function toAttachments(rows: { id: string; name: string; size: number; createdAt: string }[]): Attachment[] {
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}
