import type { MembershipRole, MembershipStatus, Visibility } from "@/lib/db/schema";
import { isAdmin, type Viewer } from "./viewer";

/** One community in a chain from the top-level community down. */
export type CommunityNode = {
  id: string;
  parentId: string | null;
  depth: number;
  visibility: Visibility;
  archivedAt: Date | null;
};

export type MembershipState = {
  role: MembershipRole;
  status: MembershipStatus;
  bannedUntil: Date | null;
  inviteExpiresAt: Date | null;
};

/** A community with its ancestors (root first, itself last) and the viewer's memberships in them. */
export type CommunityTarget = {
  chain: CommunityNode[];
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

export const isActive = (m?: MembershipState) => m?.status === "active";
export const isPending = (m?: MembershipState) => m?.status === "pending";
export const isBanned = (m?: MembershipState, now = new Date()) =>
  m?.status === "banned" && (m.bannedUntil === null || m.bannedUntil > now);
export const isInvited = (m?: MembershipState, now = new Date()) =>
  m?.status === "invited" && (m.inviteExpiresAt === null || m.inviteExpiresAt > now);
export const isOwner = (m?: MembershipState) => isActive(m) && m?.role === "owner";
export const isFacilitator = (m?: MembershipState) =>
  isActive(m) && (m?.role === "owner" || m?.role === "facilitator");

function readsItself(viewer: Viewer, target: CommunityTarget, node: CommunityNode): boolean {
  if (isAdmin(viewer)) return true;
  const m = membershipIn(target, node);
  return !isBanned(m) && (node.visibility === "open" || isActive(m));
}

/** Can read the first `count` communities of the chain. */
function readsChain(viewer: Viewer, target: CommunityTarget, count: number): boolean {
  return target.chain.slice(0, count).every((node) => readsItself(viewer, target, node));
}

/** Reads the community's content: every community above it, and it, let the viewer in. */
export function readsCommunity(viewer: Viewer, target: CommunityTarget): boolean {
  return readsChain(viewer, target, target.chain.length);
}

/** Reads the parent, or there is none. Only readers of a parent may see its children. */
export function readsParent(viewer: Viewer, target: CommunityTarget): boolean {
  return readsChain(viewer, target, target.chain.length - 1);
}

/** Knows the community exists: its name, purpose and size. */
export function seesCommunity(viewer: Viewer, target: CommunityTarget): boolean {
  if (isAdmin(viewer)) return true;
  const m = membershipIn(target, self(target));
  return (
    readsParent(viewer, target) &&
    (self(target).visibility !== "private" || isActive(m) || isInvited(m))
  );
}

export function isArchived(target: CommunityTarget): boolean {
  return target.chain.some((node) => node.archivedAt !== null);
}

export function managesCommunity(viewer: Viewer, target: CommunityTarget): boolean {
  return (
    readsCommunity(viewer, target) &&
    (isAdmin(viewer) || isFacilitator(membershipIn(target, self(target))))
  );
}

export function isLastOwner(target: CommunityTarget, m?: MembershipState): boolean {
  return isOwner(m) && (target.ownerCount ?? 1) <= 1;
}
