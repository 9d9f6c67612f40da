import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { createComment } from "@/lib/posts/mutations";
import { createDocument } from "@/lib/library/documents";
import { startSession } from "@/lib/users/sessions";
import { makeEvent } from "@/test/support/events";
import { makeUser } from "@/test/support/factories";
import { communityWith, makePost } from "@/test/support/posts";
import type { Viewer } from "@/lib/policy";

// A small world for fuzzing: a facilitator's community with a member, a post, a reply, an event
// and a document, so that fuzzed requests can name real things and reach past the first check.

export type Actor = "signed out" | "member" | "facilitator";
export type World = { actors: Record<Actor, Viewer | null>; sessions: Record<string, string>; known: string[] };

/** What the session cookie gives for a signed-in viewer (readSession): their id and a live session row's id. */
export function sessionFor(world: World, viewer: Viewer | null) {
  return viewer ? { userId: viewer.id, sessionId: world.sessions[viewer.id] } : null;
}

export async function makeWorld(): Promise<World> {
  const facilitator = await makeUser({ name: "Fay Facilitator" });
  const member = await makeUser({ name: "Max Member" });
  const slug = await communityWith(facilitator, "Fuzzed practice", [member]);
  const { postId } = await makePost(member, slug);
  const { commentId } = await createComment(facilitator, postId, { body: "<p>A reply.</p>", bodyFormat: "html" });
  const { eventId } = await makeEvent(facilitator, slug);
  const { documentId } = await createDocument(facilitator, slug, { title: "A plan", body: "<p>Draft.</p>", bodyFormat: "html" });
  const sessions: Record<string, string> = {};
  for (const person of [member, facilitator]) sessions[person.id] = await startSession(person.id, { device: "Fuzzing", network: "" });
  return {
    actors: { "signed out": null, member, facilitator },
    sessions,
    known: [slug, postId, commentId, eventId, documentId, member.id, facilitator.id, "true", "false", "html", "open"],
  };
}

let countQuery: ReturnType<typeof sql> | undefined;

/** The number of rows in every table, in one statement. */
export async function rowCounts(): Promise<Record<string, number>> {
  const db = await getDb();
  if (!countQuery) {
    const tables = (await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )) as unknown as { rows: { name: string }[] };
    const parts = tables.rows.map((t) => sql`select ${t.name} as name, count(*)::int as n from ${sql.identifier(t.name)}`);
    countQuery = sql.join(parts, sql` union all `);
  }
  const rows = (await db.execute(countQuery)) as unknown as { rows: { name: string; n: number }[] };
  return Object.fromEntries(rows.rows.map((r) => [r.name, Number(r.n)]));
}

/** Tables a refused request may still write to, and why. */
export const WRITTEN_WHEN_REFUSED = new Set<string>([]);

export function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((t) => before[t] !== after[t] && !WRITTEN_WHEN_REFUSED.has(t));
}
