import { eq, getTableColumns } from "drizzle-orm";
import { cache } from "react";
import { loadCommunity, type LoadedCommunity } from "@/lib/communities/load";
import { getDb, type Db } from "@/lib/db/client";
import { comments, posts, type CommentRow, type CommunityRow, type PostKind, type PostRow } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { authorize, type Action, type CommentTarget, type CommunityTarget, type PostTarget, type Viewer } from "@/lib/policy";
import { isUuid } from "@/lib/validation";

// Loads posts and replies as the policy decides on them. Every domain function that acts on
// a post or a reply starts here.

// Everything but the search document, which only search reads.
const { searchVector: _postSearch, ...postColumns } = getTableColumns(posts);
const { searchVector: _commentSearch, ...commentColumns } = getTableColumns(comments);

export type LoadedPost = { post: PostRow; community: CommunityRow; target: PostTarget; ancestors: LoadedCommunity["ancestors"] };
export type LoadedComment = LoadedPost & { comment: CommentRow; target: CommentTarget };
/** The actions decided on a post alone (a move also needs the destination). */
type PostAction = Exclude<Action & `post.${string}`, "post.create" | "post.move">;

function postTarget(post: PostRow, community: CommunityRow, base: CommunityTarget): PostTarget {
  const { authorId, kind, status, lockedAt, hiddenAt, deletedAt } = post;
  return { ...base, allowNonMemberComments: community.allowNonMemberComments, post: { authorId, kind, status, lockedAt, hiddenAt, deletedAt } };
}

/** A post with its community chain and the viewer's memberships, for a policy decision. */
export async function loadPost(db: Db, viewer: Viewer, postId: string): Promise<LoadedPost | null> {
  if (!isUuid(postId)) return null;
  const [post] = await db.select(postColumns).from(posts).where(eq(posts.id, postId));
  if (!post) return null;
  const loaded = await loadCommunity(db, viewer, { id: post.communityId });
  if (!loaded) return null;
  return { post, community: loaded.community, target: postTarget(post, loaded.community, loaded.target), ancestors: loaded.ancestors };
}

/** Loads a post and checks an action on it; a post the viewer may not read is a 404. */
export async function loadAuthorizedPost(db: Db, viewer: Viewer, postId: string, action: PostAction): Promise<LoadedPost> {
  const loaded = await loadPost(db, viewer, postId);
  if (!loaded) throw notFound();
  authorize(viewer, action, loaded.target);
  return loaded;
}

/**
 * A post the viewer may read, loaded once per request however many parts of a page ask for it
 * (the thread and its attachments). For reads only: writes load afresh with loadAuthorizedPost.
 */
export const loadReadablePost = cache(async (viewer: Viewer, postId: string) => loadAuthorizedPost(await getDb(), viewer, postId, "post.read"));

/** Loads a reply with its post and checks an action on it; one the viewer may not read is a 404. */
export async function loadAuthorizedComment(db: Db, viewer: Viewer, commentId: string, action: Action & `comment.${string}`): Promise<LoadedComment> {
  if (!isUuid(commentId)) throw notFound();
  const [comment] = await db.select(commentColumns).from(comments).where(eq(comments.id, commentId));
  if (!comment) throw notFound();
  const loaded = await loadPost(db, viewer, comment.postId);
  if (!loaded) throw notFound();
  const target: CommentTarget = { ...loaded.target, comment: { authorId: comment.authorId, deletedAt: comment.deletedAt, hiddenAt: comment.hiddenAt } };
  authorize(viewer, action, target);
  return { ...loaded, comment, target };
}

/** Where a post is read: an event's post is read on the event's own page. */
export function threadPath(slug: string, post: { id: string; kind: PostKind }): string {
  return post.kind === "event" ? `/c/${slug}/events/${post.id}` : `/c/${slug}/posts/${post.id}`;
}
