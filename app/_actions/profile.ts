"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/http/action-state";
import { updateOwnProfile } from "@/lib/users/profile";

export const updateProfileAction = formAction(async (viewer, values) => {
  await updateOwnProfile(viewer, values);
  revalidatePath("/", "layout");
  return { message: "Your profile is saved." };
});
