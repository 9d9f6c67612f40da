import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { communities, memberships, publicProfileColumns, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { viewerColumns } from "./account";
import { activeMembership, assertActiveViewer, authorize, can, isActiveAccount, readableCommunityIds, type Viewer } from "@/lib/policy";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A member's profile: name, job title, organisation and bio, and only those of their
 * communities whose members the viewer may see too. Never their email address.
 */
export async function getProfile(viewer: Viewer, userId: string) {
  assertActiveViewer(viewer);
  if (!UUID.test(userId)) throw notFound();
  const db = await getDb();
  const [person] = await db
    .select({ ...publicProfileColumns, bio: users.bio, status: users.status, verified: viewerColumns.verified })
    .from(users)
    .where(eq(users.id, userId));
  if (!person) throw notFound();
  authorize(viewer, "user.view", { userId: person.id, status: person.status, verified: person.verified });
  const shared = await db
    .select({ slug: communities.slug, name: communities.name, role: memberships.role })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(
      and(
        activeMembership({ userId }),
        sql`${communities.id} in ${readableCommunityIds(viewer)}`,
      ),
    )
    .orderBy(asc(sql`lower(${communities.name})`))
    .limit(100);
  return {
    person: { id: person.id, name: person.name, jobTitle: person.jobTitle, organisation: person.organisation, bio: person.bio },
    communities: shared,
    suspended: !isActiveAccount(person),
    canSuspend: can(viewer, "user.suspend", { userId: person.id }),
  };
}
