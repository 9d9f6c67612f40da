import { cache } from "react";
import type { Viewer } from "@/lib/auth/request-viewer";
import { getPostPage } from "@/lib/posts/thread";

/**
 * The post page's data, loaded once per request and shared by the page and its metadata. Keyed
 * by what getPostPage reads from the query (the page asked for and its size), so both ask alike.
 */
export const loadPostPage = cache((viewer: Viewer, slug: string, id: string, cursor?: string, before?: string, reply?: string, limit?: string) =>
  getPostPage(viewer, slug, id, { cursor, before, reply, limit }, { page: true }),
);

/**
 * The reply whose page the address asks for: `reply`, or the reply an action link is about
 * (editing, reporting, moderating, answering it), so that the page opened holds that reply.
 * A cursor wins: the reader is paging.
 */
export function askedReply(query: Record<string, string>): string | undefined {
  if (query.cursor || query.before) return undefined;
  return query.reply ?? query.edit ?? query.report ?? query.moderate ?? query.replyTo;
}
