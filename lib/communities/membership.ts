import { and, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { memberships } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/events";
import { can, endedBan, pendingRequest, type Viewer } from "@/lib/policy";
import { optionalText, parseInput } from "@/lib/validation";
import { loadAuthorized, loadCommunity, type LoadedCommunity } from "./load";

// A person's own membership: joining, asking to join, withdrawing and leaving. (Facilitators
// looking after members is in members.ts; invitations in send- and answer-invitations.ts.)

type Where = { slug: string } | { id: string };

/** Joins an open community in one step. Joining twice does nothing more. */
export async function joinCommunity(viewer: Viewer, where: Where) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, where, "community.join");
    const joined = await activate(tx, community.id, viewer.id, ["invited", "pending"]);
    return { slug: community.slug, joined };
  });
}

/** Joins an open community, or asks to join a restricted one: whichever the policy lets the viewer do. */
export async function joinOrRequest(viewer: Viewer, slug: string, input: unknown): Promise<{ slug: string; status: "active" | "pending" }> {
  const loaded = await loadCommunity(await getDb(), viewer, { slug });
  if (loaded && !can(viewer, "community.join", loaded.target) && can(viewer, "community.request", loaded.target)) {
    await requestToJoin(viewer, slug, input);
    return { slug, status: "pending" };
  }
  await joinCommunity(viewer, { slug });
  return { slug, status: "active" };
}

/**
 * Makes the membership active, from no row or from one of `from` statuses. Returns whether it
 * changed. The member count follows the row (a trigger), so only the write that changes it counts.
 */
export async function activate(db: Db, communityId: string, userId: string, from: ("invited" | "pending")[]): Promise<boolean> {
  const now = new Date();
  const [row] = await db
    .insert(memberships)
    .values({ communityId, userId, role: "member", status: "active", joinedAt: now })
    .onConflictDoUpdate({
      target: [memberships.communityId, memberships.userId],
      set: { status: "active", role: "member", joinedAt: now, updatedAt: now, inviteExpiresAt: null, bannedUntil: null, banReason: null },
      setWhere: or(inArray(memberships.status, from), endedBan(memberships, now)),
    })
    .returning({ userId: memberships.userId });
  return Boolean(row);
}

const requestSchema = z.object({ message: optionalText("your message", 500) });

/** Asks to join a restricted community, with an optional message for its facilitators. */
export async function requestToJoin(viewer: Viewer, slug: string, input: unknown) {
  const { message } = parseInput(requestSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.request");
    const [asked] = await tx
      .insert(memberships)
      .values({ communityId: community.id, userId: viewer.id, status: "pending", requestMessage: message || null })
      .onConflictDoUpdate({
        target: [memberships.communityId, memberships.userId],
        set: { status: "pending", requestMessage: message || null, bannedUntil: null, banReason: null, updatedAt: new Date() },
        setWhere: endedBan(),
      })
      .returning({ userId: memberships.userId });
    if (asked) await notify(tx, { type: "join.requested", actorId: viewer.id, communityId: community.id });
    return { slug: community.slug };
  });
}

export async function withdrawRequest(viewer: Viewer, slug: string) {
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "community.withdrawRequest");
  await db
    .delete(memberships)
    .where(pendingRequest({ communityId: community.id, userId: viewer.id }));
  return { slug: community.slug };
}

/** Leaves a community. Leaving a closed community also leaves everything inside it. */
export async function leaveCommunity(viewer: Viewer, slug: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadAuthorized(tx, viewer, { slug }, "community.leave", { lock: true });
    await endMembership(tx, loaded, viewer.id);
    return { slug: loaded.community.slug };
  });
}

/**
 * Ends a person's membership here, and in every sub-community when this community is not
 * open (its sub-communities are only for its members) or when asked, as for a ban. Counts
 * follow the rows.
 */
export async function endMembership(db: Db, { community }: LoadedCommunity, userId: string, everywhereInside = community.visibility !== "open") {
  const scope = everywhereInside
    ? sql`${memberships.communityId} in (select id from communities where id = ${community.id} or ${community.id} = any(ancestor_ids))`
    : sql`${memberships.communityId} = ${community.id}`;
  await db.delete(memberships).where(and(eq(memberships.userId, userId), inArray(memberships.status, ["active", "pending", "invited"]), scope));
}

