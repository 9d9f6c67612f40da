"use server";

import { revalidatePath } from "next/cache";
import type { Viewer } from "@/lib/auth/request-viewer";
import { signedInFormAction } from "@/lib/http/form-action";
import {
  approvePost,
  deleteCommentAsModerator,
  deletePost,
  editPostAsModerator,
  hideComment,
  hidePost,
  movePost,
  restoreComment,
  restorePost,
  setLocked,
  setPinned,
} from "@/lib/moderation/content";
import { banMember, suspendUser, unbanMember, unsuspendUser } from "@/lib/moderation/people";
import { createReport, handleReport } from "@/lib/moderation/reports";
import { updateModerationSettings } from "@/lib/moderation/settings";

// Thin wrappers: the wrapper proves the viewer; each domain call checks the policy itself and logs the action.

type Values = Record<string, string>;
type Done = { slug: string; postId?: string; message?: string };

/** Runs a moderation step, refreshes the community's pages and says what it did. */
function moderation(run: (viewer: Viewer, v: Values) => Promise<Done>, fallback = "Done.") {
  return signedInFormAction(async (viewer, values) => {
    const done = await run(viewer, values);
    revalidatePath(`/c/${done.slug}`, "layout");
    return { message: done.message ?? fallback };
  });
}

const postId = (v: Values) => v.postId ?? "";
const commentId = (v: Values) => v.commentId ?? "";

export const pinAction = moderation((viewer, v) => setPinned(viewer, postId(v), v.pinned === "true"));
export const lockAction = moderation((viewer, v) => setLocked(viewer, postId(v), v.locked === "true"));
export const hidePostAction = moderation((viewer, v) => hidePost(viewer, postId(v), v));
export const restorePostAction = moderation((viewer, v) => restorePost(viewer, postId(v)));
export const approvePostAction = moderation((viewer, v) => approvePost(viewer, postId(v)));
export const hideCommentAction = moderation((viewer, v) => hideComment(viewer, commentId(v), v));
export const restoreCommentAction = moderation((viewer, v) => restoreComment(viewer, commentId(v)));
export const deleteCommentAsModeratorAction = moderation((viewer, v) => deleteCommentAsModerator(viewer, commentId(v), v));
export const resolveReportAction = moderation(async (viewer, v) => ({ ...(await handleReport(viewer, v.slug ?? "", "resolved", v)), message: "Report resolved. The person who reported it can see that." }));
export const dismissReportAction = moderation(async (viewer, v) => ({ ...(await handleReport(viewer, v.slug ?? "", "dismissed", v)), message: "Report dismissed. The person who reported it can see that." }));
export const banAction = moderation((viewer, v) => banMember(viewer, v.slug ?? "", v));
export const unbanAction = moderation((viewer, v) => unbanMember(viewer, v.slug ?? "", v));
export const settingsAction = moderation(async (viewer, v) => updateModerationSettings(viewer, v.slug ?? "", v), "Moderation settings saved.");

export const deletePostAction = signedInFormAction(async (viewer, values) => {
  const { slug } = await deletePost(viewer, postId(values), values);
  revalidatePath(`/c/${slug}`, "layout");
  return { redirectTo: `/c/${slug}` };
});

export const moderatorEditAction = signedInFormAction(async (viewer, values) => {
  const { slug, postId: id } = await editPostAsModerator(viewer, postId(values), values);
  return { redirectTo: `/c/${slug}/posts/${id}` };
});

export const movePostAction = signedInFormAction(async (viewer, values) => {
  const { slug, postId: id } = await movePost(viewer, postId(values), values);
  return { redirectTo: `/c/${slug}/posts/${id}` };
});

export const reportAction = signedInFormAction(async (viewer, values) => {
  await createReport(viewer, values);
  return { message: "Thank you. The facilitators will look at it, and you can follow what happens on your reports page." };
});

export const suspendAction = signedInFormAction(async (viewer, values) => {
  const { message } = values.suspend === "true" ? await suspendUser(viewer, values) : await unsuspendUser(viewer, values);
  revalidatePath(`/people/${values.userId}`);
  return { message };
});
