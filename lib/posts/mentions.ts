import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { loadAuthorized, loadCommunity } from "@/lib/communities/load";
import { mentionedIds, resolveMentions } from "@/lib/content/sanitize";
import { getDb, type Db } from "@/lib/db/client";
import { memberships, users } from "@/lib/db/schema";
import { likePattern } from "@/lib/pagination";
import { activeMembership, can, type Viewer } from "@/lib/policy";
import { loadAccount } from "@/lib/users/account";
import { isUuid, parseInput } from "@/lib/validation";
import { nameLineColumns } from "@/lib/people/columns";

const MAX_MENTIONS = 20;

/**
 * Links the mentions of people who can read the community's posts; the rest stay plain text.
 * Runs inside the caller's transaction, on its connection.
 */
export async function linkMentions(db: Db, html: string, communityId: string): Promise<string> {
  const ids = mentionedIds(html).filter(isUuid).slice(0, MAX_MENTIONS);
  const allowed = new Set<string>();
  for (const id of ids) {
    // Asked of the mentioned person's own account: could they read this community?
    const person = await loadAccount(id, db);
    const loaded = person && (await loadCommunity(db, person, { id: communityId }));
    if (loaded && can(person, "community.read", loaded.target)) allowed.add(id);
  }
  return resolveMentions(html, allowed);
}

const suggestSchema = z.object({ q: z.string().trim().max(100).optional().default("") });

/** Members of the community whose names start with what was typed after "@". */
export async function suggestMentions(viewer: Viewer, slug: string, query: unknown) {
  const { q } = parseInput(suggestSchema, query);
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "community.read");
  const rows = await db
    .select(nameLineColumns(viewer))
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        activeMembership({ communityId: community.id }),
        q ? sql`(${users.name} ilike ${likePattern(q).slice(1)} or ${users.name} ilike ${"% " + likePattern(q).slice(1)})` : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${users.name})`))
    .limit(8);
  return { people: rows };
}
