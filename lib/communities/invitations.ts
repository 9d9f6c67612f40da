import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { communities, invitations, memberships, users } from "@/lib/db/schema";
import { AppError, badRequest, conflict, forbidden, notFound } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { assertActiveViewer, can, type MaybeViewer, type Viewer } from "@/lib/policy";
import { emailSchema, parseInput, requiredText } from "@/lib/validation";
import { loadAuthorized, loadCommunity } from "./access";
import { activate } from "./membership";

export const INVITATION_DAYS = 14;
const CHECK_FIELDS = "Please check the highlighted fields.";

const inviteSchema = z.object({ invitee: requiredText("a name or email address", 254) });

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

type Invitee = { email: string; user: { id: string; name: string } | null };

/**
 * Invites someone: an existing member by name or email, or a new person by email. The
 * emailed link works once, for that address only, for 14 days, until revoked.
 */
export async function inviteToCommunity(
  viewer: MaybeViewer,
  slug: string,
  input: unknown,
  baseUrl: string,
): Promise<{ email: string; name: string | null; joined: boolean }> {
  const { invitee: raw } = parseInput(inviteSchema, input);
  const db = await getDb();
  const token = randomBytes(32).toString("base64url");
  const result = await db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.invite");
    const invitee = await resolveInvitee(tx, raw);
    if (invitee.email === viewer!.email) {
      throw badRequest(CHECK_FIELDS, { invitee: ["You are already in this community."] });
    }
    await checkInviteeMayJoin(tx, community.id, invitee);
    const joined = invitee.user ? await approveIfPending(tx, community.id, invitee.user.id) : false;
    if (joined) return { community, invitee, joined };
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.communityId, community.id), eq(invitations.email, invitee.email), openInvitation()));
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
    await tx.insert(invitations).values({
      communityId: community.id,
      email: invitee.email,
      tokenHash: hashToken(token),
      invitedById: viewer!.id,
      expiresAt,
    });
    if (invitee.user) {
      await tx
        .insert(memberships)
        .values({ communityId: community.id, userId: invitee.user.id, status: "invited", inviteExpiresAt: expiresAt })
        .onConflictDoUpdate({
          target: [memberships.communityId, memberships.userId],
          set: { status: "invited", inviteExpiresAt: expiresAt, bannedUntil: null, banReason: null },
          setWhere: or(eq(memberships.status, "invited"), and(eq(memberships.status, "banned"), lte(memberships.bannedUntil, new Date()))),
        });
    }
    return { community, invitee, joined };
  });
  const { community, invitee, joined } = result;
  await sendMail(
    joined
      ? {
          to: invitee.email,
          subject: `You have joined ${community.name}`,
          text: `${viewer!.name} added you to “${community.name}” on Roundtable, which you had asked to join.`,
        }
      : {
          to: invitee.email,
          subject: `${viewer!.name} invited you to ${community.name}`,
          text: [
            `${viewer!.name} invited you to join “${community.name}” on Roundtable.`,
            community.purpose ? `\n${community.purpose}\n` : "",
            `Accept or decline the invitation here (it works once, for ${invitee.email}, and expires in ${INVITATION_DAYS} days):`,
            `${baseUrl}/invitations/${token}`,
          ].join("\n"),
        },
  );
  return { email: invitee.email, name: invitee.user?.name ?? null, joined };
}

function openInvitation() {
  return and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date()));
}

async function resolveInvitee(db: Db, raw: string): Promise<Invitee> {
  if (raw.includes("@")) {
    const parsed = emailSchema.safeParse(raw);
    if (!parsed.success) {
      throw badRequest(CHECK_FIELDS, { invitee: [parsed.error.issues[0]!.message] });
    }
    const [user] = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.email, parsed.data));
    return { email: parsed.data, user: user ?? null };
  }
  const matches = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(sql`lower(${users.name}) = lower(${raw})`, eq(users.status, "active")))
    .limit(2);
  if (matches.length === 0) {
    throw badRequest(CHECK_FIELDS, {
      invitee: [`We could not find anyone called “${raw}”. Use their email address instead.`],
    });
  }
  if (matches.length > 1) {
    throw badRequest(CHECK_FIELDS, {
      invitee: [`More than one person is called “${raw}”. Use their email address instead.`],
    });
  }
  const [user] = matches;
  return { email: user!.email, user: { id: user!.id, name: user!.name } };
}

/**
 * Members may be invited only where they could join: not already in, not banned, and able
 * to read the parent community (only its members may see a closed community's children).
 */
async function checkInviteeMayJoin(db: Db, communityId: string, invitee: Invitee) {
  const label = invitee.user?.name ?? invitee.email;
  const asViewer: Viewer = {
    id: invitee.user?.id ?? "00000000-0000-0000-0000-000000000000",
    name: label,
    email: invitee.email,
    siteRole: "member",
    status: "active",
    createdAt: new Date(0),
  };
  const loaded = await loadCommunity(db, invitee.user ? asViewer : null, { id: communityId });
  if (!loaded) throw notFound();
  const mine = loaded.target.memberships[communityId];
  if (mine?.status === "active") {
    throw conflict(CHECK_FIELDS, { invitee: [`${label} is already a member.`] });
  }
  if (mine?.status === "banned" && (!mine.bannedUntil || mine.bannedUntil > new Date())) {
    throw conflict(CHECK_FIELDS, { invitee: [`${label} cannot be invited to this community.`] });
  }
  const parent = loaded.target.chain.at(-2);
  if (parent) {
    const parentTarget = { chain: loaded.target.chain.slice(0, -1), memberships: loaded.target.memberships };
    if (!can(asViewer, "community.read", parentTarget)) {
      const [row] = await db.select({ name: communities.name }).from(communities).where(eq(communities.id, parent.id));
      throw badRequest(CHECK_FIELDS, {
        invitee: [`${label} is not a member of “${row?.name}”, which this community sits inside. Invite them there first.`],
      });
    }
  }
}

/** Inviting someone who has asked to join lets them in straight away. */
async function approveIfPending(db: Db, communityId: string, userId: string): Promise<boolean> {
  const [pending] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId), eq(memberships.status, "pending")));
  return pending ? activate(db, communityId, userId, ["pending"]) : false;
}

const revokeSchema = z.object({ invitationId: z.uuid("Choose an invitation.") });

export async function revokeInvitation(viewer: MaybeViewer, slug: string, input: unknown) {
  const { invitationId } = parseInput(revokeSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.invite");
    const [invitation] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.communityId, community.id), openInvitation()))
      .returning({ email: invitations.email, invitedById: invitations.invitedById });
    if (!invitation) throw notFound("That invitation has already been used, withdrawn or has expired.");
    await tx
      .delete(memberships)
      .where(
        and(
          eq(memberships.communityId, community.id),
          eq(memberships.status, "invited"),
          sql`${memberships.userId} = (select id from users where email = ${invitation.email})`,
        ),
      );
    return { slug: community.slug };
  });
}

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
export async function viewInvitation(viewer: MaybeViewer, token: string): Promise<InvitationView> {
  assertActiveViewer(viewer);
  const db = await getDb();
  const row = await findByToken(db, token);
  if (!row) throw notFound("This invitation link is not valid. Check that you copied all of it.");
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
export async function acceptInvitation(viewer: MaybeViewer, token: string) {
  const preview = await viewInvitation(viewer, token);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedById: viewer!.id })
      .where(and(eq(invitations.tokenHash, hashToken(token)), eq(invitations.email, viewer!.email), openInvitation()))
      .returning({ communityId: invitations.communityId, expiresAt: invitations.expiresAt });
    if (!used) throw new AppError(410, "This invitation has already been used.");
    await tx
      .insert(memberships)
      .values({ communityId: used.communityId, userId: viewer!.id, status: "invited", inviteExpiresAt: used.expiresAt })
      .onConflictDoNothing();
    const { community } = await loadAuthorized(tx, viewer, { id: used.communityId }, "community.acceptInvite");
    await activate(tx, community.id, viewer!.id, ["invited", "pending"]);
    return { slug: preview.communitySlug };
  });
}

/** Accepts from the community page or home page, for someone already invited. */
export async function acceptInvitationFor(viewer: MaybeViewer, slug: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.acceptInvite");
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedById: viewer!.id })
      .where(and(eq(invitations.communityId, community.id), eq(invitations.email, viewer!.email), openInvitation()));
    await activate(tx, community.id, viewer!.id, ["invited"]);
    return { slug: community.slug };
  });
}

export async function declineInvitation(viewer: MaybeViewer, slug: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.declineInvite");
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.communityId, community.id), eq(invitations.email, viewer!.email), openInvitation()));
    await tx
      .delete(memberships)
      .where(
        and(
          eq(memberships.communityId, community.id),
          eq(memberships.userId, viewer!.id),
          eq(memberships.status, "invited"),
        ),
      );
    return { slug: community.slug };
  });
}

/** On sign-up, invitations already sent to the address show up for the new account. */
export async function attachInvitationsToUser(db: Db, user: { id: string; email: string }) {
  await db.execute(sql`
    insert into memberships (community_id, user_id, status, invite_expires_at)
    select community_id, ${user.id}, 'invited', max(expires_at) from invitations
    where email = ${user.email} and accepted_at is null and revoked_at is null and expires_at > now()
    group by community_id
    on conflict do nothing`);
}

/** Open invitations of a community, for the people who may invite. */
export async function listOpenInvitations(viewer: MaybeViewer, slug: string) {
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "community.invite");
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedBy: users.name,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(and(eq(invitations.communityId, community.id), openInvitation()))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  return { community: { name: community.name, slug: community.slug }, invitations: rows };
}

