import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { memberships, membershipRoles, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { authorize, type MaybeViewer, type MemberTarget, type Viewer } from "@/lib/policy";
import { optionalText, parseInput } from "@/lib/validation";
import { countOwners, loadAuthorized, type LoadedCommunity } from "./access";
import { adjustMemberCount } from "./counters";

type Where = { slug: string } | { id: string };

/** Joins an open community in one step. Joining twice does nothing more. */
export async function joinCommunity(viewer: MaybeViewer, where: Where) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, where, "community.join");
    const joined = await activate(tx, community.id, viewer!.id, ["invited", "pending"]);
    return { slug: community.slug, joined };
  });
}

/**
 * Makes the membership active, from no row or from one of `from` statuses, and counts it.
 * Returns whether it changed. Exact under concurrency: only the write that changes the row
 * moves the counter.
 */
export async function activate(
  db: Db,
  communityId: string,
  userId: string,
  from: ("invited" | "pending")[],
): Promise<boolean> {
  const now = new Date();
  const [row] = await db
    .insert(memberships)
    .values({ communityId, userId, role: "member", status: "active", joinedAt: now })
    .onConflictDoUpdate({
      target: [memberships.communityId, memberships.userId],
      set: { status: "active", role: "member", joinedAt: now, updatedAt: now, inviteExpiresAt: null, bannedUntil: null, banReason: null },
      // A ban that has ended no longer stands in the way.
      setWhere: or(inArray(memberships.status, from), and(eq(memberships.status, "banned"), lte(memberships.bannedUntil, now))),
    })
    .returning({ userId: memberships.userId });
  if (row) await adjustMemberCount(db, communityId, 1);
  return Boolean(row);
}

const requestSchema = z.object({ message: optionalText("your message", 500) });

/** Asks to join a restricted community, with an optional message for its facilitators. */
export async function requestToJoin(viewer: MaybeViewer, slug: string, input: unknown) {
  const { message } = parseInput(requestSchema, input);
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "community.request");
  await db
    .insert(memberships)
    .values({
      communityId: community.id,
      userId: viewer!.id,
      status: "pending",
      requestMessage: message || null,
    })
    .onConflictDoUpdate({
      target: [memberships.communityId, memberships.userId],
      set: { status: "pending", requestMessage: message || null, bannedUntil: null, banReason: null, updatedAt: new Date() },
      setWhere: and(eq(memberships.status, "banned"), lte(memberships.bannedUntil, new Date())),
    });
  return { slug: community.slug };
}

export async function withdrawRequest(viewer: MaybeViewer, slug: string) {
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "community.withdrawRequest");
  await db
    .delete(memberships)
    .where(
      and(
        eq(memberships.communityId, community.id),
        eq(memberships.userId, viewer!.id),
        eq(memberships.status, "pending"),
      ),
    );
  return { slug: community.slug };
}

/** Leaves a community. Leaving a closed community also leaves everything inside it. */
export async function leaveCommunity(viewer: MaybeViewer, slug: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadAuthorized(tx, viewer, { slug }, "community.leave", { lock: true });
    await endMembership(tx, loaded, viewer!.id);
    return { slug: loaded.community.slug };
  });
}

/**
 * Ends a person's membership here, and in every sub-community when this community is not
 * open (its sub-communities are only for its members) or when asked, as for a ban. Counters
 * move with each row.
 */
export async function endMembership(
  db: Db,
  { community }: LoadedCommunity,
  userId: string,
  everywhereInside = community.visibility !== "open",
) {
  const scope = !everywhereInside
      ? sql`${memberships.communityId} = ${community.id}`
      : sql`${memberships.communityId} in (select id from communities where id = ${community.id} or ${community.id} = any(ancestor_ids))`;
  const removed = await db
    .delete(memberships)
    .where(
      and(eq(memberships.userId, userId), inArray(memberships.status, ["active", "pending", "invited"]), scope),
    )
    .returning({ communityId: memberships.communityId, status: memberships.status });
  for (const row of removed) {
    if (row.status === "active") await adjustMemberCount(db, row.communityId, -1);
  }
}

const decisionSchema = z.object({ userId: z.uuid("Choose a person.") });

/** Approves a request to join. The requester is told by email. */
export async function approveRequest(viewer: MaybeViewer, slug: string, input: unknown) {
  const { userId } = parseInput(decisionSchema, input);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.manageRequests");
    const [row] = await tx
      .update(memberships)
      .set({ status: "active", joinedAt: new Date(), updatedAt: new Date() })
      .where(
        and(
          eq(memberships.communityId, community.id),
          eq(memberships.userId, userId),
          eq(memberships.status, "pending"),
        ),
      )
      .returning({ userId: memberships.userId });
    if (!row) throw notFound("That request has already been answered or withdrawn.");
    await adjustMemberCount(tx, community.id, 1);
    return community;
  });
  const [person] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (person) {
    await sendMail({
      to: person.email,
      subject: `You have joined ${result.name}`,
      text: `Your request to join “${result.name}” on Roundtable was approved. You can now read and take part in it.`,
    });
  }
  return { slug: result.slug };
}

export async function declineRequest(viewer: MaybeViewer, slug: string, input: unknown) {
  const { userId } = parseInput(decisionSchema, input);
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "community.manageRequests");
  const removed = await db
    .delete(memberships)
    .where(
      and(
        eq(memberships.communityId, community.id),
        eq(memberships.userId, userId),
        eq(memberships.status, "pending"),
      ),
    )
    .returning({ userId: memberships.userId });
  if (removed.length === 0) throw notFound("That request has already been answered or withdrawn.");
  return { slug: community.slug };
}

const roleSchema = z.object({
  userId: z.uuid("Choose a person."),
  role: z.enum(membershipRoles, { error: "Choose a role." }),
});

/** Loads the community (locked) and the member being acted on, for a member.* decision. */
async function loadMemberTarget(db: Db, viewer: MaybeViewer, slug: string, userId: string) {
  const loaded = await loadAuthorized(db, viewer, { slug }, "community.manageMembers", {
    lock: true,
  });
  const [subject] = await db
    .select({
      userId: memberships.userId,
      role: memberships.role,
      status: memberships.status,
      bannedUntil: memberships.bannedUntil,
      inviteExpiresAt: memberships.inviteExpiresAt,
    })
    .from(memberships)
    .where(and(eq(memberships.communityId, loaded.community.id), eq(memberships.userId, userId)));
  if (!subject || subject.status !== "active") throw notFound("That person is not a member here.");
  const target: MemberTarget = {
    ...loaded.target,
    ownerCount: await countOwners(db, loaded.community.id),
    subject,
  };
  return { loaded, target };
}

/** Promotes or demotes a member. The last owner keeps the role until someone else has it. */
export async function setMemberRole(viewer: MaybeViewer, slug: string, input: unknown) {
  const { userId, role } = parseInput(roleSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { loaded, target } = await loadMemberTarget(tx, viewer, slug, userId);
    target.newRole = role;
    authorize(viewer, "member.setRole", target, refusalForRole(viewer!, target));
    await tx
      .update(memberships)
      .set({ role, updatedAt: new Date() })
      .where(and(eq(memberships.communityId, loaded.community.id), eq(memberships.userId, userId)));
    return { slug: loaded.community.slug };
  });
}

function refusalForRole(viewer: Viewer, target: MemberTarget): string {
  const { subject } = target;
  if (subject.role === "owner" && (target.ownerCount ?? 0) <= 1) {
    return "A community needs an owner. Make someone else an owner first.";
  }
  if (subject.role === target.newRole) return `They are already ${article(subject.role)}.`;
  return "You cannot give that role.";
}

function article(role: string) {
  return role === "owner" ? "an owner" : `a ${role}`;
}

export async function removeMember(viewer: MaybeViewer, slug: string, input: unknown) {
  const { userId } = parseInput(decisionSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { loaded, target } = await loadMemberTarget(tx, viewer, slug, userId);
    const message =
      target.subject.role === "owner" && (target.ownerCount ?? 0) <= 1
        ? "A community needs an owner. Make someone else an owner first."
        : undefined;
    authorize(viewer, "member.remove", target, message);
    await endMembership(tx, loaded, userId);
    return { slug: loaded.community.slug };
  });
}
