import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { countOwners, loadAuthorized } from "@/lib/communities/load";
import { endMembership } from "@/lib/communities/membership";
import { getDb, type Db } from "@/lib/db/client";
import { memberships, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { authorize, type PersonTarget, type Viewer } from "@/lib/policy";
import { parseInput, requiredText } from "@/lib/validation";
import { recordAction } from "./audit";

const banSchema = z.object({
  userId: z.uuid("Choose a person."),
  reason: requiredText("a reason", 500),
  until: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const date = new Date(`${value}T23:59:59Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: "Enter the end date as a date, like 2027-03-31." });
        return z.NEVER;
      }
      if (date <= new Date()) {
        ctx.addIssue({ code: "custom", message: "The end date must be in the future." });
        return z.NEVER;
      }
      return date;
    }),
});

async function loadPerson(db: Db, viewer: Viewer, slug: string, userId: string) {
  const loaded = await loadAuthorized(db, viewer, { slug }, "community.moderate", { lock: true });
  const [person] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  if (!person) throw notFound("We could not find that person.");
  const [membership] = await db
    .select({ role: memberships.role, status: memberships.status, joinedAt: memberships.joinedAt, bannedUntil: memberships.bannedUntil, inviteExpiresAt: memberships.inviteExpiresAt })
    .from(memberships)
    .where(and(eq(memberships.communityId, loaded.community.id), eq(memberships.userId, userId)));
  const target: PersonTarget = {
    ...loaded.target,
    ownerCount: await countOwners(db, loaded.community.id),
    subject: { userId, membership: membership ?? null },
  };
  return { ...loaded, person, target };
}

/**
 * Bans someone from the community (and everything inside it), with a reason and an optional
 * end date. Until it ends they cannot rejoin, ask to join or be invited.
 */
export async function banMember(viewer: Viewer, slug: string, input: unknown) {
  const { userId, reason, until } = parseInput(banSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadPerson(tx, viewer, slug, userId);
    authorize(viewer, "member.ban", loaded.target);
    if (loaded.target.subject.membership) await endMembership(tx, loaded, userId, true);
    await tx
      .insert(memberships)
      .values({ communityId: loaded.community.id, userId, role: "member", status: "banned", bannedUntil: until, banReason: reason })
      .onConflictDoUpdate({
        target: [memberships.communityId, memberships.userId],
        set: { role: "member", status: "banned", bannedUntil: until, banReason: reason, updatedAt: new Date() },
      });
    await recordAction(tx, viewer, {
      communityId: loaded.community.id,
      action: "ban",
      targetType: "member",
      targetId: userId,
      targetLabel: loaded.person.name,
      reason,
      details: until ? { until: until.toISOString() } : undefined,
    });
    return { slug: loaded.community.slug, message: `${loaded.person.name} is banned${until ? ` until ${until.toISOString().slice(0, 10)}` : ""}. Lift the ban to undo.` };
  });
}

export async function unbanMember(viewer: Viewer, slug: string, input: unknown) {
  const { userId } = parseInput(z.object({ userId: z.uuid("Choose a person.") }), input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadPerson(tx, viewer, slug, userId);
    authorize(viewer, "member.unban", loaded.target);
    await tx.delete(memberships).where(and(eq(memberships.communityId, loaded.community.id), eq(memberships.userId, userId), eq(memberships.status, "banned")));
    await recordAction(tx, viewer, { communityId: loaded.community.id, action: "unban", targetType: "member", targetId: userId, targetLabel: loaded.person.name });
    return { slug: loaded.community.slug, message: `The ban on ${loaded.person.name} is lifted. They can join again.` };
  });
}

/** People banned from the community, with why and until when. */
export async function listBans(viewer: Viewer, slug: string) {
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "community.moderate");
  return db
    .select({ userId: users.id, name: users.name, reason: memberships.banReason, until: memberships.bannedUntil, since: memberships.updatedAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.communityId, community.id), eq(memberships.status, "banned")))
    .orderBy(asc(sql`lower(${users.name})`))
    .limit(500);
}

const suspendSchema = z.object({ userId: z.uuid("Choose a person."), reason: requiredText("a reason", 500) });

/** A site admin suspends an account everywhere; it loses access on its next request. */
export async function suspendUser(viewer: Viewer, input: unknown) {
  const { userId, reason } = parseInput(suspendSchema, input);
  return setSuspended(viewer, userId, true, reason);
}

export async function unsuspendUser(viewer: Viewer, input: unknown) {
  const { userId } = parseInput(z.object({ userId: z.uuid("Choose a person.") }), input);
  return setSuspended(viewer, userId, false, null);
}

async function setSuspended(viewer: Viewer, userId: string, suspended: boolean, reason: string | null) {
  authorize(viewer, "user.suspend", { userId });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [person] = await tx
      .update(users)
      .set({ status: suspended ? "suspended" : "active" })
      .where(eq(users.id, userId))
      .returning({ name: users.name });
    if (!person) throw notFound("We could not find that person.");
    await recordAction(tx, viewer, { communityId: null, action: suspended ? "suspend" : "unsuspend", targetType: "user", targetId: userId, targetLabel: person.name, reason });
    return { message: suspended ? `${person.name}'s account is suspended. Lift the suspension to undo.` : `${person.name} can use Roundtable again.` };
  });
}

