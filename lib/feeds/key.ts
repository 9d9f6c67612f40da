import { createHmac, timingSafeEqual } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { communities, memberships, newsFeedKeys, users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { activeMembership, assertActiveViewer, type Viewer } from "@/lib/policy";
import { viewerColumns } from "@/lib/users/account";
import { isUuid } from "@/lib/validation";

// Each member's key for their news feeds (RSS): one private address per community and per tag,
// all carrying the key. Only the key's id is stored; the address adds a signature made with the
// site's secret, so it can be shown to its owner on any page and cannot be guessed. A new key
// stops every earlier address.

const sign = (id: string) => createHmac("sha256", env().authSecret).update(`news-feed:${id}`).digest("base64url").slice(0, 32);

/** The token in a feed address: the key's id and its signature. */
const tokenOf = (id: string) => `${id}.${sign(id)}`;

/** The member's current key as the token their feed addresses carry, or null if they have none. */
export async function newsFeedToken(viewer: Viewer): Promise<string | null> {
  assertActiveViewer(viewer);
  const db = await getDb();
  const [row] = await db.select({ id: newsFeedKeys.id }).from(newsFeedKeys).where(eq(newsFeedKeys.userId, viewer.id));
  return row ? tokenOf(row.id) : null;
}

/** Makes a new key, replacing any earlier one, whose addresses stop working at once. */
export async function resetNewsFeedKey(viewer: Viewer): Promise<string> {
  assertActiveViewer(viewer);
  const db = await getDb();
  const [row] = await db
    .insert(newsFeedKeys)
    .values({ userId: viewer.id })
    .onConflictDoUpdate({ target: newsFeedKeys.userId, set: { id: sql`gen_random_uuid()`, createdAt: sql`now()` } })
    .returning({ id: newsFeedKeys.id });
  return tokenOf(row!.id);
}

/** Turns the member's news feeds off: every address stops working. */
export async function stopNewsFeeds(viewer: Viewer): Promise<void> {
  assertActiveViewer(viewer);
  const db = await getDb();
  await db.delete(newsFeedKeys).where(eq(newsFeedKeys.userId, viewer.id));
}

/** The member a feed token belongs to, as a Viewer; any bad, old or forged token is a 404. */
export async function feedOwner(token: string): Promise<Viewer> {
  const [id, mac] = token.split(".");
  if (!id || !mac || !isUuid(id)) throw notFound();
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw notFound();
  const db = await getDb();
  const [owner] = await db.select(viewerColumns).from(newsFeedKeys).innerJoin(users, eq(users.id, newsFeedKeys.userId)).where(eq(newsFeedKeys.id, id));
  if (!owner) throw notFound();
  return owner;
}

/** The member's feed addresses: one for each of their communities, and the pattern for a tag. Null with no key. */
export async function newsFeedAddresses(viewer: Viewer, origin: string) {
  const token = await newsFeedToken(viewer);
  if (!token) return null;
  const db = await getDb();
  const mine = await db
    .select({ name: communities.name, slug: communities.slug })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(activeMembership({ userId: viewer.id }))
    .orderBy(asc(sql`lower(${communities.name})`))
    .limit(50);
  return { communities: mine.map((c) => ({ name: c.name, url: `${origin}/rss/${token}/c/${c.slug}` })), tagPattern: `${origin}/rss/${token}/tags/` };
}
