import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/client";
import { communities, memberships, type CommunityRow } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import {
  assertActiveViewer,
  authorize,
  can,
  type Action,
  type CommunityNode,
  type CommunityTarget,
  type MaybeViewer,
  type MembershipState,
} from "@/lib/policy";

export type LoadedCommunity = { community: CommunityRow; target: CommunityTarget };

// Every column but the search document, which only search reads.
const { searchVector: _searchVector, ...communityColumns } = getTableColumns(communities);

/**
 * Loads a community with its ancestors and the viewer's memberships in all of them, in one
 * query, ready for a policy decision. Null when there is no such community.
 */
export async function loadCommunity(
  db: Db,
  viewer: MaybeViewer,
  where: { slug: string } | { id: string },
  options: { lock?: boolean } = {},
): Promise<LoadedCommunity | null> {
  const match =
    "slug" in where ? sql`slug = ${where.slug}` : sql`id = ${where.id}`;
  const query = db
    .select({ community: communityColumns, membership: memberships })
    .from(communities)
    .leftJoin(
      memberships,
      and(
        eq(memberships.communityId, communities.id),
        viewer ? eq(memberships.userId, viewer.id) : sql`false`,
      ),
    )
    .where(
      sql`${communities.id} in (select unnest(ancestor_ids || id) from communities where ${match})`,
    )
    .orderBy(communities.depth)
    .$dynamic();
  const rows = options.lock ? await query.for("update", { of: communities }) : await query;
  return toLoaded(rows);
}

function toLoaded(
  rows: { community: CommunityRow; membership: MembershipState | null }[],
): LoadedCommunity | null {
  const last = rows.at(-1);
  if (!last) return null;
  const chain: CommunityNode[] = rows.map(({ community }) => ({
    id: community.id,
    parentId: community.parentId,
    depth: community.depth,
    visibility: community.visibility,
    archivedAt: community.archivedAt,
  }));
  const memberships: CommunityTarget["memberships"] = {};
  for (const { community, membership } of rows) {
    if (membership) memberships[community.id] = pickMembership(membership);
  }
  return { community: last.community, target: { chain, memberships } };
}

function pickMembership(m: MembershipState): MembershipState {
  return {
    role: m.role,
    status: m.status,
    bannedUntil: m.bannedUntil,
    inviteExpiresAt: m.inviteExpiresAt,
  };
}

/**
 * Loads a community the viewer may see and checks `action` on it. A community they may not
 * see is a 404, exactly as if it did not exist.
 */
export async function loadAuthorized(
  db: Db,
  viewer: MaybeViewer,
  where: { slug: string } | { id: string },
  action: (Action & `community.${string}`) | "post.create",
  options: { lock?: boolean } = {},
): Promise<LoadedCommunity> {
  assertActiveViewer(viewer);
  const loaded = await loadCommunity(db, viewer, where, options);
  if (!loaded) throw notFound();
  if (action === "community.leave") loaded.target.ownerCount = await countOwners(db, loaded.community.id);
  authorize(viewer, action as "community.view", loaded.target);
  return loaded;
}

export async function countOwners(db: Db, communityId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.communityId, communityId),
        eq(memberships.role, "owner"),
        eq(memberships.status, "active"),
      ),
    );
  return row?.n ?? 0;
}

export { can };

/**
 * The community a page shows, loaded once per request however many parts of the page ask
 * (outside React rendering, it simply loads). Never for use inside a transaction.
 */
const loadForRequest = cache(async (viewer: MaybeViewer, slug: string) => loadCommunity(await getDb(), viewer, { slug }));

/** Like loadAuthorized, for reads that a page makes several of: the load is shared. */
export async function loadAuthorizedForPage(
  viewer: MaybeViewer,
  slug: string,
  action: (Action & `community.${string}`) | "post.create",
): Promise<LoadedCommunity> {
  assertActiveViewer(viewer);
  const loaded = await loadForRequest(viewer, slug);
  if (!loaded) throw notFound();
  authorize(viewer, action as "community.view", loaded.target);
  return loaded;
}
