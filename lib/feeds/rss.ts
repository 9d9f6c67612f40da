import { and, desc, eq, sql } from "drizzle-orm";
import { Feed } from "feed";
import { getDb } from "@/lib/db/client";
import { communities, posts, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { isActiveViewer, listedCommunities, publicPosts, readableCommunity, visiblePosts, type Viewer } from "@/lib/policy";
import { feedOwner } from "./key";

// News feeds (RSS) of a community or a tag, for a feed reader that fetches them now and then
// with the member's private address. Every fetch asks the policy's scopes afresh as that
// member: a community they can no longer read is a 404, and a post they cannot read is not in it.

const FEED_MAX = 50;
const SUMMARY_CHARS = 600;
const TAG = /^[\p{L}\p{N} '&-]{1,40}$/u;

type Source = { community: string } | { tag: string };

async function items(viewer: Viewer, where: ReturnType<typeof and>) {
  const db = await getDb();
  return db
    .select({ id: posts.id, kind: posts.kind, title: posts.title, body: posts.bodyText, createdAt: posts.createdAt, slug: communities.slug, community: communities.name, author: users.name })
    .from(posts)
    .innerJoin(communities, eq(communities.id, posts.communityId))
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(where, publicPosts(posts), visiblePosts(viewer, posts)))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(FEED_MAX);
}

/** The RSS document for one community or one tag, as the key's owner may read it. */
export async function newsFeed(token: string, source: Source, origin: string): Promise<string> {
  const viewer = await feedOwner(token);
  if (!isActiveViewer(viewer) || !viewer.verified) throw notFound();
  const db = await getDb();
  let title: string;
  let link: string;
  let rows: Awaited<ReturnType<typeof items>>;
  if ("community" in source) {
    const [community] = await db
      .select({ id: communities.id, name: communities.name, slug: communities.slug })
      .from(communities)
      .where(and(eq(communities.slug, source.community), listedCommunities(viewer), readableCommunity(viewer)));
    if (!community) throw notFound();
    title = `${community.name} · Roundtable`;
    link = `${origin}/c/${community.slug}`;
    rows = await items(viewer, and(eq(posts.communityId, community.id)));
  } else {
    const tag = source.tag.trim().toLowerCase();
    if (!TAG.test(tag)) throw notFound();
    title = `Posts tagged “${tag}” · Roundtable`;
    link = `${origin}/search?q=${encodeURIComponent(tag)}`;
    rows = await items(viewer, and(sql`${posts.tags} @> array[${tag}]::text[]`));
  }
  const feed = new Feed({ title, id: link, link, copyright: "Shared in confidence on Roundtable: do not pass on.", language: "en-GB", updated: rows[0]?.createdAt ?? new Date(0) });
  for (const r of rows) {
    const url = `${origin}/c/${r.slug}/${r.kind === "event" ? "events" : "posts"}/${r.id}`;
    const summary = r.body.length > SUMMARY_CHARS ? `${r.body.slice(0, SUMMARY_CHARS)}…` : r.body;
    feed.addItem({ title: r.title, id: url, link: url, description: summary, date: r.createdAt, author: r.author ? [{ name: r.author }] : undefined, category: [{ name: r.community }] });
  }
  return feed.rss2();
}
