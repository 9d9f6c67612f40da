import { eq, getTableColumns } from "drizzle-orm";
import { loadCommunity } from "@/lib/communities/access";
import type { Db } from "@/lib/db/client";
import { comments, posts, type CommentRow, type CommunityRow, type PostRow } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import {
  assertActiveViewer,
  authorize,
  type Action,
  type CommentTarget,
  type CommunityTarget,
  type MaybeViewer,
  type PostTarget,
} from "@/lib/policy";

// Everything but the search document, which only search reads.
const { searchVector: _postSearch, ...postColumns } = getTableColumns(posts);
const { searchVector: _commentSearch, ...commentColumns } = getTableColumns(comments);

export type LoadedPost = { post: PostRow; community: CommunityRow; target: PostTarget };

function postTarget(post: PostRow, community: CommunityRow, base: CommunityTarget): PostTarget {
  return {
    ...base,
    allowNonMemberComments: community.allowNonMemberComments,
    post: {
      authorId: post.authorId,
      kind: post.kind,
      status: post.status,
      lockedAt: post.lockedAt,
      hiddenAt: post.hiddenAt,
      deletedAt: post.deletedAt,
    },
  };
}

/** A post with its community chain and the viewer's memberships, for a policy decision. */
export async function loadPost(db: Db, viewer: MaybeViewer, postId: string): Promise<LoadedPost | null> {
  if (!/^[0-9a-f-]{36}$/i.test(postId)) return null;
  const [post] = await db.select(postColumns).from(posts).where(eq(posts.id, postId));
  if (!post) return null;
  const loaded = await loadCommunity(db, viewer, { id: post.communityId });
  if (!loaded) return null;
  return { post, community: loaded.community, target: postTarget(post, loaded.community, loaded.target) };
}

/** Loads a post and checks an action on it; a post the viewer may not read is a 404. */
export async function loadAuthorizedPost(
  db: Db,
  viewer: MaybeViewer,
  postId: string,
  action: Action & `post.${string}`,
  message?: string,
): Promise<LoadedPost> {
  assertActiveViewer(viewer);
  const loaded = await loadPost(db, viewer, postId);
  if (!loaded) throw notFound();
  authorize(viewer, action as "post.read", loaded.target, message);
  return loaded;
}

export type LoadedComment = LoadedPost & { comment: CommentRow; target: CommentTarget };

export async function loadAuthorizedComment(
  db: Db,
  viewer: MaybeViewer,
  commentId: string,
  action: Action & `comment.${string}`,
): Promise<LoadedComment> {
  assertActiveViewer(viewer);
  if (!/^[0-9a-f-]{36}$/i.test(commentId)) throw notFound();
  const [comment] = await db.select(commentColumns).from(comments).where(eq(comments.id, commentId));
  if (!comment) throw notFound();
  const loaded = await loadPost(db, viewer, comment.postId);
  if (!loaded) throw notFound();
  const target: CommentTarget = {
    ...loaded.target,
    comment: { authorId: comment.authorId, deletedAt: comment.deletedAt, hiddenAt: comment.hiddenAt },
  };
  authorize(viewer, action as "comment.edit", target);
  return { ...loaded, comment, target };
}
