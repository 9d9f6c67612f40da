"use server";

import { revalidatePath } from "next/cache";
import {
  acceptInvitation,
  acceptInvitationFor,
  declineInvitation,
  inviteToCommunity,
  revokeInvitation,
} from "@/lib/communities/invitations";
import {
  approveRequest,
  declineRequest,
  joinCommunity,
  leaveCommunity,
  removeMember,
  requestToJoin,
  setMemberRole,
  withdrawRequest,
} from "@/lib/communities/membership";
import { createCommunity, setArchived, updateCommunity } from "@/lib/communities/mutations";
import type { MaybeViewer } from "@/lib/policy";
import { formAction } from "@/lib/http/action-state";
import { siteOrigin } from "@/lib/http/origin";

// Thin wrappers: each domain call checks the viewer and the policy itself.

type Values = Record<string, string>;

/** An action on the community named by the form's `slug` field, which refreshes its pages. */
function onCommunity(
  run: (viewer: MaybeViewer, slug: string, values: Values) => Promise<unknown>,
  message: string | ((values: Values, result: unknown) => string),
) {
  return formAction(async (viewer, values) => {
    const slug = values.slug ?? "";
    const result = await run(viewer, slug, values);
    revalidatePath(`/c/${slug}`, "layout");
    revalidatePath("/home");
    return { message: typeof message === "string" ? message : message(values, result) };
  });
}

export const createCommunityAction = formAction(async (viewer, values) => {
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
  async (viewer, slug, values) => inviteToCommunity(viewer, slug, values, await siteOrigin()),
  (_values, result) => {
    const { name, email, joined } = result as Awaited<ReturnType<typeof inviteToCommunity>>;
    const who = name ? `${name} (${email})` : email;
    return joined ? `${who} had asked to join, so they are now a member.` : `Invitation sent to ${who}.`;
  },
);

export const acceptInvitationForAction = formAction(async (viewer, values) => {
  const { slug } = await acceptInvitationFor(viewer, values.slug ?? "");
  return { redirectTo: `/c/${slug}` };
});

export const declineInvitationAction = formAction(async (viewer, values) => {
  await declineInvitation(viewer, values.slug ?? "");
  return { redirectTo: "/home" };
});

export const acceptInvitationTokenAction = formAction(async (viewer, values) => {
  const { slug } = await acceptInvitation(viewer, values.token ?? "");
  return { redirectTo: `/c/${slug}` };
});
