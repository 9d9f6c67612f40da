import type { PostKind, PremoderationMode } from "@/lib/db/schema";
import {
  type CommunityTarget,
  isActive,
  isBanned,
  isFacilitator,
  managesCommunity,
  mine,
  notArchived,
  readsCommunity,
  self,
} from "./community-rules";
import { must, rule } from "./rule";
import { isAdmin, wrote, type Viewer } from "./viewer-rules";

/** A post with its community, as a policy decision needs it. */
export type PostTarget = CommunityTarget & {
  allowNonMemberComments: boolean;
  post: {
    authorId: string | null;
    kind: PostKind;
    status: "published" | "pending";
    lockedAt: Date | null;
    hiddenAt: Date | null;
    deletedAt: Date | null;
  };
};

export type CommentTarget = PostTarget & {
  comment: { authorId: string | null; deletedAt: Date | null; hiddenAt: Date | null };
};

/** Out in the open: published, not hidden, not deleted. SQL twin: `publicPosts`. */
export function isLive(post: { status: string; hiddenAt: Date | null; deletedAt: Date | null }): boolean {
  return post.status === "published" && !post.hiddenAt && !post.deletedAt;
}

const isMember = (_v: Viewer, t: CommunityTarget) => isActive(mine(t));

/**
 * Why someone who is not a member may not post or reply, and what they can do about it: the
 * banned are told so; a reader of an open community can join it; anyone else is told it is for members.
 */
const membersOnly = (doing: string) => (v: Viewer, t: CommunityTarget) =>
  isBanned(mine(t))
    ? `You are banned from this community, so you cannot ${doing} here.`
    : self(t).visibility === "open" && readsCommunity(v, t)
      ? `Join this community to ${doing} here.`
      : `Only members of this community can ${doing} here.`;

/**
 * Reads the post: reads its community, and the post is public there, or is the viewer's own,
 * or the viewer looks after the community. Deleted posts are gone for everyone.
 */
export function readsPost(v: Viewer, t: PostTarget): boolean {
  const { post } = t;
  if (post.deletedAt || !readsCommunity(v, t)) return false;
  const isPublic = post.status === "published" && post.hiddenAt === null;
  return isPublic || wrote(v, post.authorId) || managesCommunity(v, t);
}

/** Reads the reply: reads the post, and the reply is not deleted, nor hidden unless theirs or they look after the community. */
export function readsComment(v: Viewer, t: CommentTarget): boolean {
  const { comment } = t;
  return readsPost(v, t) && !comment.deletedAt && (!comment.hiddenAt || wrote(v, comment.authorId) || managesCommunity(v, t));
}

const live = (_v: Viewer, t: PostTarget) => isLive(t.post);
/** Why a post that is not live takes nothing new: it waits for approval, or it is hidden. */
const notLive = (what: string) => (_v: Viewer, t: PostTarget) =>
  t.post.status === "pending"
    ? `This post is waiting for a facilitator's approval, so it takes no ${what} yet.`
    : `A facilitator has hidden this post, so it takes no ${what}.`;
const liveComment = (_v: Viewer, t: CommentTarget) => !t.comment.deletedAt && !t.comment.hiddenAt;
const wroteComment = (v: Viewer, t: CommentTarget) => wrote(v, t.comment.authorId);
const ARCHIVED = "This community is archived, so nothing in it can change.";

export const postRules = {
  "post.create": rule<CommunityTarget>(
    must(notArchived, "This community is archived, so it takes no new posts."),
    must(readsCommunity, membersOnly("post")),
    must(isMember, membersOnly("post")),
  ),
  "post.read": rule<PostTarget>(must(readsPost, "We could not find that page.", 404)),
  "post.follow": rule<PostTarget>(must(readsPost, "We could not find that page.", 404)),
  /** Its earlier versions and what changed: whoever reads the post. */
  "post.viewHistory": rule<PostTarget>(must(readsPost, "We could not find that page.", 404)),
  "post.comment": rule<PostTarget>(
    must(readsPost),
    must(notArchived, "This community is archived, so it takes no new replies."),
    must(live, notLive("new replies")),
    must((_v, t) => !t.post.lockedAt, "This post is locked, so it takes no new replies."),
    must<PostTarget>(
      (v, t) => isMember(v, t) || (t.allowNonMemberComments && self(t).visibility === "open"),
      membersOnly("reply"),
    ),
  ),
  "post.edit": rule<PostTarget>(
    must((v, t) => wrote(v, t.post.authorId), "Only the author can edit this post."),
    must((_v, t) => t.post.kind !== "event", "An event is changed on its own page."),
    must(readsPost),
    must(notArchived, ARCHIVED),
  ),
  "post.acceptAnswer": rule<PostTarget>(
    must((_v, t) => t.post.kind === "question", "Only questions have an accepted answer."),
    must(live, notLive("answers")),
    must(notArchived, ARCHIVED),
    must(readsPost),
    must((v, t) => wrote(v, t.post.authorId) || managesCommunity(v, t), "Only the person who asked, or a facilitator, can choose the answer."),
  ),
  "post.react": rule<PostTarget>(
    must(live, notLive("helpful marks")),
    must(notArchived, ARCHIVED),
    must(readsPost),
    must(isMember, "Only members of this community can mark posts as helpful."),
    must((v, t) => !wrote(v, t.post.authorId), "You cannot mark your own post as helpful."),
  ),
  "comment.read": rule<CommentTarget>(must(readsComment, "We could not find that reply.", 404)),
  "comment.edit": rule<CommentTarget>(
    must(wroteComment, "You can only edit your own replies."),
    must((_v, t) => !t.comment.deletedAt, "This reply has been deleted."),
    must(readsPost),
    must(notArchived, ARCHIVED),
    must((_v, t) => !t.post.lockedAt, "This post is locked, so its replies cannot be changed."),
  ),
  "comment.delete": rule<CommentTarget>(
    must(wroteComment, "You can only delete your own replies."),
    must((_v, t) => !t.comment.deletedAt, "This reply has already been deleted."),
    must(readsPost),
    must(notArchived, ARCHIVED),
  ),
  "comment.react": rule<CommentTarget>(
    must(live, notLive("helpful marks")),
    must(liveComment, "This reply has been removed."),
    must(notArchived, ARCHIVED),
    must(readsPost),
    must(isMember, "Only members of this community can mark replies as helpful."),
    must((v, t) => !wroteComment(v, t), "You cannot mark your own reply as helpful."),
  ),
  "comment.viewRevisions": rule<CommentTarget>(
    must(readsPost),
    must((v, t) => managesCommunity(v, t) || wroteComment(v, t), "Only the author and the facilitators see earlier versions."),
  ),
};

/** A community's pre-moderation setting, as the posting rule needs it. */
export type Premoderation = { premoderation: PremoderationMode; premoderationDays: number };

const DAY = 24 * 60 * 60 * 1000;

/**
 * Whether a new post from the viewer waits for a facilitator: when the community
 * pre-moderates everyone, or members who joined within the last N days. Facilitators and
 * site admins are never held back. Asked after `post.create` allowed the post.
 */
export function needsApproval(viewer: Viewer, target: CommunityTarget, settings: Premoderation, now = new Date()): boolean {
  if (settings.premoderation === "off" || isAdmin(viewer)) return false;
  const membership = mine(target);
  if (isFacilitator(membership)) return false;
  if (settings.premoderation === "everyone") return true;
  const joined = membership?.joinedAt ?? now;
  return now.getTime() - joined.getTime() < settings.premoderationDays * DAY;
}
