"use server";

import { acceptAnswerAction, deleteCommentAction, helpfulCommentAction } from "./posts";

// A reply's one-button actions as plain forms, posted before the page's script has loaded (or
// without scripts): the action runs and the page comes back as it now is. Once the script has
// loaded, the page's reply-actions island calls the actions in ./posts itself and shows their
// messages. Each action re-checks the viewer and the policy, as every server action does.

export async function helpfulCommentForm(formData: FormData): Promise<void> {
  await helpfulCommentAction(null, formData);
}

export async function acceptAnswerForm(formData: FormData): Promise<void> {
  await acceptAnswerAction(null, formData);
}

export async function deleteCommentForm(formData: FormData): Promise<void> {
  await deleteCommentAction(null, formData);
}
