"use server";

import { revalidatePath } from "next/cache";
import { resendVerification } from "@/lib/admin/verification";
import { signedInFormAction } from "@/lib/http/form-action";
import { safeReturnPath } from "@/lib/http/return-path";
import { suspendUser, unsuspendUser } from "@/lib/moderation/people";

// Site administration from the people list. Each domain call checks the policy and writes the
// site audit log itself.

/**
 * The row's form gives way to another once the change is made, so the list is shown again
 * with the outcome named in its address (`changed`), where the page says it in a status line.
 */
function backToList(values: Record<string, string>, outcome: "suspended" | "restored") {
  const back = new URL(safeReturnPath(values.back, "/admin/people"), "http://list");
  if (!back.pathname.startsWith("/admin/people")) back.pathname = "/admin/people";
  back.searchParams.set("changed", `${outcome}:${values.userId ?? ""}`);
  return { redirectTo: `${back.pathname}${back.search}` };
}

export const adminSuspendAction = signedInFormAction(async (viewer, values) => {
  await suspendUser(viewer, values);
  revalidatePath("/admin/people");
  return backToList(values, "suspended");
});

export const adminUnsuspendAction = signedInFormAction(async (viewer, values) => {
  await unsuspendUser(viewer, values);
  revalidatePath("/admin/people");
  return backToList(values, "restored");
});

export const resendVerificationAction = signedInFormAction(async (viewer, values) => resendVerification(viewer, values));
