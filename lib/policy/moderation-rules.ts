import { type CommunityTarget, isArchived, isOwner, managesCommunity, mine, self } from "./community-rules";
import { isLive, readsPost, type CommentTarget, type PostTarget } from "./post-rules";
import { must, rule } from "./rule";
import { isActiveAccount, isAdmin, wrote, type Viewer } from "./viewer-rules";

/** A post moved from one community (the target) to another; an owner may confirm that more people will read it. */
export type MoveTarget = PostTarget & { destination: CommunityTarget; wideningConfirmed?: boolean };

/**
 * Moving the post would let people read it who cannot read it where it was written: it sits
 * somewhere not open to all, and the destination is not inside that community (whose readers
 * must all read it first).
 */
export function widensAudience(t: MoveTarget): boolean {
  const openToAll = t.chain.every((node) => node.visibility === "open");
  return !openToAll && !t.destination.chain.some((node) => node.id === self(t).id);
}
const ownsSource = (v: Viewer, t: MoveTarget) => isAdmin(v) || isOwner(mine(t));

const notDeleted = (_v: Viewer, t: PostTarget) => !t.post.deletedAt;
const FACILITATORS_ONLY = "Only this community's facilitators can do that.";

export const moderationRules = {
  /** Pin, lock, hide, restore, approve, reject and edit with a reason: the community's facilitators. */
  "post.moderate": rule<PostTarget>(must(notDeleted, "This post has been deleted."), must(managesCommunity, FACILITATORS_ONLY)),
  "post.delete": rule<PostTarget>(
    must(notDeleted, "This post has already been deleted."),
    must(
      (v, t) => managesCommunity(v, t) || (wrote(v, t.post.authorId) && readsPost(v, t) && !isArchived(t)),
      (v, t) =>
        wrote(v, t.post.authorId) && isArchived(t)
          ? "This community is archived, so nothing in it can change."
          : "Only the author or a facilitator can delete this post.",
    ),
  ),
  /** Moves need the facilitator's hand in both places, and the new home must be open for posts. */
  "post.move": rule<MoveTarget>(
    must(notDeleted, "This post has been deleted."),
    must(managesCommunity, FACILITATORS_ONLY),
    must((_v, t) => t.post.kind !== "event", "An event stays in the community that arranged it."),
    must((v, t) => managesCommunity(v, t.destination), "You can move posts only to communities you look after."),
    must((_v, t) => !isArchived(t.destination), "You cannot move a post into an archived community."),
    must((_v, t) => self(t.destination).id !== self(t).id, "The post is already there."),
    must(
      (v, t) => !widensAudience(t) || (ownsSource(v, t) && t.wideningConfirmed === true),
      (v, t) =>
        ownsSource(v, t)
          ? "People who cannot read it here could read it there. Confirm that you want to move it."
          : "People who cannot read it here could read it there, so only an owner of this community can move it.",
    ),
  ),
  "post.report": rule<PostTarget>(
    must((_v, t) => isLive(t.post), "Only posts that members can see can be reported."),
    must(readsPost),
    must((v, t) => !wrote(v, t.post.authorId), "You cannot report your own post."),
  ),
  "comment.moderate": rule<CommentTarget>(must((_v, t) => !t.comment.deletedAt, "This reply has been deleted."), must(managesCommunity, FACILITATORS_ONLY)),
  "comment.report": rule<CommentTarget>(
    must((_v, t) => isLive(t.post) && !t.comment.deletedAt && !t.comment.hiddenAt, "Only replies that members can see can be reported."),
    must(readsPost),
    must((v, t) => !wrote(v, t.comment.authorId), "You cannot report your own reply."),
  ),
};

/** Site-wide: only site admins suspend accounts, and never their own; a suspended account is out of sight of everyone else. */
export const siteRules = {
  /** A person's profile: their own; anyone else's once the viewer's address is proven, and if theirs is and they are not suspended. */
  "user.view": rule<{ userId: string; status: Viewer["status"]; verified: boolean }>(
    must(
      (v, t) => t.userId === v.id || isAdmin(v) || (v.verified && t.verified && isActiveAccount(t)),
      "We could not find that page.",
      404,
    ),
  ),
  "user.suspend": rule<{ userId: string }>(
    must((v) => isAdmin(v), "Only site administrators can suspend accounts."),
    must((v, t) => t.userId !== v.id, "You cannot suspend your own account."),
  ),
  /** Moving one's account to a new address: only an account whose present address is proven. */
  "account.changeEmail": rule<Record<string, never>>(must((v) => v.verified)),
  /** Opening an invitation link: only an account whose address is proven learns which community it is for. */
  "invitation.open": rule<Record<string, never>>(must((v) => v.verified)),
  "site.viewLog": rule<Record<string, never>>(must((v) => isAdmin(v), "Only site administrators can see the site-wide log.")),
};
