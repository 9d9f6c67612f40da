import { and, asc, desc, sql } from "drizzle-orm";
import { z } from "zod";
import { addDays, ukDay } from "@/lib/analytics/period";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { communities } from "@/lib/db/schema";
import { decodeCursor, likePattern, pageOf } from "@/lib/pagination";
import { authorize, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";

// Every community with its health, for site admins: the largest first, or those gone quiet
// (nothing posted or replied for four weeks) longest-quiet first. Keyset pages on the
// communities' size and activity indexes; each page's figures come from the rolled-up tables.

export const QUIET_DAYS = 28;
export const communitySorts = ["size", "quiet"] as const;

const listSchema = z.object({
  q: z.string().trim().max(200, "Search for 200 characters or fewer.").optional(),
  show: z.enum(communitySorts).catch("size").default("size"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(50),
});

export async function listCommunityHealth(viewer: Viewer, query: unknown, now = new Date()) {
  authorize(viewer, "site.administer", {});
  const q = parseInput(listSchema, query);
  const db = await getDb();
  const quietSince = new Date(now.getTime() - QUIET_DAYS * 86_400_000);
  const quiet = q.show === "quiet";
  const after = decodeCursor(q.cursor, quiet ? ["string", "string"] : ["number", "string"]);
  const rows = await db
    .select({
      id: communities.id,
      slug: communities.slug,
      name: communities.name,
      visibility: communities.visibility,
      depth: communities.depth,
      memberCount: communities.memberCount,
      postCount: communities.postCount,
      lastActivityAt: communities.lastActivityAt,
      activityKey: sql<string>`${communities.lastActivityAt}::text`,
      archived: sql<boolean>`${communities.archivedAt} is not null`,
    })
    .from(communities)
    .where(
      and(
        q.q ? sql`${communities.name} ilike ${likePattern(q.q)}` : undefined,
        quiet ? sql`${communities.lastActivityAt} < ${quietSince.toISOString()}::timestamptz` : undefined,
        after && quiet ? sql`(${communities.lastActivityAt}, ${communities.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
        after && !quiet ? sql`(${communities.memberCount}, ${communities.id}) < (${after[0]}::int, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(...(quiet ? [asc(communities.lastActivityAt), asc(communities.id)] : [desc(communities.memberCount), desc(communities.id)]))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => (quiet ? [r.activityKey, r.id] : [r.memberCount, r.id]));
  const recent = await recentActivity(page.items.map((r) => r.id), addDays(ukDay(now), -(QUIET_DAYS - 1)));
  return {
    query: q,
    nextCursor: page.nextCursor,
    items: page.items.map(({ activityKey: _key, ...c }) => ({ ...c, ...(recent.get(c.id) ?? { recentPosts: 0, recentReplies: 0, recentActive: 0 }) })),
  };
}

/** Posts, replies and active members since `from`, for a page of communities. */
async function recentActivity(ids: string[], from: string) {
  const figures = new Map<string, { recentPosts: number; recentReplies: number; recentActive: number }>();
  if (ids.length === 0) return figures;
  const db = await getDb();
  const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const rows = await selectRows<{ id: string; posts: number; replies: number; active: number }>(
    db,
    sql`select c.id,
        (select coalesce(sum(d.posts), 0) from community_activity_daily d where d.community_id = c.id and d.day >= ${from}::date)::int as posts,
        (select coalesce(sum(d.replies), 0) from community_activity_daily d where d.community_id = c.id and d.day >= ${from}::date)::int as replies,
        (select count(distinct a.user_id) from member_activity a where a.community_id = c.id and a.day >= ${from}::date)::int as active
      from communities c where c.id in (${list})`,
  );
  for (const r of rows) figures.set(r.id, { recentPosts: r.posts, recentReplies: r.replies, recentActive: r.active });
  return figures;
}

export type CommunityHealthRow = Awaited<ReturnType<typeof listCommunityHealth>>["items"][number];
