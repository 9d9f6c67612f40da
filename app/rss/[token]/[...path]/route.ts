import { notFound } from "@/lib/errors";
import { newsFeed } from "@/lib/feeds/rss";
import { publicFileRoute } from "@/lib/http/file-route";
import { siteOrigin } from "@/lib/http/site-url";

/**
 * A member's news feed, at /rss/<key>/c/<community> or /rss/<key>/tags/<tag>: the key in the
 * address is the only credential; the policy is asked as its owner on every fetch.
 */
export const GET = publicFileRoute<{ token: string; path: string[] }>(async (_request, { token, path }) => {
  const [kind, name, ...rest] = path;
  if (!name || rest.length > 0 || (kind !== "c" && kind !== "tags")) throw notFound();
  const body = await newsFeed(token, kind === "c" ? { community: name } : { tag: name }, siteOrigin());
  return { body, contentType: "application/rss+xml; charset=utf-8" };
});
