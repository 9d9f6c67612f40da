import { and, desc, eq, sql } from "drizzle-orm";
import { htmlToText, plainTextToHtml, sanitizeRichText } from "@/lib/content/sanitize";
import { getDb } from "@/lib/db/client";
import { eventDocumentVersions, events, users, type EventDocument } from "@/lib/db/schema";
import { badRequest } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { linkMentions } from "@/lib/posts/mentions";
import { BODY_MAX_BYTES } from "@/lib/posts/validation";
import { parseInput } from "@/lib/validation";
import { eventPath, loadAuthorizedEvent } from "./load";
import { documentSchema } from "./validation";

// An event's agenda (before) and notes (after): rich text from the same editor and cleaner as
// posts. Every save is kept as a version, so nothing written is ever lost to a later save.

const field = { agenda: "agendaHtml", notes: "notesHtml" } as const;

/** Saves the agenda or the notes. The same submit twice saves one version. Empty text clears it. */
export async function saveEventDocument(viewer: Viewer, eventId: string, input: unknown) {
  const data = parseInput(documentSchema, input);
  if (Buffer.byteLength(data.body, "utf8") > BODY_MAX_BYTES) {
    throw badRequest("Please check the highlighted fields.", { body: ["The text is too long. Keep it under 100 KB, about 15,000 words."] });
  }
  const cleaned = sanitizeRichText(data.bodyFormat === "html" ? data.body : plainTextToHtml(data.body));
  const html = htmlToText(cleaned) ? cleaned : "";
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { event, community } = await loadAuthorizedEvent(tx, viewer, eventId, "event.write", { lock: true });
    const linked = html ? await linkMentions(tx, html, community.id) : "";
    const [version] = await tx
      .insert(eventDocumentVersions)
      .values({ eventId: event.id, document: data.document, bodyHtml: linked, editorId: viewer.id, idempotencyKey: data.idempotencyKey })
      .onConflictDoNothing({ target: [eventDocumentVersions.editorId, eventDocumentVersions.idempotencyKey] })
      .returning({ id: eventDocumentVersions.id });
    if (version) {
      await tx
        .update(events)
        .set({ [field[data.document]]: linked, updatedAt: sql`now()` })
        .where(eq(events.id, event.id));
    }
    return { eventId: event.id, slug: community.slug, path: eventPath(community.slug, event.id), document: data.document };
  });
}

/** Earlier versions of the agenda or the notes, newest first, for the organiser and the facilitators. */
export async function documentHistory(viewer: Viewer, eventId: string, document: EventDocument) {
  const db = await getDb();
  const { event, post, community } = await loadAuthorizedEvent(db, viewer, eventId, "event.organise");
  const versions = await db
    .select({ id: eventDocumentVersions.id, bodyHtml: eventDocumentVersions.bodyHtml, createdAt: eventDocumentVersions.createdAt, editorName: users.name })
    .from(eventDocumentVersions)
    .leftJoin(users, eq(users.id, eventDocumentVersions.editorId))
    .where(and(eq(eventDocumentVersions.eventId, event.id), eq(eventDocumentVersions.document, document)))
    .orderBy(desc(eventDocumentVersions.createdAt), desc(eventDocumentVersions.id))
    .limit(100);
  return {
    event: { id: event.id, title: post.title, current: event[field[document]] },
    community: { slug: community.slug, name: community.name },
    document,
    versions: versions.map((v) => ({ id: v.id, bodyHtml: v.bodyHtml, savedAt: v.createdAt, editor: v.editorName ?? "A former member" })),
  };
}
