import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { jsonList, jsonRow, selectJson } from "@/lib/db/json-rows";
import { communities, memberships, organisations, profiles, users } from "@/lib/db/schema";
import { decodeCursor, likePattern, pageOf } from "@/lib/pagination";
import { activeMembership, assertActiveViewer, findablePeople, readableCommunityIds, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { areasOfWork, regions, tidyName } from "./choices";
import { organisationJoin, personCardColumns, profileJoin, sees, type PersonCard } from "./columns";
import { organisationSuggestions } from "./organisations";

// The people finder: everyone the viewer may find, by name (misspellings included) and by the
// fields each person lets the viewer see. A filter on a field someone hides from the viewer
// never matches them, so a search cannot reveal what a profile does not show.

const text = (max: number) => z.string().trim().max(max, `Search for ${max} characters or fewer.`).optional().catch(undefined);
const id = z.string().uuid().optional().catch(undefined);

export const finderSchema = z.object({
  q: text(100),
  expertise: text(40),
  organisation: id,
  area: text(60),
  region: text(60),
  community: id,
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).catch(20),
});

export type FinderQuery = z.infer<typeof finderSchema>;

export async function findPeople(viewer: Viewer, input: unknown): Promise<{ items: PersonCard[]; nextCursor: string | null; query: FinderQuery }> {
  assertActiveViewer(viewer);
  const query = parseInput(finderSchema, input);
  const after = decodeCursor(query.cursor, ["string", "string"]);
  const db = await getDb();
  const name = query.q ? tidyName(query.q) : "";
  const tag = query.expertise ? tidyName(query.expertise).toLowerCase() : "";
  // First the page's ids, by the filters alone; then what the viewer may see of just those
  // people. The broad filters (expertise, area, region) are checked on the way down the name
  // index, which finds a page after a few hundred rows. An organisation or a community picks out
  // few people: their ids are gathered first from their own index. A name's matches lie bunched
  // together in name order (every "Priya …" after every "Grace …"), so a walk down the name
  // index would pass everyone before them: the sort key is then written so that the index
  // cannot serve it, and Postgres gathers the matches from the trigram index and sorts them.
  const sortKey = name ? sql`(lower(${users.name}) || '')` : sql`lower(${users.name})`;
  const few = [
    query.organisation ? sql`select ${profiles.userId} from ${profiles} where ${profiles.organisationId} = ${query.organisation}` : undefined,
    query.community
      ? sql`select ${memberships.userId} from ${memberships} where ${activeMembership({ communityId: query.community, userId: undefined })}
          and ${memberships.communityId} in ${readableCommunityIds(viewer)}`
      : undefined,
  ].filter((ids) => ids !== undefined);
  const page = db
    .select({ id: users.id, sortName: sql<string>`${sortKey}`.as("sort_name") })
    .from(users)
    .leftJoin(profiles, profileJoin)
    .where(
      and(
        findablePeople(viewer, users),
        // The plain match first: it is cheaper, and spares the similarity test for every row it finds.
        name ? sql`(${users.name} ilike ${likePattern(name)} or ${name} <% ${users.name})` : undefined,
        ...few.map((ids) => sql`${users.id} = any(array(${ids}))`),
        tag ? and(sql`exists (select 1 from profile_expertise fe where fe.user_id = ${users.id} and fe.tag = ${tag})`, sees(viewer, "expertise")) : undefined,
        query.organisation ? sees(viewer, "organisation") : undefined,
        query.area ? and(eq(profiles.areaOfWork, query.area), sees(viewer, "areaOfWork")) : undefined,
        query.region ? and(eq(profiles.region, query.region), sees(viewer, "region")) : undefined,
        after ? sql`(${sortKey}, ${users.id}) > (${after[0]}::text, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(sortKey), asc(users.id))
    .limit(query.limit + 1)
    .as("page");
  const rows = (await db
    .select(personCardColumns(viewer))
    .from(page)
    .innerJoin(users, eq(users.id, page.id))
    .leftJoin(profiles, profileJoin)
    .leftJoin(organisations, organisationJoin)
    .orderBy(asc(page.sortName), asc(page.id))) as PersonCard[];
  return { ...pageOf(rows, query.limit, (r) => [r.name.toLowerCase(), r.id]), query };
}

/** How many people each of the viewer's tags, and their area of work, put forward for "people like you". */
const CANDIDATES = 200;

/**
 * "People like you": others who share the viewer's area of work or some of their expertise,
 * judged only on what each lets the viewer see. Most shared expertise first.
 */
export async function peopleLikeYou(viewer: Viewer, limit = 5): Promise<PersonCard[]> {
  assertActiveViewer(viewer);
  const db = await getDb();
  return toPeopleLikeYou(await selectJson(db, peopleLikeYouColumn(db, viewer, limit)));
}

/** The same list as a column of another statement (the home page's own). */
export function peopleLikeYouColumn(db: Db, viewer: Viewer, limit = 5) {
  const myArea = sql`(select nullif(area_of_work, '') from profiles where user_id = ${viewer.id})`;
  const shared = sql<number>`case when ${sees(viewer, "expertise")} then (select count(*)::int from profile_expertise mine
    join profile_expertise theirs on theirs.tag = mine.tag where mine.user_id = ${viewer.id} and theirs.user_id = ${users.id}) else 0 end`;
  // Candidates come from the indexes on tags and areas, a bounded number from each, never
  // from a walk over everyone: suggestions, not a ranking of the whole site. Gathered into an
  // array first, so that each is looked up by id rather than joined against every profile.
  const candidates = sql`(select c.user_id from (
      (select theirs.user_id from profile_expertise mine cross join lateral (
        select t.user_id from profile_expertise t where t.tag = mine.tag and t.user_id <> ${viewer.id} limit ${CANDIDATES}) theirs
       where mine.user_id = ${viewer.id})
      union
      (select p.user_id from profiles p where ${myArea} is not null and p.area_of_work = ${myArea} and p.user_id <> ${viewer.id} limit ${CANDIDATES})) c)`;
  // With no area of work of their own, the area's branch is skipped outright: the planner cannot
  // know the area is missing and would walk every profile looking for it.
  // Rank the candidates on ids alone, then build the cards of just the few that are shown.
  const ranked = db
    .select({ id: users.id, shared: shared.as("shared"), sortName: sql<string>`lower(${users.name})`.as("sort_name") })
    .from(users)
    .leftJoin(profiles, profileJoin)
    .where(
      and(
        findablePeople(viewer, users),
        sql`${users.id} <> ${viewer.id} and ${users.id} = any(array${candidates})`,
        sql`(${shared} > 0 or (${sees(viewer, "areaOfWork")} and ${profiles.areaOfWork} = ${myArea}))`,
      ),
    )
    .orderBy(desc(shared), asc(sql`lower(${users.name})`), asc(users.id))
    .limit(limit)
    .as("ranked");
  return jsonList(
    db
      .select(jsonRow(personCardColumns(viewer)))
      .from(ranked)
      .innerJoin(users, eq(users.id, ranked.id))
      .leftJoin(profiles, profileJoin)
      .leftJoin(organisations, organisationJoin)
      .orderBy(desc(ranked.shared), asc(ranked.sortName), asc(ranked.id)),
  );
}

export function toPeopleLikeYou(rows: unknown[]): PersonCard[] {
  return rows as PersonCard[];
}

/** The choices beside the finder's search: organisations the viewer may know of, and their own communities. */
export async function finderChoices(viewer: Viewer) {
  assertActiveViewer(viewer);
  const db = await getDb();
  const [orgs, mine] = await Promise.all([
    organisationSuggestions(viewer),
    db
      .select({ id: communities.id, name: communities.name })
      .from(memberships)
      .innerJoin(communities, eq(communities.id, memberships.communityId))
      .where(activeMembership({ userId: viewer.id }))
      .orderBy(asc(sql`lower(${communities.name})`))
      .limit(200),
  ]);
  return { organisations: orgs, communities: mine, areasOfWork, regions };
}
