import { visibilities, type MembershipRole, type MembershipStatus, type Visibility } from "@/lib/db/schema";
import { must, rule } from "./rule";
import { isAdmin, type Viewer } from "./viewer-rules";

/** How a viewer's memberships count when reading: an admin reads all; an unproven address only what is open to all. */
type Reader = "admin" | "member" | "unverified";
const readerOf = (viewer: Viewer): Reader => (isAdmin(viewer) ? "admin" : viewer.verified ? "member" : "unverified");

/** One community in a chain from the top-level community down. */
export type CommunityNode = {
  id: string;
  name: string;
  parentId: string | null;
  depth: number;
  visibility: Visibility;
  archivedAt: Date | null;
};

export type MembershipState = {
  role: MembershipRole;
  status: MembershipStatus;
  joinedAt: Date | null;
  bannedUntil: Date | null;
  inviteExpiresAt: Date | null;
};

/** A community with its ancestors (root first, itself last) and one person's memberships in them. */
export type CommunityTarget = {
  chain: CommunityNode[];
  /** The viewer's memberships; for a rule about someone else (an invitee), theirs. */
  memberships: Partial<Record<string, MembershipState>>;
  /** Active owners of the community itself, for the last-owner rule. */
  ownerCount?: number;
};

export const visibilityRank: Record<Visibility, number> = { open: 0, restricted: 1, private: 2 };
export const MAX_DEPTH = 3;

export function self(target: CommunityTarget): CommunityNode {
  const node = target.chain.at(-1);
  if (!node) throw new Error("A community target needs at least one community");
  return node;
}

export function membershipIn(target: CommunityTarget, node: CommunityNode) {
  return target.memberships[node.id];
}

/** The membership of the person the target was loaded for, in the community itself. */
export const mine = (target: CommunityTarget) => membershipIn(target, self(target));

export const isActive = (m?: MembershipState | null) => m?.status === "active";
export const isPending = (m?: MembershipState | null) => m?.status === "pending";
/** Banned, and the ban has not ended. SQL twin: `endedBan` is its opposite. */
export const isBanned = (m?: MembershipState | null, now = new Date()) =>
  m?.status === "banned" && (m.bannedUntil === null || m.bannedUntil > now);
export const isInvited = (m?: MembershipState | null, now = new Date()) =>
  m?.status === "invited" && (m.inviteExpiresAt === null || m.inviteExpiresAt > now);
export const isOwner = (m?: MembershipState | null) => isActive(m) && m?.role === "owner";
export const isFacilitator = (m?: MembershipState | null) =>
  isActive(m) && (m?.role === "owner" || m?.role === "facilitator");

/**
 * Where a person stands with a community, as pages tell them: a member, asking to join,
 * invited, or banned. A ban or an invitation that has run out counts as nothing, so nobody is
 * told they are banned or invited when they are not.
 */
export type Standing = "active" | "pending" | "invited" | "banned" | null;

export function standing(m?: MembershipState | null, now = new Date()): Standing {
  if (isActive(m)) return "active";
  if (isPending(m)) return "pending";
  if (isInvited(m, now)) return "invited";
  if (isBanned(m, now)) return "banned";
  return null;
}

/**
 * Reads the first `count` communities of the chain: each is open or has them as a member, and
 * none banned them. An unproven address counts no membership: it reads open communities only.
 */
function readsChain(reader: Reader, target: CommunityTarget, count: number): boolean {
  return target.chain.slice(0, count).every((node) => {
    if (reader === "admin") return true;
    if (reader === "unverified") return node.visibility === "open";
    const m = membershipIn(target, node);
    return !isBanned(m) && (node.visibility === "open" || isActive(m));
  });
}

/** Reads the community's content: every community above it, and it, let the viewer in. */
export function readsCommunity(viewer: Viewer, target: CommunityTarget): boolean {
  return readsChain(readerOf(viewer), target, target.chain.length);
}

/** Reads the parent, or there is none. Only readers of a parent may see its children. */
export function readsParent(viewer: Viewer, target: CommunityTarget): boolean {
  return readsChain(readerOf(viewer), target, target.chain.length - 1);
}

/** The same, for someone other than the viewer, judged on their own memberships (the target's). */
export function personReadsParent(target: CommunityTarget): boolean {
  return readsChain("member", target, target.chain.length - 1);
}

/** Knows the community exists: its name, purpose and size. */
export function seesCommunity(viewer: Viewer, target: CommunityTarget): boolean {
  if (isAdmin(viewer)) return true;
  if (!viewer.verified) return readsCommunity(viewer, target);
  const m = mine(target);
  return readsParent(viewer, target) && (self(target).visibility !== "private" || isActive(m) || isInvited(m));
}

export function isArchived(target: CommunityTarget): boolean {
  return target.chain.some((node) => node.archivedAt !== null);
}

export const notArchived = (_viewer: Viewer, target: CommunityTarget) => !isArchived(target);

export function managesCommunity(viewer: Viewer, target: CommunityTarget): boolean {
  return readsCommunity(viewer, target) && (isAdmin(viewer) || isFacilitator(mine(target)));
}

export function isLastOwner(target: CommunityTarget, m?: MembershipState | null): boolean {
  return isOwner(m) && (target.ownerCount ?? 1) <= 1;
}

/** The visibilities a community may have under this parent: never more open than it. */
export function allowedVisibilities(parent: Visibility | null): Visibility[] {
  return visibilities.filter((v) => parent === null || visibilityRank[v] >= visibilityRank[parent]);
}

export const LAST_OWNER = "A community needs an owner. Make someone else an owner first.";
const BANNED = "You cannot take part in this community.";
const NOBODY_NEW = "This community is archived, so nobody new can join it.";
const NO_INVITATION = "You have no invitation to this community, or it has expired.";
const bannedOr = (otherwise: string, banned = BANNED) => (_v: Viewer, t: CommunityTarget) => (isBanned(mine(t)) ? banned : otherwise);
const BANNED_READING = "You are banned from this community, so you cannot read it.";
/** Why someone who sees a community may not read it, and what they can do about it. */
const whyNotRead = (_v: Viewer, t: CommunityTarget) => {
  const m = mine(t);
  if (isBanned(m)) return BANNED_READING;
  if (isPending(m)) return "Discussions here are for members only. You can read them once your request to join is accepted.";
  if (isInvited(m)) return "Discussions here are for members only. Accept your invitation to read them.";
  if (self(t).visibility === "restricted" && !isArchived(t)) return "Discussions here are for members only. Ask to join to read and take part.";
  return "Discussions here are for members only.";
};
const isMe = (check: (m?: MembershipState) => boolean) => (_v: Viewer, t: CommunityTarget) => check(mine(t));
const isNot = (check: (m?: MembershipState) => boolean) => (_v: Viewer, t: CommunityTarget) => !check(mine(t));
const visibilityIs = (visibility: Visibility) => (_v: Viewer, t: CommunityTarget) => self(t).visibility === visibility;
const howToJoin = (_v: Viewer, t: CommunityTarget) =>
  ({
    open: "Anyone can join this community: there is no need to ask.",
    restricted: "People join this community by asking its facilitators.",
    private: "People join this community by invitation only.",
  })[self(t).visibility];

/** A change of who can find and join a community. */
export type VisibilityChangeTarget = CommunityTarget & { newVisibility: Visibility };

/** Fewer people could read it before: private to restricted, restricted to open, or private to open. */
export const opensUp = (t: VisibilityChangeTarget) => visibilityRank[t.newVisibility] < visibilityRank[self(t).visibility];

export const communityRules = {
  "community.view": rule<CommunityTarget>(must(seesCommunity, "We could not find that page.", 404)),
  "community.read": rule<CommunityTarget>(must(readsCommunity, whyNotRead)),
  "community.viewMembers": rule<CommunityTarget>(must(readsCommunity, bannedOr("The member list is for members of this community.", BANNED_READING))),
  "community.join": rule<CommunityTarget>(
    must(visibilityIs("open"), howToJoin),
    must(notArchived, NOBODY_NEW),
    must(readsCommunity, bannedOr("You cannot join this community.")),
    must(isNot(isActive), "You are already a member."),
  ),
  "community.request": rule<CommunityTarget>(
    must(visibilityIs("restricted"), howToJoin),
    must(notArchived, NOBODY_NEW),
    must(seesCommunity),
    must(isNot(isActive), "You are already a member."),
    must(isNot(isPending), "You have already asked to join. A facilitator will answer your request."),
    must(isNot(isInvited), "You have been invited: accept the invitation to join."),
    must(isNot(isBanned), BANNED),
  ),
  "community.withdrawRequest": rule<CommunityTarget>(must(isMe(isPending), "You have not asked to join this community.")),
  "community.acceptInvite": rule<CommunityTarget>(
    must(isMe(isInvited), NO_INVITATION),
    must(notArchived, NOBODY_NEW),
    must(readsParent, "Join the community above this one first."),
  ),
  "community.declineInvite": rule<CommunityTarget>(must(isMe(isInvited), NO_INVITATION)),
  "community.leave": rule<CommunityTarget>(
    must(isMe(isActive), "You are not a member of this community."),
    must((_v, t) => !isLastOwner(t, mine(t)), "You are its only owner. Make someone else an owner before you leave."),
  ),
  "community.createSub": rule<CommunityTarget>(
    must(
      (_v, t) => self(t).depth < MAX_DEPTH,
      (_v, t) => `Sub-communities go ${MAX_DEPTH} levels deep at most, so “${self(t).name}” cannot have its own.`,
      400,
    ),
    must(managesCommunity, (_v, t) => `Only the facilitators of ${self(t).name} can add sub-communities to it.`),
    must(notArchived, "This community is archived, so nothing new can be added to it."),
  ),
  "community.edit": rule<CommunityTarget>(
    must(managesCommunity, "Only the community's owners and facilitators can change it."),
    must(notArchived, "This community is archived. Bring it back to change it."),
  ),
  /** Closing a community is a facilitator's call; opening it to more people is for its owners (and site admins). */
  "community.changeVisibility": rule<VisibilityChangeTarget>(
    must(managesCommunity, "Only the community's owners and facilitators can change who can find and join it."),
    must(notArchived, "This community is archived. Bring it back to change it."),
    must(
      (_v, t) => allowedVisibilities(t.chain.at(-2)?.visibility ?? null).includes(t.newVisibility),
      (_v, t) => `A sub-community cannot be more open than “${t.chain.at(-2)?.name}”, which is ${t.chain.at(-2)?.visibility}.`,
      400,
    ),
    must((v, t) => !opensUp(t) || isAdmin(v) || isOwner(mine(t)), "Only the community's owners can open it to more people."),
  ),
  "community.archive": rule<CommunityTarget>(
    must(managesCommunity, "Only the community's owners and facilitators can archive it."),
    must((_v, t) => !t.chain.slice(0, -1).some((node) => node.archivedAt !== null), "A community above this one is archived. Bring that one back first."),
  ),
  "community.invite": rule<CommunityTarget>(
    must(notArchived, "This community is archived, so nobody new can be invited."),
    must(readsCommunity, bannedOr("Only members of this community can invite people to it.")),
    must(
      (v, t) => isAdmin(v) || isFacilitator(mine(t)) || (self(t).visibility === "open" && isActive(mine(t))),
      (_v, t) =>
        self(t).visibility === "open"
          ? "Only members of this community can invite people to it."
          : "Only the facilitators of this community can invite people to it.",
    ),
  ),
  "community.manageRequests": rule<CommunityTarget>(
    must(managesCommunity, "Only the community's facilitators can answer requests to join."),
    must(notArchived, NOBODY_NEW),
  ),
  "community.manageMembers": rule<CommunityTarget>(
    must(managesCommunity, "Only the community's facilitators can manage its members."),
    must(notArchived, "This community is archived, so its members cannot be changed."),
  ),
  /** Looks after the community's content: sees hidden items and earlier versions. */
  "community.moderate": rule<CommunityTarget>(must(managesCommunity, "Only this community's facilitators can moderate it.")),
  /**
   * Downloads the community's posts, replies, documents and members as an archive: its own
   * facilitators and owners (not those of a community above it only), and site admins.
   */
  "community.export": rule<CommunityTarget>(must(managesCommunity, "Only this community's facilitators can export it.")),
};
