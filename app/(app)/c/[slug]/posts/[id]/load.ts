import { cache } from "react";
import type { Viewer } from "@/lib/auth/request-viewer";
import { myReportsOn } from "@/lib/moderation/reports";
import { getPostPage } from "@/lib/posts/thread";

type Thread = Awaited<ReturnType<typeof getPostPage>>;

/**
 * The post page's data, loaded once per request and shared by the page and its metadata. Keyed
 * by what getPostPage reads from the query (the cursor and the page size), so both ask alike.
 */
export const loadPostPage = cache((viewer: Viewer, slug: string, id: string, cursor?: string, limit?: string) =>
  getPostPage(viewer, slug, id, { cursor, limit }),
);

/** The viewer's reports on a thread's post and its shown replies: one query for the whole page. */
export const loadMyReports = cache((viewer: Viewer, thread: Thread) =>
  myReportsOn(viewer, thread.post.id, thread.comments.map((c) => c.id)),
);
