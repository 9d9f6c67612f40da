import { and, asc, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { communities } from "@/lib/db/schema";
import { decodeCursor, likePattern, pageOf } from "@/lib/pagination";
import { activeMembership, assertActiveViewer, listedCommunities, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { loadReadable } from "./load";
import { selectSummaries, toSummary, type SummaryRow } from "./summaries";

export const directorySchema = z.object({
  filter: z.enum(["all", "mine"]).catch("all"),
  sort: z.enum(["activity", "size", "name"]).catch("activity"),
  parent: z.string().trim().max(200).optional().catch(undefined),
  q: z.string().trim().max(200, "Search for 200 characters or fewer.").optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(24),
});

const sorts = {
  activity: {
    order: [desc(communities.lastActivityAt), desc(communities.id)],
    after: (v: (string | number)[]) =>
      sql`(${communities.lastActivityAt}, ${communities.id}) < (${v[0]}::timestamptz, ${v[1]}::uuid)`,
    shape: ["string", "string"] as ("string" | "number")[],
    key: (r: SummaryRow) => [r.activityKey, r.id],
  },
  size: {
    order: [desc(communities.memberCount), desc(communities.id)],
    after: (v: (string | number)[]) =>
      sql`(${communities.memberCount}, ${communities.id}) < (${v[0]}::int, ${v[1]}::uuid)`,
    shape: ["number", "string"] as ("string" | "number")[],
    key: (r: SummaryRow) => [r.memberCount, r.id],
  },
  name: {
    order: [asc(sql`lower(${communities.name})`), asc(communities.id)],
    after: (v: (string | number)[]) =>
      sql`(lower(${communities.name}), ${communities.id}) > (${v[0]}::text, ${v[1]}::uuid)`,
    shape: ["string", "string"] as ("string" | "number")[],
    key: (r: SummaryRow) => [r.name.toLowerCase(), r.id],
  },
};

/**
 * The community directory: what the viewer may see, filtered, searched, sorted and paged by
 * keyset. Every count in it counts only what the viewer may see.
 */
export async function listDirectory(viewer: Viewer, query: unknown) {
  assertActiveViewer(viewer);
  const q = parseInput(directorySchema, query);
  const sort = sorts[q.sort];
  const after = decodeCursor(q.cursor, sort.shape);
  const db = await getDb();
  const parent = q.parent ? (await loadReadable(db, viewer, { slug: q.parent })).community : null;
  const conditions: (SQL | undefined)[] = [
    listedCommunities(viewer),
    q.filter === "mine" ? activeMembership() : undefined,
    parent ? eq(communities.parentId, parent.id) : undefined,
    q.q ? or(sql`${communities.name} ilike ${likePattern(q.q)}`, sql`${communities.purpose} ilike ${likePattern(q.q)}`) : undefined,
    after ? sort.after(after) : undefined,
  ];
  const rows = await selectSummaries(db, viewer)
    .where(and(...conditions))
    .orderBy(...sort.order)
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, sort.key);
  return {
    ...page,
    items: page.items.map(toSummary),
    parent: parent ? { id: parent.id, name: parent.name, slug: parent.slug } : null,
    query: q,
  };
}
