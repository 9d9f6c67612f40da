import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { users, type Visibility } from "@/lib/db/schema";
import { likePattern } from "@/lib/pagination";
import { findablePeople, listedCommunities, type Viewer } from "@/lib/policy";
import { nameLineColumns, shownOrganisation } from "@/lib/people/columns";

export type CommunityHit = { slug: string; name: string; purpose: string; visibility: Visibility; memberCount: number };
export type PersonHit = { id: string; name: string; jobTitle: string; organisation: string };

/**
 * Communities the viewer may know of whose name or purpose match the words, or whose name is
 * close to what was typed, misspellings included (trigram similarity above pg_trgm's threshold,
 * the same test that finds them). Best first: the better of the words' rank and the name's
 * closeness. The best `limit` by each measure are chosen apart, each through its own index, and
 * only those are ranked together: a common word is in the purpose of thousands of communities,
 * and measuring every one of their names against what was typed was most of the page's SQL.
 */
export async function searchCommunities(db: Db, viewer: Viewer, text: string, limit = 8): Promise<CommunityHit[]> {
  const words = sql`websearch_to_tsquery('english', ${text})`;
  const byName = sql`(${text} <% name or name ilike ${likePattern(text)})`;
  const rows = await selectRows<CommunityHit & { member_count: number }>(
    db,
    sql`select slug, name, purpose, visibility, member_count
      from communities
      where id in (
        (select id from communities where search_vector @@ ${words} and ${listedCommunities(viewer)}
          order by ts_rank(search_vector, ${words}) desc, member_count desc limit ${limit})
        union
        (select id from communities where ${byName} and ${listedCommunities(viewer)}
          order by word_similarity(${text}, name) desc, member_count desc limit ${limit}))
      order by greatest(case when search_vector @@ ${words} then ts_rank(search_vector, ${words}) else 0 end,
          case when ${byName} then word_similarity(${text}, name) else 0 end) desc, member_count desc
      limit ${limit}`,
  );
  return rows.map((r) => ({ slug: r.slug, name: r.name, purpose: r.purpose, visibility: r.visibility, memberCount: r.member_count }));
}

/**
 * Members of Roundtable by name or organisation, misspellings included. Only what a profile
 * shows: name, job title, organisation. Never email addresses.
 */
export async function searchPeople(db: Db, viewer: Viewer, text: string, limit = 8): Promise<PersonHit[]> {
  return db
    .select(nameLineColumns(viewer))
    .from(users)
    .where(
      // What the viewer sees of the organisation matches only if the column itself does: saying so
      // changes no result, and lets the trigram indexes on name and organisation find the people
      // instead of a scan of everyone.
      sql`${findablePeople(viewer, users)} and (${text} <% ${users.name} or ${users.name} ilike ${likePattern(text)}
        or (${users.organisation} ilike ${likePattern(text)} and ${shownOrganisation(viewer)} ilike ${likePattern(text)}))`,
    )
    .orderBy(sql`greatest(word_similarity(${text}, ${users.name}), similarity(${text}, ${shownOrganisation(viewer)})) desc`, sql`lower(${users.name})`)
    .limit(limit);
}
