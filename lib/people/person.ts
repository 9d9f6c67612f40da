import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { comments, communities, memberships, organisations, posts, profiles, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import {
  activeMembership,
  assertActiveViewer,
  authorize,
  can,
  isActiveAccount,
  readableCommunityIds,
  visibleComments,
  visiblePosts,
  type Viewer,
} from "@/lib/policy";
import { organisationJoin, personCardColumns, profileJoin, sees } from "./columns";
import { isUuid } from "@/lib/validation";


/**
 * A person's page: the fields they let the viewer see, the communities of theirs the viewer
 * may read, their posts the viewer may read, and counts worked out under the same scope, so a
 * number never gives away a post the viewer could not open. Never their email address.
 */
export async function getPersonPage(viewer: Viewer, personId: string) {
  assertActiveViewer(viewer);
  if (!isUuid(personId)) throw notFound();
  const db = await getDb();
  const [person] = await db
    .select({
      ...personCardColumns(viewer),
      status: users.status,
      verified: sql<boolean>`(${users.emailVerified} is not null)`,
      bio: sql<string | null>`case when ${sees(viewer, "bio")} then nullif(${users.bio}, '') end`,
      contactPreference: sql<string | null>`case when ${sees(viewer, "contact")} then coalesce(${profiles.contactPreference}::text, 'communities') end`,
    })
    .from(users)
    .leftJoin(profiles, profileJoin)
    .leftJoin(organisations, organisationJoin)
    .where(eq(users.id, personId));
  if (!person) throw notFound();
  authorize(viewer, "user.view", { userId: person.id, status: person.status, verified: person.verified });

  const readable = readableCommunityIds(viewer);
  const [memberOf, recentPosts, counts] = await Promise.all([
    db
      .select({ slug: communities.slug, name: communities.name, role: memberships.role })
      .from(memberships)
      .innerJoin(communities, eq(communities.id, memberships.communityId))
      .where(and(activeMembership({ userId: personId }), sql`${communities.id} in ${readable}`))
      .orderBy(asc(sql`lower(${communities.name})`))
      .limit(100),
    db
      .select({ id: posts.id, title: posts.title, kind: posts.kind, createdAt: posts.createdAt, communitySlug: communities.slug, communityName: communities.name })
      .from(posts)
      .innerJoin(communities, eq(communities.id, posts.communityId))
      .where(and(eq(posts.authorId, personId), visiblePosts(viewer, posts)))
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(10),
    activityCounts(viewer, personId),
  ]);
  const { status, verified: _verified, ...card } = person;
  return {
    person: card,
    communities: memberOf,
    posts: recentPosts,
    counts,
    suspended: !isActiveAccount({ status }),
    canSuspend: can(viewer, "user.suspend", { userId: personId }),
  };
}

/** Posts, accepted answers and helpful marks received, counting only what the viewer may read. */
async function activityCounts(viewer: Viewer, personId: string) {
  const db = await getDb();
  const p = { communityId: sql.raw("cp.community_id"), authorId: sql.raw("cp.author_id"), status: sql.raw("cp.status"), hiddenAt: sql.raw("cp.hidden_at"), deletedAt: sql.raw("cp.deleted_at") };
  const [row] = await selectRows<{ posts: number; accepted: number; helpful: number }>(
    db,
    sql`with mine as (
        select ${posts.id} as id, ${posts.helpfulCount} as helpful from ${posts}
        where ${posts.authorId} = ${personId} and ${visiblePosts(viewer, posts)}),
      replies as (
        select ${comments.id} as id, ${comments.helpfulCount} as helpful, cp.accepted_comment_id = ${comments.id} as accepted
        from ${comments} join posts cp on cp.id = ${comments.postId}
        where ${comments.authorId} = ${personId}
          and ${visiblePosts(viewer, p as never)}
          and ${visibleComments(viewer, comments, sql.raw("cp.community_id") as never)})
      select (select count(*)::int from mine) as posts,
        (select count(*)::int from replies where accepted) as accepted,
        ((select coalesce(sum(helpful), 0) from mine) + (select coalesce(sum(helpful), 0) from replies))::int as helpful`,
  );
  return row!;
}
