import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { invitations, memberships, users } from "@/lib/db/schema";
import { AppError, badRequest, notFound } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { notify } from "@/lib/notifications/events";
import { endedBan, inviteeRefusal, pendingRequest, type Viewer } from "@/lib/policy";
import { emailSchema, parseInput, requiredText } from "@/lib/validation";
import { loadAuthorized, loadCommunity } from "./load";
import { activate } from "./membership";

// Sending invitations: by name or email, with an emailed link; listing and withdrawing the
// open ones. (Answering them is in answer-invitations.ts.)

export const INVITATION_DAYS = 14;
const CHECK_FIELDS = "Please check the highlighted fields.";

const inviteSchema = z.object({ invitee: requiredText("a name or email address", 254) });

/** Links are stored only as a hash: a leaked table opens no community. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A condition on invitations: not used, not withdrawn, not expired. */
export function openInvitation() {
  return and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date()));
}

type Invitee = { email: string; user: { id: string; name: string } | null };

/**
 * Invites someone: an existing member by name or email, or a new person by email. The
 * emailed link works once, for that address only, for 14 days, until revoked.
 */
export async function inviteToCommunity(
  viewer: Viewer,
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
    if (invitee.email === viewer.email) {
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
      invitedById: viewer.id,
      expiresAt,
    });
    if (invitee.user) {
      await tx
        .insert(memberships)
        .values({ communityId: community.id, userId: invitee.user.id, status: "invited", inviteExpiresAt: expiresAt })
        .onConflictDoUpdate({
          target: [memberships.communityId, memberships.userId],
          set: { status: "invited", inviteExpiresAt: expiresAt, bannedUntil: null, banReason: null },
          setWhere: or(eq(memberships.status, "invited"), endedBan()),
        });
      await notify(tx, { type: "invited", actorId: viewer.id, communityId: community.id, subjectUserId: invitee.user.id });
    }
    return { community, invitee, joined };
  });
  const { community, invitee, joined } = result;
  await sendMail(
    joined
      ? {
          to: invitee.email,
          subject: `You have joined ${community.name}`,
          text: `${viewer.name} added you to “${community.name}” on Roundtable, which you had asked to join.`,
        }
      : {
          to: invitee.email,
          subject: `${viewer.name} invited you to ${community.name}`,
          text: [
            `${viewer.name} invited you to join “${community.name}” on Roundtable.`,
            community.purpose ? `\n${community.purpose}\n` : "",
            `Accept or decline the invitation here (it works once, for ${invitee.email}, and expires in ${INVITATION_DAYS} days):`,
            `${baseUrl}/invitations/${token}`,
          ].join("\n"),
        },
  );
  return { email: invitee.email, name: invitee.user?.name ?? null, joined };
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

/** The policy judges the invitee on their own memberships: a refusal is a message beside the field. */
async function checkInviteeMayJoin(db: Db, communityId: string, invitee: Invitee) {
  const loaded = await loadCommunity(db, invitee.user, { id: communityId });
  if (!loaded) throw notFound();
  const refused = inviteeRefusal(loaded.target, invitee.user?.name ?? invitee.email);
  if (refused) throw new AppError(refused.status, CHECK_FIELDS, { invitee: [refused.message] });
}

/** Inviting someone who has asked to join lets them in straight away. */
async function approveIfPending(db: Db, communityId: string, userId: string): Promise<boolean> {
  const [pending] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(pendingRequest({ communityId, userId }));
  return pending ? activate(db, communityId, userId, ["pending"]) : false;
}

const revokeSchema = z.object({ invitationId: z.uuid("Choose an invitation.") });

export async function revokeInvitation(viewer: Viewer, slug: string, input: unknown) {
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

/** Open invitations of a community, for the people who may invite. */
export async function listOpenInvitations(viewer: Viewer, slug: string) {
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

