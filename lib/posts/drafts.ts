import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { loadAuthorized } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import { drafts, postKinds } from "@/lib/db/schema";
import { badRequest } from "@/lib/errors";
import { assertActiveViewer, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { loadAuthorizedPost } from "./load";
import { BODY_MAX_BYTES } from "./validation";

const draftSchema = z.object({
  key: z.string().regex(/^(post|comment|edit):[0-9a-f-]{36}$/, "That draft has no place to go."),
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

/** Saves what the member is typing, so that nothing is lost if the page closes or a submit fails. */
export async function saveDraft(viewer: Viewer, input: unknown) {
  assertActiveViewer(viewer);
  const data = parseInput(draftSchema, input);
  if (Buffer.byteLength(data.body) > BODY_MAX_BYTES) throw badRequest("The draft is too long to save.");
  await checkDraftPlace(viewer, data.key);
  const db = await getDb();
  const values = { kind: data.kind ?? null, title: data.title, bodyHtml: data.body, tags: data.tags, updatedAt: new Date() };
  await db
    .insert(drafts)
    .values({ userId: viewer.id, key: data.key, ...values })
    .onConflictDoUpdate({ target: [drafts.userId, drafts.key], set: values });
  return { savedAt: values.updatedAt };
}

/** The viewer's own draft for a place, if any. */
export async function getDraft(viewer: Viewer, key: string) {
  assertActiveViewer(viewer);
  const db = await getDb();
  const [row] = await db
    .select({ kind: drafts.kind, title: drafts.title, body: drafts.bodyHtml, tags: drafts.tags, updatedAt: drafts.updatedAt })
    .from(drafts)
    .where(and(eq(drafts.userId, viewer.id), eq(drafts.key, key)));
  return row ?? null;
}
