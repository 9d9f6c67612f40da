import { cache } from "react";
import type { Viewer } from "@/lib/auth/request-viewer";
import { getPostPage } from "@/lib/posts/thread";

/**
 * The post page's data, loaded once per request and shared by the page and its metadata. Keyed
 * by what getPostPage reads from the query (the cursor and the page size), so both ask alike.
 */
export const loadPostPage = cache((viewer: Viewer, slug: string, id: string, cursor?: string, limit?: string) =>
  getPostPage(viewer, slug, id, { cursor, limit }, { page: true }),
);
