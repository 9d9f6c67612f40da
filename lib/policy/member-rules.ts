import type { MembershipRole } from "@/lib/db/schema";
import {
  type CommunityTarget,
  type MembershipState,
  isActive,
  isBanned,
  isLastOwner,
  isOwner,
  LAST_OWNER,
  managesCommunity,
  mine,
  notArchived,
  personReadsParent,
} from "./community-rules";
import { must, rule, type Refusal } from "./rule";
import { isAdmin, wrote, type Viewer } from "./viewer-rules";
import { readsCommunity } from "./community-rules";

/** Someone a facilitator acts on, with their membership here, if any. */
export type PersonTarget = CommunityTarget & {
  subject: { userId: string; membership: MembershipState | null };
};

/** A member whose role a facilitator wants to change. */
export type RoleChangeTarget = PersonTarget & { newRole: MembershipRole };

/** An invitation waiting for an answer, in its community. */
export type InvitationTarget = CommunityTarget & { invitation: { invitedById: string | null } };

/** The community's facilitators, and whoever sent the invitation. SQL twin: `invitationsSeenBy`. */
const sentOrManages = (v: Viewer, t: InvitationTarget) => managesCommunity(v, t) || (readsCommunity(v, t) && wrote(v, t.invitation.invitedById));

const theirs = (t: PersonTarget) => t.subject.membership ?? undefined;
const notThemselves = (v: Viewer, t: PersonTarget) => t.subject.userId !== v.id;
const notLastOwner = (_v: Viewer, t: PersonTarget) => !isLastOwner(t, theirs(t));
/** Admins and owners act on anyone; facilitators on members and on people who are not members. */
const outranks = (v: Viewer, t: PersonTarget) => isAdmin(v) || isOwner(mine(t)) || !isActive(theirs(t)) || theirs(t)?.role === "member";
const rank = (role: MembershipRole) => (role === "owner" ? 2 : role === "facilitator" ? 1 : 0);
const article = (role: MembershipRole) => (role === "owner" ? "an owner" : `a ${role}`);

const MANAGERS_ONLY = "Only the community's facilitators can manage its members.";
const ARCHIVED = "This community is archived, so its members cannot be changed.";
const NOT_A_MEMBER = "That person is not a member here.";

export const memberRules = {
  "member.setRole": rule<RoleChangeTarget>(
    must(managesCommunity, MANAGERS_ONLY),
    must(notArchived, ARCHIVED),
    must((_v, t) => isActive(theirs(t)), NOT_A_MEMBER),
    must(notLastOwner, LAST_OWNER),
    must((_v, t) => theirs(t)?.role !== t.newRole, (_v, t) => `They are already ${article(t.newRole)}.`),
    must((v, t) => notThemselves(v, t) || rank(t.newRole) <= rank(theirs(t)!.role), "You cannot give yourself a higher role."),
    // Facilitators promote members to facilitator, and may step down themselves.
    must(
      (v, t) =>
        isAdmin(v) ||
        isOwner(mine(t)) ||
        (notThemselves(v, t) ? theirs(t)?.role === "member" && t.newRole === "facilitator" : t.newRole === "member"),
      "You cannot give that role.",
    ),
  ),
  "member.remove": rule<PersonTarget>(
    must(managesCommunity, MANAGERS_ONLY),
    must(notArchived, ARCHIVED),
    must((_v, t) => isActive(theirs(t)), NOT_A_MEMBER),
    must(notThemselves, "You cannot remove yourself. Leave the community instead."),
    must(notLastOwner, LAST_OWNER),
    must((v, t) => isAdmin(v) || isOwner(mine(t)) || theirs(t)?.role === "member", "Only owners can remove facilitators and owners."),
  ),
  "member.ban": rule<PersonTarget>(
    must(managesCommunity, "Only this community's facilitators can ban people from it."),
    must((_v, t) => !isBanned(theirs(t)), "They are already banned from this community."),
    must(notThemselves, "You cannot ban yourself."),
    must(notLastOwner, "You cannot ban the community's only owner."),
    must(outranks, "Only owners can ban facilitators and owners."),
  ),
  /** Who sees an invitation waiting for an answer (and so the address it went to). */
  "invitation.view": rule<InvitationTarget>(must(sentOrManages, "Only the facilitators and the person who sent an invitation can see it.")),
  "invitation.withdraw": rule<InvitationTarget>(must(sentOrManages, "Only the facilitators and the person who sent an invitation can withdraw it.")),
  "member.unban": rule<PersonTarget>(
    must(managesCommunity, "Only this community's facilitators can lift a ban."),
    must((_v, t) => theirs(t)?.status === "banned", "They are not banned from this community."),
  ),
};

/**
 * Whether someone may be invited here, judged on their own memberships (the target is loaded
 * for them, not for the viewer): not a member already, not banned, and a reader of every
 * community above (only members of a closed community may see its children). Null when they may.
 */
export function inviteeRefusal(invitee: CommunityTarget, name: string): Refusal | null {
  const membership = mine(invitee);
  if (isActive(membership)) return { status: 409, message: `${name} is already a member.` };
  if (isBanned(membership)) return { status: 409, message: `${name} cannot be invited to this community.` };
  if (!personReadsParent(invitee)) {
    const parent = invitee.chain.at(-2)!;
    return { status: 400, message: `${name} is not a member of “${parent.name}”, which this community sits inside. Invite them there first.` };
  }
  return null;
}
