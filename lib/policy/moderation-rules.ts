import { type CommunityTarget, isArchived, managesCommunity, self } from "./community-rules";
import { isLive, readsPost, type CommentTarget, type PostTarget } from "./post-rules";
import { must, rule } from "./rule";
import { isActiveAccount, isAdmin, wrote, type Viewer } from "./viewer-rules";

/** A post moved from one community (the target) to another. */
export type MoveTarget = PostTarget & { destination: CommunityTarget };

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
  "user.view": rule<{ userId: string; status: Viewer["status"] }>(
    must((v, t) => isActiveAccount(t) || (isAdmin(v) && t.userId !== v.id), "We could not find that page.", 404),
  ),
  "user.suspend": rule<{ userId: string }>(
    must((v) => isAdmin(v), "Only site administrators can suspend accounts."),
    must((v, t) => t.userId !== v.id, "You cannot suspend your own account."),
  ),
  "site.viewLog": rule<Record<string, never>>(must((v) => isAdmin(v), "Only site administrators can see the site-wide log.")),
};
