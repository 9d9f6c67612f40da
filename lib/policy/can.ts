import type { MembershipRole } from "@/lib/db/schema";
import { forbidden, notFound, unauthenticated } from "@/lib/errors";
import {
  type CommunityTarget,
  type MembershipState,
  MAX_DEPTH,
  isActive,
  isArchived,
  isBanned,
  isFacilitator,
  isInvited,
  isLastOwner,
  isOwner,
  isPending,
  managesCommunity,
  membershipIn,
  readsCommunity,
  readsParent,
  seesCommunity,
  self,
} from "./community-rules";
import { type MoveTarget, type PersonTarget, moderationRules, siteRules } from "./moderation-rules";
import { type CommentTarget, type PostTarget, postRules } from "./post-rules";
import { isActiveViewer, isAdmin, type MaybeViewer, type Viewer } from "./viewer";

/** A member of a community that someone wants to act on. */
export type MemberTarget = CommunityTarget & {
  subject: MembershipState & { userId: string };
  newRole?: MembershipRole;
};

type Targets = {
  "community.view": CommunityTarget;
  "community.read": CommunityTarget;
  "community.join": CommunityTarget;
  "community.request": CommunityTarget;
  "community.withdrawRequest": CommunityTarget;
  "community.acceptInvite": CommunityTarget;
  "community.declineInvite": CommunityTarget;
  "community.leave": CommunityTarget;
  "community.createSub": CommunityTarget;
  "community.edit": CommunityTarget;
  "community.archive": CommunityTarget;
  "community.invite": CommunityTarget;
  "community.manageRequests": CommunityTarget;
  "community.manageMembers": CommunityTarget;
  "community.viewMembers": CommunityTarget;
  "community.moderate": CommunityTarget;
  "member.setRole": MemberTarget;
  "member.remove": MemberTarget;
  "post.create": CommunityTarget;
  "post.read": PostTarget;
  "post.comment": PostTarget;
  "post.edit": PostTarget;
  "post.acceptAnswer": PostTarget;
  "post.react": PostTarget;
  "post.follow": PostTarget;
  "comment.edit": CommentTarget;
  "comment.delete": CommentTarget;
  "comment.react": CommentTarget;
  "comment.viewRevisions": CommentTarget;
  "post.moderate": PostTarget;
  "post.delete": PostTarget;
  "post.move": MoveTarget;
  "post.report": PostTarget;
  "comment.moderate": CommentTarget;
  "comment.report": CommentTarget;
  "member.ban": PersonTarget;
  "member.unban": PersonTarget;
  "user.suspend": { userId: string };
  "site.viewLog": Record<string, never>;
};

export type Action = keyof Targets;

const mine = (t: CommunityTarget) => membershipIn(t, self(t));

/** Each rule assumes a signed-in, active viewer; `can` checks that first. */
const rules: { [A in Action]: (viewer: Viewer, target: Targets[A]) => boolean } = {
  "community.view": seesCommunity,
  "community.read": readsCommunity,
  "community.join": (v, t) =>
    self(t).visibility === "open" && !isArchived(t) && readsCommunity(v, t) && !isActive(mine(t)),
  "community.request": (v, t) =>
    self(t).visibility === "restricted" &&
    !isArchived(t) &&
    seesCommunity(v, t) &&
    !isActive(mine(t)) &&
    !isPending(mine(t)) &&
    !isInvited(mine(t)) &&
    !isBanned(mine(t)),
  "community.withdrawRequest": (_v, t) => isPending(mine(t)),
  "community.acceptInvite": (v, t) =>
    isInvited(mine(t)) && !isArchived(t) && readsParent(v, t),
  "community.declineInvite": (_v, t) => isInvited(mine(t)),
  "community.leave": (_v, t) => isActive(mine(t)) && !isLastOwner(t, mine(t)),
  "community.createSub": (v, t) =>
    managesCommunity(v, t) && !isArchived(t) && self(t).depth < MAX_DEPTH,
  "community.edit": (v, t) => managesCommunity(v, t) && !isArchived(t),
  "community.archive": (v, t) =>
    managesCommunity(v, t) && !t.chain.slice(0, -1).some((node) => node.archivedAt !== null),
  "community.invite": (v, t) =>
    !isArchived(t) &&
    readsCommunity(v, t) &&
    (isAdmin(v) ||
      isFacilitator(mine(t)) ||
      (self(t).visibility === "open" && isActive(mine(t)))),
  "community.manageRequests": (v, t) => managesCommunity(v, t) && !isArchived(t),
  "community.manageMembers": (v, t) => managesCommunity(v, t) && !isArchived(t),
  "community.viewMembers": readsCommunity,
  /** Looks after the community's content: sees hidden items and earlier versions. */
  "community.moderate": managesCommunity,
  "member.setRole": (v, t) => {
    const { subject, newRole } = t;
    if (!managesCommunity(v, t) || isArchived(t) || !isActive(subject) || !newRole) return false;
    if (subject.role === newRole) return false;
    const isSelf = subject.userId === v.id;
    if (isSelf && rank(newRole) > rank(subject.role)) return false;
    if (isLastOwner(t, subject)) return false;
    if (isAdmin(v) || isOwner(mine(t))) return true;
    // Facilitators promote members to facilitator, and may step down themselves.
    if (isSelf) return newRole === "member";
    return subject.role === "member" && newRole === "facilitator";
  },
  ...postRules,
  ...moderationRules,
  ...siteRules,
  "member.remove": (v, t) => {
    const { subject } = t;
    if (!managesCommunity(v, t) || isArchived(t) || !isActive(subject)) return false;
    if (subject.userId === v.id || isLastOwner(t, subject)) return false;
    if (isAdmin(v) || isOwner(mine(t))) return true;
    return subject.role === "member";
  },
};

function rank(role: MembershipRole): number {
  return role === "owner" ? 2 : role === "facilitator" ? 1 : 0;
}

/** The one place that decides whether a viewer may do something. */
export function can<A extends Action>(viewer: MaybeViewer, action: A, target: Targets[A]): boolean {
  if (!isActiveViewer(viewer)) return false;
  return rules[action](viewer, target);
}

const refusals: Partial<Record<Action, string>> = {
  "community.join": "You cannot join this community.",
  "community.request": "You cannot ask to join this community.",
  "community.leave": "You cannot leave this community.",
  "community.createSub": "You cannot add a sub-community here.",
  "community.edit": "Only the community's owners and facilitators can change it.",
  "community.archive": "Only the community's owners and facilitators can archive it.",
  "community.invite": "You cannot invite people to this community.",
  "community.manageRequests": "Only the community's facilitators can answer requests to join.",
  "community.manageMembers": "Only the community's facilitators can manage its members.",
  "member.setRole": "You cannot change this member's role.",
  "member.remove": "You cannot remove this member.",
  "post.create": "Only members of this community can post here.",
  "post.comment": "You cannot reply to this post.",
  "post.edit": "Only the author can edit this post.",
  "post.acceptAnswer": "Only the person who asked, or a facilitator, can choose the answer.",
  "post.react": "You cannot mark this as helpful.",
  "comment.edit": "You can only edit your own replies.",
  "comment.delete": "You can only delete your own replies.",
  "comment.react": "You cannot mark this as helpful.",
  "post.moderate": "Only this community's facilitators can do that.",
  "post.delete": "Only the author or a facilitator can delete this post.",
  "post.move": "You can move posts only between communities you look after, and not into an archived one.",
  "post.report": "You cannot report this post.",
  "comment.moderate": "Only this community's facilitators can do that.",
  "comment.report": "You cannot report this reply.",
  "member.ban": "You cannot ban this person.",
  "member.unban": "You cannot lift this ban.",
  "user.suspend": "Only site administrators can suspend accounts, and not their own.",
  "site.viewLog": "Only site administrators can see the site-wide log.",
};

/** Throws 401 when nobody is signed in and 403 when the account is suspended. */
export function assertActiveViewer(viewer: MaybeViewer): asserts viewer is Viewer {
  if (!viewer) throw unauthenticated();
  if (!isActiveViewer(viewer)) throw forbidden("Your account is suspended.");
}

/**
 * Throws unless the viewer may act: 401 when signed out, 404 when the community is not
 * visible to them (so it does not exist for them), 403 otherwise.
 */
export function authorize<A extends Action>(
  viewer: MaybeViewer,
  action: A,
  target: Targets[A],
  message?: string,
): asserts viewer is Viewer {
  assertActiveViewer(viewer);
  if (can(viewer, action, target)) return;
  if ("chain" in target && !can(viewer, "community.view", target as CommunityTarget)) throw notFound();
  if ("post" in target && !can(viewer, "post.read", target as PostTarget)) throw notFound();
  throw forbidden(message ?? refusals[action] ?? "You cannot do that here.");
}
