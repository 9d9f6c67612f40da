import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb, type Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { communities, memberships, type CommunityRow } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { UUID_PATTERN } from "@/lib/validation";
import {
  activeMembership,
  authorize,
  can,
  type CommunityNode,
  type CommunityTarget,
  type MembershipState,
  type Action,
  type Viewer,
} from "@/lib/policy";

// Loads communities as the policy decides on them: the community, its ancestors, and one
// person's memberships in each. Every domain function that acts on a community starts here.

export type LoadedCommunity = {
  community: CommunityRow;
  target: CommunityTarget;
  /** The communities above it, the top first: its breadcrumb. */
  ancestors: { name: string; slug: string }[];
};
type Where = { slug: string } | { id: string };
/** The actions decided on a community alone. */
export type CommunityAction = Action & (`community.${string}` | "post.create" | "document.create" | "folder.create" | "file.upload");

const SLUG = /^[a-z0-9-]{1,100}$/;

// Every column but the search document, which only search reads.
const { searchVector: _searchVector, ...communityColumns } = getTableColumns(communities);

/**
 * Loads a community with its ancestors and one person's memberships in all of them, in one
 * query: the viewer's, or for a rule about someone else (an invitee), theirs. Null when there
 * is no such community.
 */
export async function loadCommunity(
  db: Db,
  person: { id: string } | null,
  where: Where,
  options: { lock?: boolean } = {},
): Promise<LoadedCommunity | null> {
  // A slug or id that cannot exist names nothing (and never reaches the database as bad text).
  if ("slug" in where ? !SLUG.test(where.slug) : !UUID_PATTERN.test(where.id)) return null;
  const match = "slug" in where ? sql`slug = ${where.slug}` : sql`id = ${where.id}`;
  const query = db
    .select({ community: communityColumns, membership: memberships })
    .from(communities)
    .leftJoin(memberships, and(eq(memberships.communityId, communities.id), person ? eq(memberships.userId, person.id) : sql`false`))
    .where(sql`${communities.id} in (select unnest(ancestor_ids || id) from communities where ${match})`)
    .orderBy(communities.depth)
    .$dynamic();
  const rows = options.lock ? await query.for("update", { of: communities }) : await query;
  return toLoaded(rows);
}

function toLoaded(rows: { community: CommunityRow; membership: MembershipState | null }[]): LoadedCommunity | null {
  const last = rows.at(-1);
  if (!last) return null;
  const chain: CommunityNode[] = rows.map(({ community: c }) => ({
    id: c.id,
    name: c.name,
    parentId: c.parentId,
    depth: c.depth,
    visibility: c.visibility,
    archivedAt: c.archivedAt,
  }));
  const memberships: CommunityTarget["memberships"] = {};
  for (const { community, membership: m } of rows) {
    if (m) memberships[community.id] = { role: m.role, status: m.status, joinedAt: m.joinedAt, bannedUntil: m.bannedUntil, inviteExpiresAt: m.inviteExpiresAt };
  }
  const ancestors = rows.slice(0, -1).map(({ community: c }) => ({ name: c.name, slug: c.slug }));
  return { community: last.community, target: { chain, memberships }, ancestors };
}

/**
 * Loads a community and checks `action` on it: a community the viewer may not see is a 404,
 * exactly as if it did not exist; otherwise the policy's refusal.
 */
export async function loadAuthorized(
  db: Db,
  viewer: Viewer,
  where: Where,
  action: CommunityAction,
  options: { lock?: boolean } = {},
): Promise<LoadedCommunity> {
  const loaded = await loadCommunity(db, viewer, where, options);
  if (!loaded) throw notFound();
  if (action === "community.leave") loaded.target.ownerCount = await countOwners(db, loaded.community.id);
  authorize(viewer, action, loaded.target);
  return loaded;
}

/** Loads a community whose content the viewer reads, named as a filter: any other is a 404. */
export async function loadReadable(db: Db, viewer: Viewer, where: Where): Promise<LoadedCommunity> {
  const loaded = await loadCommunity(db, viewer, where);
  if (!loaded || !can(viewer, "community.read", loaded.target)) throw notFound();
  return loaded;
}

export async function countOwners(db: Db, communityId: string): Promise<number> {
  const [row] = await selectRows<{ n: number }>(db, sql`select ${ownerCountColumn(communityId)} as n`);
  return row?.n ?? 0;
}

/** How many active owners a community has, as a column of another statement. */
export function ownerCountColumn(communityId: string) {
  return sql<number>`(select count(*)::int from ${memberships} where ${and(activeMembership({ communityId }), eq(memberships.role, "owner"))})`;
}

/**
 * The community a page shows, loaded once per request however many parts of the page ask
 * (outside React rendering, it simply loads). Never for use inside a transaction.
 */
const loadForRequest = cache(async (viewer: Viewer, slug: string) => loadCommunity(await getDb(), viewer, { slug }));

/** Like loadAuthorized, for reads that a page makes several of: the load is shared. */
export async function loadAuthorizedForPage(viewer: Viewer, slug: string, action: CommunityAction): Promise<LoadedCommunity> {
  const loaded = await loadForRequest(viewer, slug);
  if (!loaded) throw notFound();
  authorize(viewer, action, loaded.target);
  return loaded;
}
