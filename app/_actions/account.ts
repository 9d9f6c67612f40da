"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth";
import { currentSessionId } from "@/lib/auth/request-viewer";
import { requestNetwork } from "@/lib/http/client-address";
import { signedInFormAction } from "@/lib/http/form-action";
import { requestDeletion } from "@/lib/users/deletion";
import { confirmEmailChange, requestEmailChange } from "@/lib/users/email-change";
import { changePassword } from "@/lib/users/password-change";
import { signOutDevice, signOutOtherDevices } from "@/lib/users/sessions";
import { resendConfirmation } from "@/lib/users/verification";

// The viewer's own account: thin wrappers; each domain call checks what it needs itself.

export const resendConfirmationAction = signedInFormAction(async (viewer) => resendConfirmation(viewer, await requestNetwork()));

export const changePasswordAction = signedInFormAction(async (viewer, values) => {
  const done = await changePassword(viewer, await currentSessionId(), values);
  revalidatePath("/settings");
  return done;
});

export const requestEmailChangeAction = signedInFormAction(async (viewer, values) => requestEmailChange(viewer, values, await requestNetwork()));

export const confirmEmailChangeAction = signedInFormAction(async (viewer, values) => {
  await confirmEmailChange(viewer, values.token ?? "");
  revalidatePath("/", "layout");
  return { redirectTo: "/settings?email=changed" };
});

// The device's row goes from the page, so the page itself says what happened.
export const signOutDeviceAction = signedInFormAction(async (viewer, values) => {
  await signOutDevice(viewer, values);
  revalidatePath("/settings");
  return { redirectTo: "/settings?signedOut=1#devices-heading" };
});

export const signOutOtherDevicesAction = signedInFormAction(async (viewer) => {
  const ended = await signOutOtherDevices(viewer, await currentSessionId());
  revalidatePath("/settings");
  return { redirectTo: `/settings?signedOut=${ended}#devices-heading` };
});

export const requestDeletionAction = signedInFormAction(async (viewer, values) => {
  await requestDeletion(viewer, values);
  await signOut({ redirectTo: "/account-deletion" });
});
