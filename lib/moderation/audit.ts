import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { loadAuthorized } from "@/lib/communities/load";
import { getDb, type Db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { decodeCursor, pageOf } from "@/lib/pagination";
import { authorize, can, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";

export type AuditEntry = {
  communityId: string | null;
  action: string;
  targetType: "post" | "comment" | "member" | "user" | "report" | "community" | "invitation";
  targetId: string | null;
  targetLabel: string;
  reason?: string | null;
  details?: Record<string, unknown>;
};

/** Writes one entry, inside the caller's transaction, so the log and the action agree. */
export async function recordAction(db: Db, actor: Viewer, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    ...entry,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
    actorId: actor.id,
    actorName: actor.name,
  });
}

const logSchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).catch(50),
});

async function pageOfLog(db: Db, where: ReturnType<typeof eq> | undefined, query: unknown) {
  const q = parseInput(logSchema, query);
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const rows = await db
    .select({
      id: auditLog.id,
      communityId: auditLog.communityId,
      actorName: auditLog.actorName,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      targetLabel: auditLog.targetLabel,
      reason: auditLog.reason,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      createdKey: sql<string>`${auditLog.createdAt}::text`,
      communitySlug: sql<string | null>`(select slug from communities c where c.id = ${auditLog.communityId})`,
    })
    .from(auditLog)
    .where(and(where, after ? sql`(${auditLog.createdAt}, ${auditLog.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(q.limit + 1);
  return pageOf(rows, q.limit, (r) => [r.createdKey, r.id]);
}

/** A community's moderation log, for its facilitators. */
export async function listCommunityLog(viewer: Viewer, slug: string, query: unknown) {
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "community.moderate");
  return { community: { name: community.name, slug: community.slug }, ...(await pageOfLog(db, eq(auditLog.communityId, community.id), query)) };
}

/** Whether the viewer may see the site-wide log: for the link to it. */
export function seesSiteLog(viewer: Viewer): boolean {
  return can(viewer, "site.viewLog", {});
}

/** Every moderation action on the site, for site admins. */
export async function listSiteLog(viewer: Viewer, query: unknown) {
  authorize(viewer, "site.viewLog", {});
  return pageOfLog(await getDb(), undefined, query);
}
