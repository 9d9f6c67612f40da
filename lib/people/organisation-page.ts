import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { profiles, users } from "@/lib/db/schema";
import { findablePeople, readableCommunityIds, type Viewer } from "@/lib/policy";
import { sees } from "./columns";
import { findPeople } from "./finder";
import { getOrganisation } from "./organisations";

/**
 * An organisation's page: its people who show the viewer where they work, and the communities
 * the viewer may read where those people are members, with how many of them. Someone who hides
 * their organisation from the viewer is in neither list nor any count.
 */
export async function getOrganisationPage(viewer: Viewer, id: string, query: { cursor?: string }) {
  const organisation = await getOrganisation(viewer, id);
  const db = await getDb();
  const [people, active] = await Promise.all([
    findPeople(viewer, { organisation: organisation.id, cursor: query.cursor }),
    selectRows<{ slug: string; name: string; people: number }>(
      db,
      sql`select c.slug, c.name, count(*)::int as people
        from ${users} join ${profiles} on ${profiles.userId} = ${users.id}
        join memberships m on m.user_id = ${users.id} and m.status = 'active'
        join communities c on c.id = m.community_id
        where ${profiles.organisationId} = ${organisation.id} and ${findablePeople(viewer, users)} and ${sees(viewer, "organisation")}
          and c.id in ${readableCommunityIds(viewer)}
        group by c.id, c.slug, c.name
        order by count(*) desc, lower(c.name)
        limit 30`,
    ),
  ]);
  return { organisation, people, communities: active };
}

