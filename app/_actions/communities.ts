"use server";

import { revalidatePath } from "next/cache";
import type { Viewer } from "@/lib/auth/request-viewer";
import { acceptInvitation, acceptInvitationFor, declineInvitation } from "@/lib/communities/answer-invitations";
import { approveRequest, declineRequest, removeMember, setMemberRole } from "@/lib/communities/members";
import { joinCommunity, leaveCommunity, requestToJoin, withdrawRequest } from "@/lib/communities/membership";
import { changeVisibility, createCommunity, setArchived, updateCommunity } from "@/lib/communities/mutations";
import { inviteToCommunity, revokeInvitation } from "@/lib/communities/send-invitations";
import { requestNetwork } from "@/lib/http/client-address";
import { signedInFormAction } from "@/lib/http/form-action";

// Thin wrappers: the wrapper proves the viewer; each domain call checks the policy itself.

type Values = Record<string, string>;

/** An action on the community named by the form's `slug` field, which refreshes its pages. */
function onCommunity(
  run: (viewer: Viewer, slug: string, values: Values) => Promise<unknown>,
  message: string | ((values: Values, result: unknown) => string),
) {
  return signedInFormAction(async (viewer, values) => {
    const slug = values.slug ?? "";
    const result = await run(viewer, slug, values);
    revalidatePath(`/c/${slug}`, "layout");
    revalidatePath("/home");
    return { message: typeof message === "string" ? message : message(values, result) };
  });
}

export const createCommunityAction = signedInFormAction(async (viewer, values) => {
  const { slug } = await createCommunity(viewer, values);
  return { redirectTo: `/c/${slug}` };
});

export const updateCommunityAction = onCommunity(updateCommunity, "Your changes are saved.");

export const archiveCommunityAction = onCommunity(
  (viewer, slug, values) => setArchived(viewer, slug, values.archived === "true"),
  (values) =>
    values.archived === "true"
      ? "The community is archived. It is now read-only."
      : "The community is open for activity again.",
);

export const joinCommunityAction = onCommunity((v, slug) => joinCommunity(v, { slug }), "You have joined.");
export const leaveCommunityAction = onCommunity(leaveCommunity, "You have left.");
export const requestToJoinAction = onCommunity(requestToJoin, "Your request has been sent to the facilitators.");
export const withdrawRequestAction = onCommunity(withdrawRequest, "Your request is withdrawn.");
export const approveRequestAction = onCommunity(approveRequest, "Approved. They are now a member.");
export const declineRequestAction = onCommunity(declineRequest, "Request declined.");
export const revokeInvitationAction = onCommunity(revokeInvitation, "Invitation withdrawn.");
export const setMemberRoleAction = onCommunity(setMemberRole, "Role changed.");
export const removeMemberAction = onCommunity(removeMember, "Removed from the community.");

export const inviteAction = onCommunity(
  async (viewer, slug, values) => inviteToCommunity(viewer, slug, values, await requestNetwork()),
  (_values, result) => (result as Awaited<ReturnType<typeof inviteToCommunity>>).message,
);

/** Closing applies at once; opening to more people first asks for confirmation on its own page. */
export const changeVisibilityAction = signedInFormAction(async (viewer, values) => {
  const slug = values.slug ?? "";
  const outcome = await changeVisibility(viewer, slug, values);
  if (outcome.needsConfirmation) return { redirectTo: `/c/${slug}/settings/visibility?to=${encodeURIComponent(values.visibility ?? "")}` };
  revalidatePath(`/c/${slug}`, "layout");
  if (values.confirm === "yes") return { redirectTo: `/c/${slug}/settings?visibility=changed` };
  return { message: outcome.changed ? "Saved. Who can find and join it has changed." : "Nothing to change: it already was." };
});

export const acceptInvitationForAction = signedInFormAction(async (viewer, values) => {
  const { slug } = await acceptInvitationFor(viewer, values.slug ?? "");
  return { redirectTo: `/c/${slug}` };
});

export const declineInvitationAction = signedInFormAction(async (viewer, values) => {
  await declineInvitation(viewer, values.slug ?? "");
  return { redirectTo: "/home" };
});

export const acceptInvitationTokenAction = signedInFormAction(async (viewer, values) => {
  const { slug } = await acceptInvitation(viewer, values.token ?? "");
  return { redirectTo: `/c/${slug}` };
});
