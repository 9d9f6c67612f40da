import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { invitations, memberships, users } from "@/lib/db/schema";
import { AppError, badRequest, notFound } from "@/lib/errors";
import { siteLink } from "@/lib/http/site-url";
import { recordAction } from "@/lib/moderation/audit";
import { notify } from "@/lib/notifications/events";
import { authorize, can, endedBan, findablePeople, inviteeRefusal, invitationsSeenBy, pendingRequest, type InvitationTarget, type Viewer } from "@/lib/policy";
import { enforce } from "@/lib/rate-limit";
import { accountLimits } from "@/lib/rate-limit/account-limits";
import { hashToken, newToken } from "@/lib/users/email-tokens";
import { emailSchema, parseInput, requiredText } from "@/lib/validation";
import { loadAuthorized, loadCommunity, type LoadedCommunity } from "./load";
import { activate } from "./membership";
import { tellAlreadyAMember, tellInvitee } from "./tell";

// Sending invitations: by name or email, with an emailed link; listing and withdrawing the
// open ones. (Answering them is in answer-invitations.ts.) An invitation never tells the
// person sending it someone's address, nor whether an address they typed has an account.

export const INVITATION_DAYS = 14;
const CHECK_FIELDS = "Please check the highlighted fields.";

const inviteSchema = z.object({ invitee: requiredText("a name or email address", 254) });

export { hashToken };

/** A condition on invitations: not used, not withdrawn, not expired. */
export function openInvitation() {
  return and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date()));
}

/** Who is invited: an address, the proven account that holds it (if any), and how the inviter named them. */
type Invitee = { email: string; user: { id: string; name: string } | null; byName: boolean; label: string };

/**
 * Invites someone: a member of the site by name, or anyone by email. The emailed link works
 * once, for that address only, for 14 days, until withdrawn. Returns what to tell the inviter.
 */
export async function inviteToCommunity(viewer: Viewer, slug: string, input: unknown, network = "unknown"): Promise<{ message: string }> {
  const { invitee: raw } = parseInput(inviteSchema, input);
  const db = await getDb();
  const token = newToken();
  const result = await db.transaction(async (tx) => {
    const loaded = await loadAuthorized(tx, viewer, { slug }, "community.invite");
    const invitee = await resolveInvitee(tx, viewer, raw);
    if (invitee.email === viewer.email || invitee.user?.id === viewer.id) {
      throw badRequest(CHECK_FIELDS, { invitee: ["You are already in this community."] });
    }
    await enforce(tx, accountLimits.invitation(viewer, network, invitee.email));
    const standing = await inviteeStanding(tx, loaded, invitee);
    if (standing === "member" || standing === "banned") return { loaded, invitee, send: standing } as const;
    if (standing === "requested" && invitee.byName && (await activate(tx, loaded.community.id, invitee.user!.id, ["pending"]))) {
      await recordAction(tx, viewer, inviteEntry(loaded, "approve request by invitation", invitee));
      return { loaded, invitee, send: "joined" } as const;
    }
    await createInvitation(tx, viewer, loaded, invitee, token);
    return { loaded, invitee, send: "invitation" } as const;
  });
  const { loaded, invitee, send } = result;
  const community = { name: loaded.community.name, purpose: loaded.community.purpose };
  if (send === "invitation") {
    await tellInvitee(invitee.email, viewer.name, community, siteLink(`/invitations/${token}`), INVITATION_DAYS);
  } else if (send === "member") {
    await tellAlreadyAMember(invitee.email, viewer.name, community.name);
  }
  if (!invitee.byName) return { message: "Invitation sent to that address." };
  if (send === "joined") return { message: `${invitee.label} had asked to join, so they are now a member.` };
  return { message: `Invitation sent to ${invitee.label}.` };
}

async function createInvitation(db: Db, viewer: Viewer, loaded: LoadedCommunity, invitee: Invitee, token: string) {
  const communityId = loaded.community.id;
  await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.communityId, communityId), eq(invitations.email, invitee.email), openInvitation()));
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  await db.insert(invitations).values({ communityId, email: invitee.email, inviteeLabel: invitee.label, tokenHash: hashToken(token), invitedById: viewer.id, expiresAt });
  if (invitee.user) {
    await db
      .insert(memberships)
      .values({ communityId, userId: invitee.user.id, status: "invited", inviteExpiresAt: expiresAt })
      .onConflictDoUpdate({
        target: [memberships.communityId, memberships.userId],
        set: { status: "invited", inviteExpiresAt: expiresAt, bannedUntil: null, banReason: null },
        setWhere: or(eq(memberships.status, "invited"), eq(memberships.status, "pending"), endedBan()),
      });
    await notify(db, { type: "invited", actorId: viewer.id, communityId, subjectUserId: invitee.user.id });
  }
  await recordAction(db, viewer, inviteEntry(loaded, "invite", invitee));
}

function inviteEntry(loaded: LoadedCommunity, action: string, invitee: { label: string; user: { id: string } | null }) {
  return { communityId: loaded.community.id, action, targetType: "invitation" as const, targetId: invitee.user?.id ?? null, targetLabel: invitee.label };
}

/** Only people whose address is proven are found by name, or matched to an address. */
async function resolveInvitee(db: Db, viewer: Viewer, raw: string): Promise<Invitee> {
  if (raw.includes("@")) {
    const parsed = emailSchema.safeParse(raw);
    if (!parsed.success) {
      throw badRequest(CHECK_FIELDS, { invitee: [parsed.error.issues[0]!.message] });
    }
    const [user] = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.email, parsed.data), findablePeople(viewer)));
    return { email: parsed.data, user: user ?? null, byName: false, label: parsed.data };
  }
  const matches = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(sql`lower(${users.name}) = lower(${raw})`, findablePeople(viewer)))
    .limit(2);
  if (matches.length === 0) {
    throw badRequest(CHECK_FIELDS, { invitee: [`We could not find anyone called “${raw}”. Use their email address instead.`] });
  }
  if (matches.length > 1) {
    throw badRequest(CHECK_FIELDS, { invitee: [`More than one person is called “${raw}”. Use their email address instead.`] });
  }
  const [user] = matches;
  return { email: user!.email, user: { id: user!.id, name: user!.name }, byName: true, label: user!.name };
}

/**
 * Where the invitee stands, judged by the policy on their own memberships. Named people are
 * told apart; for an address, only what would be true of any address shows (the parent rule),
 * and members, the banned and those who asked to join all get the same answer as anyone.
 */
async function inviteeStanding(db: Db, { community }: LoadedCommunity, invitee: Invitee): Promise<"member" | "banned" | "requested" | "open"> {
  const loaded = await loadCommunity(db, invitee.user, { id: community.id });
  if (!loaded) throw notFound();
  const refused = inviteeRefusal(loaded.target, invitee.label);
  const mine = invitee.user ? loaded.target.memberships[community.id] : undefined;
  if (refused?.status === 400 || (refused && invitee.byName)) throw new AppError(refused.status, CHECK_FIELDS, { invitee: [refused.message] });
  if (mine?.status === "active") return "member";
  if (refused) return "banned";
  if (invitee.user && (await db.select({ userId: memberships.userId }).from(memberships).where(pendingRequest({ communityId: community.id, userId: invitee.user.id }))).length) {
    return "requested";
  }
  return "open";
}

const revokeSchema = z.object({ invitationId: z.uuid("Choose an invitation.") });

/** Withdraws an invitation: its sender or the community's facilitators. To anyone else it does not exist. */
export async function revokeInvitation(viewer: Viewer, slug: string, input: unknown) {
  const { invitationId } = parseInput(revokeSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadAuthorized(tx, viewer, { slug }, "community.read");
    const [open] = await tx
      .select({ invitedById: invitations.invitedById, email: invitations.email, label: invitations.inviteeLabel })
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.communityId, loaded.community.id), openInvitation()));
    const target: InvitationTarget | null = open ? { ...loaded.target, invitation: { invitedById: open.invitedById } } : null;
    if (!open || !target || !can(viewer, "invitation.view", target)) {
      throw notFound("That invitation has already been used, withdrawn or has expired.");
    }
    authorize(viewer, "invitation.withdraw", target);
    await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, invitationId));
    await tx
      .delete(memberships)
      .where(
        and(
          eq(memberships.communityId, loaded.community.id),
          eq(memberships.status, "invited"),
          sql`${memberships.userId} = (select id from users where email = ${open.email})`,
        ),
      );
    await recordAction(tx, viewer, { communityId: loaded.community.id, action: "withdraw invitation", targetType: "invitation", targetId: invitationId, targetLabel: open.label });
    return { slug: loaded.community.slug };
  });
}

/**
 * Open invitations the viewer may see: all of them for the community's facilitators, their own
 * for anyone else who may invite. Each is named as it was sent (a name, or the address typed).
 */
export async function listOpenInvitations(viewer: Viewer, slug: string) {
  const db = await getDb();
  const { community, target } = await loadAuthorized(db, viewer, { slug }, "community.invite");
  const rows = await db
    .select({
      id: invitations.id,
      label: invitations.inviteeLabel,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedById: invitations.invitedById,
      invitedBy: users.name,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(and(eq(invitations.communityId, community.id), openInvitation(), invitationsSeenBy(viewer, invitations)))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  return {
    community: { name: community.name, slug: community.slug },
    invitations: rows.map(({ invitedById, ...row }) => ({
      ...row,
      label: row.label || "an invited person",
      canWithdraw: can(viewer, "invitation.withdraw", { ...target, invitation: { invitedById } }),
    })),
  };
}
