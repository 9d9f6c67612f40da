"use server";

import { revalidatePath } from "next/cache";
import { requireActiveViewer, type Viewer } from "@/lib/auth/request-viewer";
import { toAppError } from "@/lib/errors";
import { fieldsOf, signedInFormAction } from "@/lib/http/form-action";
import { saveDraft } from "@/lib/posts/drafts";
import { createComment, createPost, deleteComment, editComment, editPost, setAcceptedAnswer } from "@/lib/posts/mutations";
import { setPostWatch, toggleHelpfulComment, toggleHelpfulPost } from "@/lib/posts/reactions";
import { replyLink } from "@/lib/posts/reply-link";

// Thin wrappers: the wrapper proves the viewer; each domain call checks the policy itself.

const postPath = (slug: string, postId: string) => `/c/${slug}/posts/${postId}`;

export const createPostAction = signedInFormAction(async (viewer, values) => {
  const { slug, postId } = await createPost(viewer, values.slug ?? "", values);
  revalidatePath(`/c/${slug}`);
  return { redirectTo: postPath(slug, postId) };
});

export const editPostAction = signedInFormAction(async (viewer, values) => {
  const { slug, postId } = await editPost(viewer, values.postId ?? "", values);
  return { redirectTo: postPath(slug, postId) };
});

export const createCommentAction = signedInFormAction(async (viewer, values) => {
  const { path, commentId } = await createComment(viewer, values.postId ?? "", values);
  revalidatePath(path);
  return { redirectTo: replyLink(path, commentId) };
});

export const editCommentAction = signedInFormAction(async (viewer, values) => {
  const { path, commentId } = await editComment(viewer, values.commentId ?? "", values);
  return { redirectTo: replyLink(path, commentId) };
});

/** Runs a post action and refreshes the page the post is read on; the form shows any error beside it. */
function onPost(run: (viewer: Viewer, values: Record<string, string>) => Promise<{ path: string }>, message: string) {
  return signedInFormAction(async (viewer, values) => {
    const { path } = await run(viewer, values);
    revalidatePath(path);
    return { message };
  });
}

export const deleteCommentAction = onPost((viewer, v) => deleteComment(viewer, v.commentId ?? ""), "Reply deleted.");
export const acceptAnswerAction = onPost((viewer, v) => setAcceptedAnswer(viewer, v.postId ?? "", v), "Answer updated.");
export const helpfulPostAction = onPost((viewer, v) => toggleHelpfulPost(viewer, v.postId ?? ""), "Thanks for your feedback.");
export const helpfulCommentAction = onPost((viewer, v) => toggleHelpfulComment(viewer, v.commentId ?? ""), "Thanks for your feedback.");
const watchLevel = (value: string | undefined) => (value === "following" || value === "muted" ? value : "none");
export const followAction = onPost((viewer, v) => setPostWatch(viewer, v.postId ?? "", watchLevel(v.watch)), "Saved.");

/** Autosave from the editor. Returns a small result rather than throwing, as it runs in the background. */
export async function saveDraftAction(data: Record<string, string>): Promise<{ savedAt?: string; posted?: boolean; error?: string }> {
  try {
    const { savedAt } = await saveDraft(await requireActiveViewer(), fieldsOf(data));
    return { savedAt: savedAt.toISOString() };
  } catch (error) {
    const appError = toAppError(error);
    // The form was posted while this save was on its way: nothing to keep.
    if (appError.status === 409) return { posted: true };
    return { error: appError.message };
  }
}
