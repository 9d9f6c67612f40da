"use server";

import { revalidatePath } from "next/cache";
import { resendVerification } from "@/lib/admin/verification";
import { signedInFormAction } from "@/lib/http/form-action";
import { suspendUser, unsuspendUser } from "@/lib/moderation/people";

// Site administration from the people list. Each domain call checks the policy and writes the
// site audit log itself.

export const adminSuspendAction = signedInFormAction(async (viewer, values) => {
  const { message } = await suspendUser(viewer, values);
  revalidatePath("/admin/people");
  return { message };
});

export const adminUnsuspendAction = signedInFormAction(async (viewer, values) => {
  const { message } = await unsuspendUser(viewer, values);
  revalidatePath("/admin/people");
  return { message };
});

export const resendVerificationAction = signedInFormAction(async (viewer, values) => resendVerification(viewer, values));
