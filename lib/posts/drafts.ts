import { and, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { loadAuthorized } from "@/lib/communities/load";
import { getDb, type Db } from "@/lib/db/client";
import { comments, drafts, postKinds, postRevisions, posts } from "@/lib/db/schema";
import { badRequest, conflict } from "@/lib/errors";
import { assertActiveViewer, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { loadAuthorizedPost } from "./load";
import { BODY_MAX_BYTES } from "./validation";

const draftSchema = z.object({
  key: z.string().regex(/^(post|comment|edit):[0-9a-f-]{36}$/, "That draft has no place to go."),
  /** The key of the form being typed in, which its submit uses: once used, the form is posted. */
  idempotencyKey: z.string().trim().min(1, "That draft has no form.").max(100),
  kind: z.enum(postKinds).optional().catch(undefined),
  title: z.string().max(1000).optional().default(""),
  body: z.string().optional().default(""),
  tags: z.string().max(1000).optional().default(""),
});

/** Checks the viewer may write where the draft is for: a draft leaks nothing and stores nothing otherwise. */
async function checkDraftPlace(viewer: Viewer, key: string) {
  const [place, id] = key.split(":") as [string, string];
  const db = await getDb();
  if (place === "post") await loadAuthorized(db, viewer, { id }, "post.create");
  else await loadAuthorizedPost(db, viewer, id, place === "edit" ? "post.edit" : "post.comment");
}

/**
 * Saving and discarding one member's draft for one place take turns, so that an autosave
 * arriving while the form is published either lands before it (and is discarded with it)
 * or sees the published form (and is refused).
 */
async function lockDraft(db: Db, userId: string, key: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`draft:${userId}:${key}`}, 0))`);
}

/** Whether the form with this key has already been posted (a post, a reply or an edit). */
async function formWasPosted(db: Db, userId: string, key: string, idempotencyKey: string): Promise<boolean> {
  const place = key.split(":")[0];
  const [row] =
    place === "post"
      ? await db.select({ id: posts.id }).from(posts).where(and(eq(posts.authorId, userId), eq(posts.idempotencyKey, idempotencyKey)))
      : place === "comment"
        ? await db.select({ id: comments.id }).from(comments).where(and(eq(comments.authorId, userId), eq(comments.idempotencyKey, idempotencyKey)))
        : await db
            .select({ id: postRevisions.id })
            .from(postRevisions)
            .where(and(eq(postRevisions.editorId, userId), eq(postRevisions.idempotencyKey, idempotencyKey)));
  return Boolean(row);
}

/**
 * Saves what the member is typing, so that nothing is lost if the page closes or a submit
 * fails. A save that arrives after its form was posted is refused: the draft stays discarded.
 */
export async function saveDraft(viewer: Viewer, input: unknown) {
  assertActiveViewer(viewer);
  const data = parseInput(draftSchema, input);
  if (Buffer.byteLength(data.body) > BODY_MAX_BYTES) throw badRequest("The draft is too long to save.");
  await checkDraftPlace(viewer, data.key);
  const db = await getDb();
  const values = { kind: data.kind ?? null, title: data.title, bodyHtml: data.body, tags: data.tags, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    await lockDraft(tx, viewer.id, data.key);
    if (await formWasPosted(tx, viewer.id, data.key, data.idempotencyKey)) throw conflict("This has been posted already, so it is not kept as a draft.");
    await tx
      .insert(drafts)
      .values({ userId: viewer.id, key: data.key, ...values })
      .onConflictDoUpdate({ target: [drafts.userId, drafts.key], set: values });
  });
  return { savedAt: values.updatedAt };
}

/** Discards the member's draft for a place, inside the transaction that publishes it. */
export async function discardDraft(tx: Db, userId: string, key: string) {
  await lockDraft(tx, userId, key);
  await tx.delete(drafts).where(and(eq(drafts.userId, userId), eq(drafts.key, key)));
}

/** The viewer's own draft for a place, if any. */
/** The body of the viewer's draft under `key`, as a column of another statement (the post page's reply form). */
export function draftBodyColumn(viewer: Viewer, key: SQL) {
  return sql<string | null>`(select ${drafts.bodyHtml} from ${drafts} where ${drafts.userId} = ${viewer.id} and ${drafts.key} = ${key})`;
}

export async function getDraft(viewer: Viewer, key: string) {
  assertActiveViewer(viewer);
  const db = await getDb();
  const [row] = await db
    .select({ kind: drafts.kind, title: drafts.title, body: drafts.bodyHtml, tags: drafts.tags, updatedAt: drafts.updatedAt })
    .from(drafts)
    .where(and(eq(drafts.userId, viewer.id), eq(drafts.key, key)));
  return row ?? null;
}
