import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { communities, memberships, users, type Visibility } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { decodeCursor, likePattern, pageOf } from "@/lib/pagination";
import {
  assertActiveViewer,

  can,
  listedCommunities,
  readableCommunityIds,
  type MaybeViewer,
  type MemberTarget,
  type Viewer,
} from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { countOwners, loadAuthorized, loadAuthorizedForPage, loadCommunity } from "./access";

export type CommunitySummary = {
  id: string;
  slug: string;
  name: string;
  purpose: string;
  visibility: Visibility;
  memberCount: number;
  subCommunityCount: number;
  lastActivityAt: Date;
  archived: boolean;
  parent: { name: string; slug: string } | null;
  myStatus: "active" | "pending" | "invited" | "banned" | null;
};

const childTable = alias(communities, "child");

/** Columns of a community summary. Sub-communities are counted only if the viewer sees them. */
function summaryColumns(viewer: Viewer) {
  return {
    id: communities.id,
    slug: communities.slug,
    name: communities.name,
    purpose: communities.purpose,
    visibility: communities.visibility,
    memberCount: communities.memberCount,
    lastActivityAt: communities.lastActivityAt,
    activityKey: sql<string>`${communities.lastActivityAt}::text`,
    archivedAt: communities.archivedAt,
    // Subqueries rather than a join: they run only for the rows that make the page.
    parentName: sql<string | null>`(select p.name from communities p where p.id = ${communities.parentId})`,
    parentSlug: sql<string | null>`(select p.slug from communities p where p.id = ${communities.parentId})`,
    myStatus: memberships.status,
    subCommunityCount: sql<number>`(select count(*)::int from communities as child
      where ${childTable.parentId} = ${communities.id} and ${listedCommunities(viewer, childTable)})`,
  };
}

type SummaryRow = {
  id: string;
  slug: string;
  name: string;
  purpose: string;
  visibility: Visibility;
  memberCount: number;
  lastActivityAt: Date;
  archivedAt: Date | null;
  parentName: string | null;
  parentSlug: string | null;
  myStatus: CommunitySummary["myStatus"];
  subCommunityCount: number;
};

function toSummary(row: SummaryRow): CommunitySummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    purpose: row.purpose,
    visibility: row.visibility,
    memberCount: row.memberCount,
    subCommunityCount: row.subCommunityCount,
    lastActivityAt: row.lastActivityAt,
    archived: row.archivedAt !== null,
    parent: row.parentName && row.parentSlug ? { name: row.parentName, slug: row.parentSlug } : null,
    myStatus: row.myStatus,
  };
}

/** Summaries of communities, with the viewer's own membership joined. Callers add the scope. */
function selectSummaries(db: Db, viewer: Viewer) {
  return db
    .select(summaryColumns(viewer))
    .from(communities)
    .leftJoin(
      memberships,
      and(eq(memberships.communityId, communities.id), eq(memberships.userId, viewer.id)),
    )
    .$dynamic();
}

export const directorySchema = z.object({
  filter: z.enum(["all", "mine"]).catch("all"),
  sort: z.enum(["activity", "size", "name"]).catch("activity"),
  parent: z.string().trim().max(200).optional().catch(undefined),
  q: z.string().trim().max(200, "Search for 200 characters or fewer.").optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(24),
});

const sorts = {
  activity: {
    order: [desc(communities.lastActivityAt), desc(communities.id)],
    after: (v: (string | number)[]) =>
      sql`(${communities.lastActivityAt}, ${communities.id}) < (${v[0]}::timestamptz, ${v[1]}::uuid)`,
    shape: ["string", "string"] as ("string" | "number")[],
    key: (r: SummaryRow & { activityKey: string }) => [r.activityKey, r.id],
  },
  size: {
    order: [desc(communities.memberCount), desc(communities.id)],
    after: (v: (string | number)[]) =>
      sql`(${communities.memberCount}, ${communities.id}) < (${v[0]}::int, ${v[1]}::uuid)`,
    shape: ["number", "string"] as ("string" | "number")[],
    key: (r: SummaryRow) => [r.memberCount, r.id],
  },
  name: {
    order: [asc(sql`lower(${communities.name})`), asc(communities.id)],
    after: (v: (string | number)[]) =>
      sql`(lower(${communities.name}), ${communities.id}) > (${v[0]}::text, ${v[1]}::uuid)`,
    shape: ["string", "string"] as ("string" | "number")[],
    key: (r: SummaryRow) => [r.name.toLowerCase(), r.id],
  },
};

/**
 * The community directory: what the viewer may see, filtered, searched, sorted and paged by
 * keyset. Every count in it counts only what the viewer may see.
 */
export async function listDirectory(viewer: MaybeViewer, query: unknown) {
  assertActiveViewer(viewer);
  const q = parseInput(directorySchema, query);
  const sort = sorts[q.sort];
  const after = decodeCursor(q.cursor, sort.shape);
  let parent: { id: string; name: string; slug: string } | null = null;
  if (q.parent) {
    const loaded = await loadCommunity(await getDb(), viewer, { slug: q.parent });
    if (!loaded || !can(viewer, "community.read", loaded.target)) throw notFound();
    parent = { id: loaded.community.id, name: loaded.community.name, slug: loaded.community.slug };
  }
  const conditions: (SQL | undefined)[] = [
    listedCommunities(viewer),
    q.filter === "mine" ? eq(memberships.status, "active") : undefined,
    parent ? eq(communities.parentId, parent.id) : undefined,
    q.q
      ? or(
          sql`${communities.name} ilike ${likePattern(q.q)}`,
          sql`${communities.purpose} ilike ${likePattern(q.q)}`,
        )
      : undefined,
    after ? sort.after(after) : undefined,
  ];
  const db = await getDb();
  const rows = await selectSummaries(db, viewer)
    .where(and(...conditions))
    .orderBy(...sort.order)
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, sort.key as (r: (typeof rows)[number]) => (string | number)[]);
  return { ...page, items: page.items.map(toSummary), parent, query: q };
}

/** Everything the community page shows, limited to what this viewer may see and do. */
export async function getCommunityPage(viewer: MaybeViewer, slug: string) {
  const db = await getDb();
  const { community, target: shared } = await loadAuthorizedForPage(viewer, slug, "community.view");
  const target = { ...shared };
  const v = viewer!;
  const mine = target.memberships[community.id] ?? null;
  target.ownerCount = mine?.role === "owner" ? await countOwners(db, community.id) : undefined;
  const allowed = {
    read: can(v, "community.read", target),
    join: can(v, "community.join", target),
    request: can(v, "community.request", target),
    withdrawRequest: can(v, "community.withdrawRequest", target),
    acceptInvite: can(v, "community.acceptInvite", target),
    declineInvite: can(v, "community.declineInvite", target),
    leave: can(v, "community.leave", target),
    createSub: can(v, "community.createSub", target),
    edit: can(v, "community.edit", target),
    archive: can(v, "community.archive", target),
    invite: can(v, "community.invite", target),
    manageRequests: can(v, "community.manageRequests", target),
    manageMembers: can(v, "community.manageMembers", target),
    moderate: can(v, "community.moderate", target),
    viewMembers: can(v, "community.viewMembers", target),
  };
  const ancestorIds = community.ancestorIds;
  const [breadcrumb, subCommunities, facilitators, requests] = await Promise.all([
    ancestorIds.length
      ? db
          .select({ name: communities.name, slug: communities.slug })
          .from(communities)
          .where(inArray(communities.id, ancestorIds))
          .orderBy(communities.depth)
      : [],
    allowed.read
      ? selectSummaries(db, v)
          .where(and(eq(communities.parentId, community.id), listedCommunities(v)))
          .orderBy(asc(sql`lower(${communities.name})`))
          .then((rows) => rows.map(toSummary))
      : [],
    allowed.read
      ? db
          .select({ id: users.id, name: users.name, role: memberships.role, jobTitle: users.jobTitle, organisation: users.organisation })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              eq(memberships.communityId, community.id),
              eq(memberships.status, "active"),
              sql`${memberships.role} in ('owner', 'facilitator')`,
            ),
          )
          .orderBy(asc(memberships.role), asc(sql`lower(${users.name})`))
          .limit(20)
      : [],
    allowed.manageRequests
      ? db
          .select({
            userId: users.id,
            name: users.name,
            jobTitle: users.jobTitle,
            organisation: users.organisation,
            message: memberships.requestMessage,
            requestedAt: memberships.createdAt,
          })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.communityId, community.id), eq(memberships.status, "pending")))
          .orderBy(asc(memberships.createdAt))
          .limit(100)
      : [],
  ]);
  return {
    community: {
      id: community.id,
      slug: community.slug,
      name: community.name,
      purpose: community.purpose,
      visibility: community.visibility,
      memberCount: community.memberCount,
      depth: community.depth,
      archived: target.chain.some((n) => n.archivedAt !== null),
      lastActivityAt: community.lastActivityAt,
      createdAt: community.createdAt,
    },
    breadcrumb,
    myMembership: mine
      ? { role: mine.role, status: mine.status, bannedUntil: mine.bannedUntil }
      : null,
    allowed,
    subCommunities,
    facilitators,
    requests,
  };
}

export const membersSchema = z.object({
  q: z.string().trim().max(200, "Search for 200 characters or fewer.").optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(50),
});

/** A community's active members, searchable by name, organisation and job title. */
export async function listMembers(viewer: MaybeViewer, slug: string, query: unknown) {
  const q = parseInput(membersSchema, query);
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const db = await getDb();
  const { community, target } = await loadAuthorized(db, viewer, { slug }, "community.viewMembers");
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      jobTitle: users.jobTitle,
      organisation: users.organisation,
      role: memberships.role,
      status: memberships.status,
      joinedAt: memberships.joinedAt,
      bannedUntil: memberships.bannedUntil,
      inviteExpiresAt: memberships.inviteExpiresAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.communityId, community.id),
        eq(memberships.status, "active"),
        q.q
          ? or(
              sql`${users.name} ilike ${likePattern(q.q)}`,
              sql`${users.organisation} ilike ${likePattern(q.q)}`,
              sql`${users.jobTitle} ilike ${likePattern(q.q)}`,
            )
          : undefined,
        after ? sql`(lower(${users.name}), ${users.id}) > (${after[0]}::text, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.name.toLowerCase(), r.userId]);
  const manages = can(viewer, "community.manageMembers", target);
  const ownerCount = manages ? await countOwners(db, community.id) : 0;
  const items = page.items.map((row) => {
    const memberTarget: MemberTarget = { ...target, ownerCount, subject: { ...row } };
    const roleChanges = (["owner", "facilitator", "member"] as const).filter((role) =>
      manages ? can(viewer, "member.setRole", { ...memberTarget, newRole: role }) : false,
    );
    return {
      userId: row.userId,
      name: row.name,
      jobTitle: row.jobTitle,
      organisation: row.organisation,
      role: row.role,
      joinedAt: row.joinedAt,
      roleChanges,
      canRemove: manages && can(viewer, "member.remove", memberTarget),
      canBan: manages && can(viewer, "member.ban", { ...target, ownerCount, subject: { userId: row.userId, membership: row } }),
    };
  });
  return {
    community: { name: community.name, slug: community.slug, memberCount: community.memberCount },
    items,
    nextCursor: page.nextCursor,
    query: q,
  };
}

/** The signed-in home: my communities, my invitations and requests, and some to join. */
export async function getHome(viewer: MaybeViewer) {
  assertActiveViewer(viewer);
  const readable = readableCommunityIds(viewer);
  const db = await getDb();
  const [mine, invitations, requests, suggestions] = await Promise.all([
    selectSummaries(db, viewer)
        .where(and(eq(memberships.status, "active"), sql`${communities.id} in ${readable}`))
        .orderBy(desc(communities.lastActivityAt))
        .limit(100),
    selectSummaries(db, viewer)
        .where(
          and(
            eq(memberships.status, "invited"),
            sql`(${memberships.inviteExpiresAt} is null or ${memberships.inviteExpiresAt} > now())`,
            listedCommunities(viewer),
          ),
        )
        .orderBy(desc(memberships.createdAt))
        .limit(50),
    selectSummaries(db, viewer)
        .where(and(eq(memberships.status, "pending"), listedCommunities(viewer)))
        .orderBy(desc(memberships.createdAt))
        .limit(50),
    selectSummaries(db, viewer)
        .where(
          and(
            isNull(memberships.status),
            isNull(communities.archivedAt),
            sql`${communities.visibility} in ('open', 'restricted')`,
            listedCommunities(viewer),
          ),
        )
        .orderBy(desc(communities.memberCount), desc(communities.id))
        .limit(8),
  ]);
  return {
    mine: mine.map(toSummary),
    invitations: invitations.map(toSummary),
    requests: requests.map(toSummary),
    suggestions: suggestions.map(toSummary),
  };
}

