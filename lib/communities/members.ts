import { and, asc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { memberships, membershipRoles, publicProfileColumns, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/events";
import { decodeCursor, likePattern, pageOf } from "@/lib/pagination";
import { activeMembership, authorize, can, pendingRequest, type PersonTarget, type Viewer } from "@/lib/policy";
import { recordAction } from "@/lib/moderation/audit";
import { parseInput } from "@/lib/validation";
import { countOwners, loadAuthorized } from "./load";
import { endMembership } from "./membership";

// A community's members as its facilitators look after them: the list, requests to join,
// roles and removal. (A person's own joining and leaving is in membership.ts.)

export const membersSchema = z.object({
  q: z.string().trim().max(200, "Search for 200 characters or fewer.").optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(50),
});

/** A community's active members, searchable by name, organisation and job title, with what the viewer may do to each. */
export async function listMembers(viewer: Viewer, slug: string, query: unknown) {
  const q = parseInput(membersSchema, query);
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const db = await getDb();
  const { community, target } = await loadAuthorized(db, viewer, { slug }, "community.viewMembers");
  const rows = await db
    .select({
      ...publicProfileColumns,
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
        activeMembership({ communityId: community.id }),
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
  const page = pageOf(rows, q.limit, (r) => [r.name.toLowerCase(), r.id]);
  const manages = can(viewer, "community.manageMembers", target);
  const ownerCount = manages ? await countOwners(db, community.id) : 0;
  const items = page.items.map(({ id, name, jobTitle, organisation, role, joinedAt, ...membership }) => {
    const person: PersonTarget = { ...target, ownerCount, subject: { userId: id, membership: { role, joinedAt, ...membership } } };
    return {
      userId: id,
      name,
      jobTitle,
      organisation,
      role,
      joinedAt,
      roleChanges: manages ? membershipRoles.filter((newRole) => can(viewer, "member.setRole", { ...person, newRole })) : [],
      canRemove: manages && can(viewer, "member.remove", person),
      canBan: manages && can(viewer, "member.ban", person),
    };
  });
  return {
    community: { name: community.name, slug: community.slug, memberCount: community.memberCount },
    items,
    nextCursor: page.nextCursor,
    query: q,
  };
}

const personSchema = z.object({ userId: z.uuid("Choose a person.") });

/** Approves a request to join. The requester is told (in the app, and by email unless they chose otherwise). */
export async function approveRequest(viewer: Viewer, slug: string, input: unknown) {
  const { userId } = parseInput(personSchema, input);
  const db = await getDb();
  const community = await db.transaction(async (tx) => {
    // Locked first, as leaving and banning lock it, so that they cannot deadlock with this.
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.manageRequests", { lock: true });
    const [row] = await tx
      .update(memberships)
      .set({ status: "active", joinedAt: new Date(), updatedAt: new Date() })
      .where(pendingRequest({ communityId: community.id, userId }))
      .returning({ userId: memberships.userId });
    if (!row) throw notFound("That request has already been answered or withdrawn.");
    await notify(tx, { type: "join.decided", actorId: viewer.id, communityId: community.id, subjectUserId: userId, approved: true });
    await recordAction(tx, viewer, await memberEntry(tx, community.id, userId, "approve request"));
    return community;
  });
  return { slug: community.slug };
}

export async function declineRequest(viewer: Viewer, slug: string, input: unknown) {
  const { userId } = parseInput(personSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.manageRequests");
    const removed = await tx
      .delete(memberships)
      .where(pendingRequest({ communityId: community.id, userId }))
      .returning({ userId: memberships.userId });
    if (removed.length === 0) throw notFound("That request has already been answered or withdrawn.");
    await notify(tx, { type: "join.decided", actorId: viewer.id, communityId: community.id, subjectUserId: userId, approved: false });
    await recordAction(tx, viewer, await memberEntry(tx, community.id, userId, "decline request"));
    return { slug: community.slug };
  });
}

/** An audit entry about a person in a community, naming them as they are now. */
async function memberEntry(db: Db, communityId: string, userId: string, action: string, details?: Record<string, unknown>) {
  const [person] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return { communityId, action, targetType: "member" as const, targetId: userId, targetLabel: person?.name ?? "a former member", details };
}

/** Loads the community (locked) and the member being acted on, for a member.* decision. */
async function loadMember(db: Db, viewer: Viewer, slug: string, userId: string) {
  const loaded = await loadAuthorized(db, viewer, { slug }, "community.manageMembers", { lock: true });
  const [membership] = await db
    .select({ role: memberships.role, status: memberships.status, joinedAt: memberships.joinedAt, bannedUntil: memberships.bannedUntil, inviteExpiresAt: memberships.inviteExpiresAt })
    .from(memberships)
    .where(and(eq(memberships.communityId, loaded.community.id), eq(memberships.userId, userId)));
  if (!membership) throw notFound("That person is not a member here.");
  const target: PersonTarget = { ...loaded.target, ownerCount: await countOwners(db, loaded.community.id), subject: { userId, membership } };
  return { loaded, target };
}

const roleSchema = personSchema.extend({ role: z.enum(membershipRoles, { error: "Choose a role." }) });

/** Promotes or demotes a member. The last owner keeps the role until someone else has it. */
export async function setMemberRole(viewer: Viewer, slug: string, input: unknown) {
  const { userId, role } = parseInput(roleSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { loaded, target } = await loadMember(tx, viewer, slug, userId);
    authorize(viewer, "member.setRole", { ...target, newRole: role });
    await tx
      .update(memberships)
      .set({ role, updatedAt: new Date() })
      .where(and(eq(memberships.communityId, loaded.community.id), eq(memberships.userId, userId)));
    if (target.subject.membership?.role !== role) {
      await notify(tx, { type: "role.changed", actorId: viewer.id, communityId: loaded.community.id, subjectUserId: userId, role });
    }
    await recordAction(tx, viewer, await memberEntry(tx, loaded.community.id, userId, "change role", { from: target.subject.membership?.role, to: role }));
    return { slug: loaded.community.slug };
  });
}

export async function removeMember(viewer: Viewer, slug: string, input: unknown) {
  const { userId } = parseInput(personSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { loaded, target } = await loadMember(tx, viewer, slug, userId);
    authorize(viewer, "member.remove", target);
    await endMembership(tx, loaded, userId);
    await recordAction(tx, viewer, await memberEntry(tx, loaded.community.id, userId, "remove member"));
    return { slug: loaded.community.slug };
  });
}
