import type { PostKind } from "@/lib/db/schema";
import {
  type CommunityTarget,
  isActive,
  isArchived,
  managesCommunity,
  membershipIn,
  readsCommunity,
  self,
} from "./community-rules";
import type { Viewer } from "./viewer";

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

const isMember = (t: CommunityTarget) => isActive(membershipIn(t, self(t)));
const wrote = (v: Viewer, authorId: string | null) => authorId !== null && authorId === v.id;

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

/** The post is out in the open: published, not hidden, not deleted. */
const isLive = (t: PostTarget) => t.post.status === "published" && !t.post.hiddenAt && !t.post.deletedAt;

export const postRules = {
  "post.create": (v: Viewer, t: CommunityTarget) => !isArchived(t) && readsCommunity(v, t) && isMember(t),
  "post.read": readsPost,
  "post.comment": (v: Viewer, t: PostTarget) =>
    readsPost(v, t) &&
    isLive(t) &&
    !isArchived(t) &&
    !t.post.lockedAt &&
    (isMember(t) || (t.allowNonMemberComments && self(t).visibility === "open")),
  "post.edit": (v: Viewer, t: PostTarget) => wrote(v, t.post.authorId) && readsPost(v, t) && !isArchived(t),
  "post.acceptAnswer": (v: Viewer, t: PostTarget) =>
    t.post.kind === "question" &&
    isLive(t) &&
    !isArchived(t) &&
    readsPost(v, t) &&
    (wrote(v, t.post.authorId) || managesCommunity(v, t)),
  "post.react": (v: Viewer, t: PostTarget) =>
    isLive(t) && !isArchived(t) && readsPost(v, t) && isMember(t) && !wrote(v, t.post.authorId),
  "post.follow": readsPost,
  "comment.edit": (v: Viewer, t: CommentTarget) =>
    wrote(v, t.comment.authorId) && !t.comment.deletedAt && readsPost(v, t) && !isArchived(t) && !t.post.lockedAt,
  "comment.delete": (v: Viewer, t: CommentTarget) =>
    wrote(v, t.comment.authorId) && !t.comment.deletedAt && readsPost(v, t) && !isArchived(t),
  "comment.react": (v: Viewer, t: CommentTarget) =>
    isLive(t) &&
    !t.comment.deletedAt &&
    !t.comment.hiddenAt &&
    !isArchived(t) &&
    readsPost(v, t) &&
    isMember(t) &&
    !wrote(v, t.comment.authorId),
  "comment.viewRevisions": (v: Viewer, t: CommentTarget) =>
    readsPost(v, t) && (managesCommunity(v, t) || wrote(v, t.comment.authorId)),
};
