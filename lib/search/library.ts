import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { documents, files } from "@/lib/db/schema";
import { visibleDocuments, visibleFiles, type Viewer } from "@/lib/policy";
import { HEADLINE_OPTIONS, snippetHtml } from "./snippet";

// Documents, and the words inside files attached to documents and posts, through the same
// permission scopes as everything else: the scope is part of the SQL, nothing is filtered later.

export type LibraryHit = {
  kind: "document" | "file";
  id: string;
  title: string;
  communitySlug: string;
  communityName: string;
  /** Where a file hit leads: its document or post. */
  href: string;
  /** For a file: the document or post it is attached to. */
  parentTitle: string | null;
  snippet: string;
  changedAt: Date;
};

type Row = {
  kind: "document" | "file";
  id: string;
  title: string;
  community_slug: string;
  community_name: string;
  document_id: string | null;
  post_id: string | null;
  parent_title: string | null;
  headline: string | null;
  changed_at: Date | string;
};

/** The best matching documents and files, at most `limit`. */
export async function searchLibrary(db: Db, viewer: Viewer, text: string, communityId: string | null, limit = 20): Promise<LibraryHit[]> {
  const query = sql`websearch_to_tsquery('english', ${text})`;
  // A query of stop words only is empty and matches nothing: nothing is read.
  const hasWords = sql`numnode(${query}) > 0`;
  const within = (column: SQL) =>
    communityId ? sql`${column} in (select id from communities where id = ${communityId} or ${communityId} = any(ancestor_ids))` : sql`true`;
  const rows = await selectRows<Row>(
    db,
    sql`select * from (
        select 'document' as kind, d.id, d.title, c.slug as community_slug, c.name as community_name, d.id as document_id, null::uuid as post_id,
          null as parent_title, ts_headline('english', d.body_text, ${query}, ${HEADLINE_OPTIONS}) as headline, d.updated_at as changed_at,
          ts_rank_cd(d.search_vector, ${query}, 32) as rank
        from ${documents} d join communities c on c.id = d.community_id
        where ${hasWords} and d.search_vector @@ ${query} and ${visibleDocuments(viewer, { communityId: sql.raw("d.community_id"), deletedAt: sql.raw("d.deleted_at") } as never)} and ${within(sql.raw("d.community_id"))}
        union all
        select 'file', f.id, f.name, c.slug, c.name, f.document_id, f.post_id, coalesce(fd.title, fp.title),
          ts_headline('english', f.text, ${query}, ${HEADLINE_OPTIONS}), f.created_at, ts_rank_cd(f.search_vector, ${query}, 32) * 0.8
        from ${files} f
          left join documents fd on fd.id = f.document_id
          left join posts fp on fp.id = f.post_id
          join communities c on c.id = coalesce(fd.community_id, fp.community_id)
        where ${hasWords} and f.search_vector @@ ${query} and (f.document_id is not null or f.post_id is not null)
          and ${visibleFiles(viewer, { documentId: sql.raw("f.document_id"), postId: sql.raw("f.post_id"), uploaderId: sql.raw("f.uploader_id"), deletedAt: sql.raw("f.deleted_at") } as never)}
          and ${within(sql.raw("c.id"))}
      ) hits
      order by rank desc, changed_at desc, id desc
      limit ${limit}`,
  );
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    title: r.title,
    communitySlug: r.community_slug,
    communityName: r.community_name,
    href: r.document_id ? `/c/${r.community_slug}/library/${r.document_id}` : `/c/${r.community_slug}/posts/${r.post_id}`,
    parentTitle: r.kind === "file" ? r.parent_title : null,
    snippet: snippetHtml(r.headline),
    changedAt: new Date(r.changed_at),
  }));
}
