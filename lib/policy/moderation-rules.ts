import {
  type CommunityTarget,
  type MembershipState,
  isActive,
  isArchived,
  isBanned,
  isLastOwner,
  isOwner,
  managesCommunity,
  membershipIn,
  self,
} from "./community-rules";
import { readsPost, type CommentTarget, type PostTarget } from "./post-rules";
import { isAdmin, type Viewer } from "./viewer";

/** Someone a facilitator acts on: their membership here, if any. */
export type PersonTarget = CommunityTarget & {
  subject: { userId: string; membership: MembershipState | null };
};

/** A post moved from one community (the target) to another. */
export type MoveTarget = PostTarget & { destination: CommunityTarget };

const wrote = (v: Viewer, authorId: string | null) => authorId !== null && authorId === v.id;
const isLive = (t: PostTarget) => t.post.status === "published" && !t.post.hiddenAt && !t.post.deletedAt;

/**
 * The actor may act on the person: admins and owners on anyone but themselves and the last
 * owner; facilitators on members and people who are not members.
 */
function outranks(v: Viewer, t: PersonTarget): boolean {
  const theirs = t.subject.membership ?? undefined;
  if (t.subject.userId === v.id) return false;
  if (isLastOwner(t, theirs)) return false;
  if (isAdmin(v) || isOwner(membershipIn(t, self(t)))) return true;
  return !isActive(theirs) || theirs?.role === "member";
}

export const moderationRules = {
  /** Pin, lock, hide, restore, approve, reject and edit with a reason: the community's facilitators. */
  "post.moderate": (v: Viewer, t: PostTarget) => !t.post.deletedAt && managesCommunity(v, t),
  "post.delete": (v: Viewer, t: PostTarget) =>
    !t.post.deletedAt && (managesCommunity(v, t) || (wrote(v, t.post.authorId) && readsPost(v, t) && !isArchived(t))),
  /** Moves need the facilitator's hand in both places, and the new home must be open for posts. */
  "post.move": (v: Viewer, t: MoveTarget) =>
    !t.post.deletedAt &&
    managesCommunity(v, t) &&
    managesCommunity(v, t.destination) &&
    !isArchived(t.destination) &&
    self(t.destination).id !== self(t).id,
  "post.report": (v: Viewer, t: PostTarget) => isLive(t) && readsPost(v, t) && !wrote(v, t.post.authorId),
  "comment.moderate": (v: Viewer, t: CommentTarget) => !t.comment.deletedAt && managesCommunity(v, t),
  "comment.report": (v: Viewer, t: CommentTarget) =>
    isLive(t) && !t.comment.deletedAt && !t.comment.hiddenAt && readsPost(v, t) && !wrote(v, t.comment.authorId),
  "member.ban": (v: Viewer, t: PersonTarget) =>
    managesCommunity(v, t) && !isBanned(t.subject.membership ?? undefined) && outranks(v, t),
  "member.unban": (v: Viewer, t: PersonTarget) =>
    managesCommunity(v, t) && t.subject.membership?.status === "banned",
};

/** Site-wide: only site admins suspend accounts, and never their own. */
export const siteRules = {
  "user.suspend": (v: Viewer, t: { userId: string }) => isAdmin(v) && t.userId !== v.id,
  "site.viewLog": (v: Viewer) => isAdmin(v),
};
