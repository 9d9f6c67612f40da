"use server";

import { revalidatePath } from "next/cache";
import { signedInFormAction } from "@/lib/http/form-action";
import { updateOwnProfile } from "@/lib/users/profile";

export const updateProfileAction = signedInFormAction(async (viewer, values) => {
  await updateOwnProfile(viewer, values);
  revalidatePath("/", "layout");
  return { message: "Your profile is saved." };
});
