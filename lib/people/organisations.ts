import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { organisations, profiles, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { assertActiveViewer, findablePeople, visibleProfileField, type Viewer } from "@/lib/policy";
import { organisationKey, tidyName } from "./choices";

type Tx = Pick<Db, "insert" | "select">;

/** A condition on organisations: at least one findable person there shows the viewer where they work. */
function shownToViewer(viewer: Viewer) {
  return sql`exists (select 1 from ${profiles} join ${users} on ${users.id} = ${profiles.userId}
    where ${profiles.organisationId} = ${organisations.id} and ${findablePeople(viewer, users)}
      and ${visibleProfileField(viewer, profiles.organisationVisibility, profiles.userId)})`;
}

/**
 * The organisation a member typed, as one row however it was spelt: an existing one whose key
 * matches, or a new one under the name as typed (tidied). Null for an empty name.
 */
export async function resolveOrganisation(tx: Tx, typed: string): Promise<{ id: string; name: string } | null> {
  const key = organisationKey(typed);
  if (!key) return null;
  await tx.insert(organisations).values({ name: tidyName(typed), key }).onConflictDoNothing({ target: organisations.key });
  const [row] = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.key, key));
  return row!;
}

/**
 * Organisations the viewer may know of: each has at least one findable person who shows the
 * viewer their organisation. Closest to what was typed first (misspellings included), else by name.
 */
export async function organisationSuggestions(viewer: Viewer, typed = "", limit = 200) {
  assertActiveViewer(viewer);
  const db = await getDb();
  const text = tidyName(typed);
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        text ? sql`(${text} <% ${organisations.name} or ${organisations.key} like ${organisationKey(text) + "%"})` : undefined,
        shownToViewer(viewer),
      ),
    )
    .orderBy(text ? sql`word_similarity(${text}, ${organisations.name}) desc` : asc(sql`lower(${organisations.name})`), asc(organisations.id))
    .limit(limit);
}

/** The organisation as the viewer may know it: 404 unless at least one of its people shows it to them. */
export async function getOrganisation(viewer: Viewer, id: string) {
  assertActiveViewer(viewer);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const db = await getDb();
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, id),
        shownToViewer(viewer),
      ),
    );
  if (!org) throw notFound();
  return org;
}
