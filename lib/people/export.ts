import { and, asc, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { hasState } from "@/lib/db/literals";
import { loadAuthorized } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import { dataExports, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import type { SentFile } from "@/lib/http/file-route";
import { assertActiveViewer, authorize, type Viewer } from "@/lib/policy";
import { objectStore } from "@/lib/storage";
import { viewerColumns } from "@/lib/users/account";
import { isUuid } from "@/lib/validation";
import { exportArchive } from "./export-archive";
import { collectCommunityExport, exportableCommunity } from "./export-community";
import { collectMemberExport } from "./export-member";

// Downloads made by a job: a member's own (everything they wrote and their settings), and a
// facilitator's export of their community. Asking for one records a job; the job runs right
// after the response (or in the scheduled run), reports its progress, and stores the zip
// privately. Only its owner may download it, and it expires after a week. One runner serves
// both kinds; what goes in each is gathered in export-member.ts and export-community.ts.

const KEEP_DAYS = 7;

/** Whose export: a member's own (community null), or of one community. */
const ofKind = (ownerId: string, communityId: string | null) =>
  and(eq(dataExports.ownerId, ownerId), communityId ? eq(dataExports.communityId, communityId) : isNull(dataExports.communityId));

/** Records a new export, unless one of the same kind is already waiting or running. Returns its id. */
async function queueExport(ownerId: string, communityId: string | null): Promise<{ id: string; created: boolean }> {
  const db = await getDb();
  const [waiting] = await db
    .select({ id: dataExports.id })
    .from(dataExports)
    .where(and(ofKind(ownerId, communityId), inArray(dataExports.status, ["queued", "running"])));
  if (waiting) return { id: waiting.id, created: false };
  const [row] = await db
    .insert(dataExports)
    .values({ ownerId, communityId, expiresAt: new Date(Date.now() + KEEP_DAYS * 86_400_000) })
    .returning({ id: dataExports.id });
  return { id: row!.id, created: true };
}

/** Exports of one kind that have not expired, newest first, with their progress. */
async function listOfKind(ownerId: string, communityId: string | null) {
  const db = await getDb();
  return db
    .select({ id: dataExports.id, status: dataExports.status, progress: dataExports.progress, size: dataExports.size, createdAt: dataExports.createdAt, expiresAt: dataExports.expiresAt })
    .from(dataExports)
    .where(and(ofKind(ownerId, communityId), sql`${dataExports.expiresAt} > now()`))
    .orderBy(desc(dataExports.createdAt))
    .limit(5);
}

/** A member asks for their own export. */
export async function requestExport(viewer: Viewer): Promise<{ id: string; created: boolean }> {
  assertActiveViewer(viewer);
  return queueExport(viewer.id, null);
}

/** The member's own exports. */
export async function listExports(viewer: Viewer) {
  assertActiveViewer(viewer);
  return listOfKind(viewer.id, null);
}

/** A facilitator (or site admin) asks for an export of the community. */
export async function requestCommunityExport(viewer: Viewer, slug: string): Promise<{ id: string; created: boolean }> {
  const { community } = await loadAuthorized(await getDb(), viewer, { slug }, "community.export");
  return queueExport(viewer.id, community.id);
}

/** The exports of the community this viewer asked for (others' are theirs alone). */
export async function listCommunityExports(viewer: Viewer, slug: string) {
  const { community } = await loadAuthorized(await getDb(), viewer, { slug }, "community.export");
  return listOfKind(viewer.id, community.id);
}

/** The zip, for its owner only: anyone else, and any expired or unfinished export, is a 404. */
export async function openExport(viewer: Viewer, id: string): Promise<SentFile> {
  assertActiveViewer(viewer);
  if (!isUuid(id)) throw notFound();
  const db = await getDb();
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, id));
  if (!row) throw notFound();
  authorize(viewer, "export.download", { ownerId: row.ownerId });
  if (row.status !== "ready" || !row.storageKey || row.expiresAt <= new Date()) throw notFound();
  // A community's export, only while its owner may still export that community.
  const community = row.communityId ? await exportableCommunity(viewer, row.communityId) : null;
  const stored = await (await objectStore()).get(row.storageKey);
  if (!stored) throw notFound();
  return { body: stored.bytes, contentType: "application/zip", name: `roundtable-export-${community ? `${community.slug}-` : ""}${row.createdAt.toISOString().slice(0, 10)}.zip` };
}

/** Runs one export job of either kind: claims it, gathers, zips and stores it. A job another run claimed is left alone. */
export async function runExport(id: string): Promise<void> {
  const db = await getDb();
  const [claimed] = await db
    .update(dataExports)
    .set({ status: "running", progress: 5 })
    .where(and(eq(dataExports.id, id), hasState(dataExports.status, "queued")))
    .returning({ ownerId: dataExports.ownerId, communityId: dataExports.communityId });
  if (!claimed) return;
  const step = async (progress: number) => void (await db.update(dataExports).set({ progress }).where(eq(dataExports.id, id)));
  try {
    const [owner] = await db.select(viewerColumns).from(users).where(eq(users.id, claimed.ownerId));
    const content = claimed.communityId ? await collectCommunityExport(owner!, claimed.communityId, step) : await collectMemberExport(owner!, step);
    const zip = await exportArchive(content);
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
  const waiting = await db.select({ id: dataExports.id }).from(dataExports).where(hasState(dataExports.status, "queued")).orderBy(asc(dataExports.createdAt)).limit(limit);
  for (const job of waiting) await runExport(job.id);
  const expired = await db.delete(dataExports).where(lte(dataExports.expiresAt, new Date())).returning({ storageKey: dataExports.storageKey });
  const store = await objectStore();
  for (const row of expired) if (row.storageKey) await store.delete(row.storageKey);
  return { ran: waiting.length, expired: expired.length };
}
