import { and, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { communities, invitations, memberships, users } from "@/lib/db/schema";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { assertActiveViewer, authorize, type Viewer } from "@/lib/policy";
import { recordAction } from "@/lib/moderation/audit";
import { loadAuthorized } from "./load";
import { activate } from "./membership";
import { hashToken, openInvitation } from "./send-invitations";

// Answering an invitation: through its emailed link, or from the community or home page;
// and invitations that wait for an address until it signs up.

export type InvitationView = {
  communityName: string;
  communitySlug: string;
  purpose: string;
  invitedBy: string | null;
  expiresAt: Date;
};

/** Why an invitation link cannot be used, as a 4xx with a plain message. */
function invitationProblem(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }) {
  if (row.acceptedAt) return new AppError(410, "This invitation has already been used.");
  if (row.revokedAt) return new AppError(410, "This invitation was withdrawn.");
  if (row.expiresAt <= new Date()) {
    return new AppError(410, "This invitation has expired. Ask for a new one.");
  }
  return null;
}

async function findByToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
      communityId: invitations.communityId,
      communityName: communities.name,
      communitySlug: communities.slug,
      purpose: communities.purpose,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(communities, eq(communities.id, invitations.communityId))
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(eq(invitations.tokenHash, hashToken(token)));
  return row;
}

/**
 * What the invitation page may show. Only the invited address learns which community it is;
 * anyone else holding the link is told only that it is not theirs.
 */
export async function viewInvitation(viewer: Viewer, token: string): Promise<InvitationView> {
  assertActiveViewer(viewer);
  const db = await getDb();
  const row = await findByToken(db, token);
  if (!row) throw notFound("This invitation link is not valid. Check that you copied all of it.");
  authorize(viewer, "invitation.open", {});
  if (row.email !== viewer.email) {
    throw forbidden(
      "This invitation was sent to a different email address. Sign in with that address to accept it.",
    );
  }
  const problem = invitationProblem(row);
  if (problem) throw problem;
  return {
    communityName: row.communityName,
    communitySlug: row.communitySlug,
    purpose: row.purpose,
    invitedBy: row.invitedBy,
    expiresAt: row.expiresAt,
  };
}

/** Accepts an invitation link. It works once, for the invited address only. */
export async function acceptInvitation(viewer: Viewer, token: string) {
  const preview = await viewInvitation(viewer, token);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedById: viewer.id })
      .where(and(eq(invitations.tokenHash, hashToken(token)), eq(invitations.email, viewer.email), openInvitation()))
      .returning({ communityId: invitations.communityId, expiresAt: invitations.expiresAt });
    if (!used) throw new AppError(410, "This invitation has already been used.");
    await tx
      .insert(memberships)
      .values({ communityId: used.communityId, userId: viewer.id, status: "invited", inviteExpiresAt: used.expiresAt })
      .onConflictDoNothing();
    const { community } = await loadAuthorized(tx, viewer, { id: used.communityId }, "community.acceptInvite");
    await activate(tx, community.id, viewer.id, ["invited", "pending"]);
    await recordAcceptance(tx, viewer, community);
    return { slug: preview.communitySlug };
  });
}

/** Accepts from the community page or home page, for someone already invited. */
export async function acceptInvitationFor(viewer: Viewer, slug: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.acceptInvite");
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedById: viewer.id })
      .where(and(eq(invitations.communityId, community.id), eq(invitations.email, viewer.email), openInvitation()));
    await activate(tx, community.id, viewer.id, ["invited"]);
    await recordAcceptance(tx, viewer, community);
    return { slug: community.slug };
  });
}

function recordAcceptance(db: Db, viewer: Viewer, community: { id: string }) {
  return recordAction(db, viewer, { communityId: community.id, action: "accept invitation", targetType: "member", targetId: viewer.id, targetLabel: viewer.name });
}

export async function declineInvitation(viewer: Viewer, slug: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.declineInvite");
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.communityId, community.id), eq(invitations.email, viewer.email), openInvitation()));
    await tx
      .delete(memberships)
      .where(
        and(
          eq(memberships.communityId, community.id),
          eq(memberships.userId, viewer.id),
          eq(memberships.status, "invited"),
        ),
      );
    return { slug: community.slug };
  });
}

/**
 * Once an account's address is proven, invitations already sent to it show up for the account.
 * Never before: an unproven address opens no door.
 */
export async function attachInvitationsToUser(db: Db, user: { id: string; email: string }) {
  await db.execute(sql`
    insert into memberships (community_id, user_id, status, invite_expires_at)
    select community_id, ${user.id}, 'invited', max(expires_at) from invitations
    where email = ${user.email} and accepted_at is null and revoked_at is null and expires_at > now()
      and exists (select 1 from users u where u.id = ${user.id} and u.email = ${user.email} and u.email_verified is not null)
    group by community_id
    on conflict do nothing`);
}
