import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { comments, communities, dataExports, memberships, posts, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import type { SentFile } from "@/lib/http/file-route";
import { activeMembership, assertActiveViewer, authorize, visibleComments, visiblePosts, type Viewer } from "@/lib/policy";
import { objectStore } from "@/lib/storage";
import { viewerColumns } from "@/lib/users/account";
import { exportArchive, type ExportData } from "./export-archive";
import { getProfileSettings } from "./profile";

// A member's download of everything they wrote and their settings. Asking for one records a
// job; the job runs right after the response (or in the scheduled run), reports its progress,
// and stores the zip privately. Only its owner may download it, and it expires after a week.

const KEEP_DAYS = 7;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Records a new export, unless one is already waiting or running. Returns its id. */
export async function requestExport(viewer: Viewer): Promise<{ id: string; created: boolean }> {
  assertActiveViewer(viewer);
  const db = await getDb();
  const [waiting] = await db
    .select({ id: dataExports.id })
    .from(dataExports)
    .where(and(eq(dataExports.ownerId, viewer.id), inArray(dataExports.status, ["queued", "running"])));
  if (waiting) return { id: waiting.id, created: false };
  const [row] = await db
    .insert(dataExports)
    .values({ ownerId: viewer.id, expiresAt: new Date(Date.now() + KEEP_DAYS * 86_400_000) })
    .returning({ id: dataExports.id });
  return { id: row!.id, created: true };
}

/** The member's exports that have not expired, newest first, with their progress. */
export async function listExports(viewer: Viewer) {
  assertActiveViewer(viewer);
  const db = await getDb();
  return db
    .select({ id: dataExports.id, status: dataExports.status, progress: dataExports.progress, size: dataExports.size, createdAt: dataExports.createdAt, expiresAt: dataExports.expiresAt })
    .from(dataExports)
    .where(and(eq(dataExports.ownerId, viewer.id), sql`${dataExports.expiresAt} > now()`))
    .orderBy(desc(dataExports.createdAt))
    .limit(5);
}

/** The zip, for its owner only: anyone else, and any expired or unfinished export, is a 404. */
export async function openExport(viewer: Viewer, id: string): Promise<SentFile> {
  assertActiveViewer(viewer);
  if (!UUID.test(id)) throw notFound();
  const db = await getDb();
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, id));
  if (!row) throw notFound();
  authorize(viewer, "export.download", { ownerId: row.ownerId });
  if (row.status !== "ready" || !row.storageKey || row.expiresAt <= new Date()) throw notFound();
  const stored = await (await objectStore()).get(row.storageKey);
  if (!stored) throw notFound();
  return { body: stored.bytes, contentType: "application/zip", name: `roundtable-export-${row.createdAt.toISOString().slice(0, 10)}.zip` };
}

/**
 * What the member wrote, from communities they are still an active member of and may still
 * read: nothing from a community they left or that shut them out.
 */
async function collect(owner: Viewer, step: (progress: number) => Promise<void>): Promise<ExportData> {
  const db = await getDb();
  const settings = await getProfileSettings(owner);
  await step(20);
  const mine = sql`${posts.communityId} in (select community_id from ${memberships} where ${activeMembership({ userId: owner.id })})`;
  const [joined, written, replies] = await Promise.all([
    db
      .select({ name: communities.name, role: memberships.role })
      .from(memberships)
      .innerJoin(communities, eq(communities.id, memberships.communityId))
      .where(activeMembership({ userId: owner.id }))
      .orderBy(asc(communities.name)),
    db
      .select({ id: posts.id, community: communities.name, kind: posts.kind, title: posts.title, body: posts.bodyText, tags: posts.tags, createdAt: posts.createdAt })
      .from(posts)
      .innerJoin(communities, eq(communities.id, posts.communityId))
      .where(and(eq(posts.authorId, owner.id), visiblePosts(owner, posts), mine))
      .orderBy(asc(posts.createdAt), asc(posts.id)),
    db
      .select({ id: comments.id, community: communities.name, postTitle: posts.title, body: comments.bodyText, createdAt: comments.createdAt })
      .from(comments)
      .innerJoin(posts, eq(posts.id, comments.postId))
      .innerJoin(communities, eq(communities.id, posts.communityId))
      .where(and(eq(comments.authorId, owner.id), visiblePosts(owner, posts), visibleComments(owner, comments, posts.communityId), mine))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
  ]);
  await step(60);
  const { email, name, visibility, hasPhoto: _photo, ...profile } = settings;
  return {
    exportedAt: new Date().toISOString(),
    profile: { name, email, ...profile, whoSees: visibility },
    communities: joined,
    posts: written.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
    replies: replies.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
}

/** Runs one export job: claims it, gathers, zips and stores it. A job another run claimed is left alone. */
export async function runExport(id: string): Promise<void> {
  const db = await getDb();
  const [claimed] = await db
    .update(dataExports)
    .set({ status: "running", progress: 5 })
    .where(and(eq(dataExports.id, id), eq(dataExports.status, "queued")))
    .returning({ ownerId: dataExports.ownerId });
  if (!claimed) return;
  const step = async (progress: number) => void (await db.update(dataExports).set({ progress }).where(eq(dataExports.id, id)));
  try {
    const [owner] = await db.select(viewerColumns).from(users).where(eq(users.id, claimed.ownerId));
    const data = await collect(owner!, step);
    const zip = await exportArchive(data);
    await step(90);
    const storageKey = `exports/${id}.zip`;
    await (await objectStore()).put(storageKey, zip, "application/zip");
    await db.update(dataExports).set({ status: "ready", progress: 100, storageKey, size: zip.length, finishedAt: new Date() }).where(eq(dataExports.id, id));
  } catch (error) {
    console.error("Export failed", error);
    await db.update(dataExports).set({ status: "failed", error: "The export could not be made. Ask for another." }).where(eq(dataExports.id, id));
  }
}

/** The scheduled step: runs waiting exports (oldest first, a few at a time) and deletes expired ones. */
export async function runExportWork(limit = 5): Promise<{ ran: number; expired: number }> {
  const db = await getDb();
  const waiting = await db.select({ id: dataExports.id }).from(dataExports).where(eq(dataExports.status, "queued")).orderBy(asc(dataExports.createdAt)).limit(limit);
  for (const job of waiting) await runExport(job.id);
  const expired = await db.delete(dataExports).where(lte(dataExports.expiresAt, new Date())).returning({ storageKey: dataExports.storageKey });
  const store = await objectStore();
  for (const row of expired) if (row.storageKey) await store.delete(row.storageKey);
  return { ran: waiting.length, expired: expired.length };
}
