"use server";

import { revalidatePath } from "next/cache";
import { toAppError } from "@/lib/errors";
import { getViewer } from "@/lib/auth/viewer";
import { formAction } from "@/lib/http/action-state";
import { saveDraft } from "@/lib/posts/drafts";
import {
  createComment,
  createPost,
  deleteComment,
  editComment,
  editPost,
  setAcceptedAnswer,
  setFollowing,
  toggleHelpfulComment,
  toggleHelpfulPost,
} from "@/lib/posts/mutations";

// Thin wrappers: each domain call checks the viewer and the policy itself.

const postPath = (slug: string, postId: string) => `/c/${slug}/posts/${postId}`;

export const createPostAction = formAction(async (viewer, values) => {
  const { slug, postId } = await createPost(viewer, values.slug ?? "", values);
  revalidatePath(`/c/${slug}`);
  return { redirectTo: postPath(slug, postId) };
});

export const editPostAction = formAction(async (viewer, values) => {
  const { slug, postId } = await editPost(viewer, values.postId ?? "", values);
  return { redirectTo: postPath(slug, postId) };
});

export const createCommentAction = formAction(async (viewer, values) => {
  const { slug, postId, commentId } = await createComment(viewer, values.postId ?? "", values);
  revalidatePath(postPath(slug, postId));
  return { redirectTo: `${postPath(slug, postId)}?last=1#comment-${commentId}` };
});

export const editCommentAction = formAction(async (viewer, values) => {
  const { slug, postId, commentId } = await editComment(viewer, values.commentId ?? "", values);
  return { redirectTo: `${postPath(slug, postId)}#comment-${commentId}` };
});

/** Runs a post action and refreshes the post page; the form shows any error beside it. */
function onPost(run: (values: Record<string, string>, viewer: Awaited<ReturnType<typeof getViewer>>) => Promise<{ slug: string; postId: string }>, message: string) {
  return formAction(async (viewer, values) => {
    const { slug, postId } = await run(values, viewer);
    revalidatePath(postPath(slug, postId));
    return { message };
  });
}

export const deleteCommentAction = onPost((v, viewer) => deleteComment(viewer, v.commentId ?? ""), "Reply deleted.");
export const acceptAnswerAction = onPost((v, viewer) => setAcceptedAnswer(viewer, v.postId ?? "", v), "Answer updated.");
export const helpfulPostAction = onPost((v, viewer) => toggleHelpfulPost(viewer, v.postId ?? ""), "Thanks for your feedback.");
export const helpfulCommentAction = onPost((v, viewer) => toggleHelpfulComment(viewer, v.commentId ?? ""), "Thanks for your feedback.");
export const followAction = onPost((v, viewer) => setFollowing(viewer, v.postId ?? "", v.follow === "true"), "Saved.");

/** Autosave from the editor. Returns a small result rather than throwing, as it runs in the background. */
export async function saveDraftAction(data: Record<string, string>): Promise<{ savedAt?: string; error?: string }> {
  try {
    const { savedAt } = await saveDraft(await getViewer(), data);
    return { savedAt: savedAt.toISOString() };
  } catch (error) {
    return { error: toAppError(error).message };
  }
}
