"use server";

import { revalidatePath } from "next/cache";
import { signedInFormAction } from "@/lib/http/form-action";
import { saveProfile } from "@/lib/people/profile";

export const updateProfileAction = signedInFormAction(async (viewer, values) => {
  const saved = await saveProfile(viewer, values);
  revalidatePath("/", "layout");
  const merged = saved.mergedSpelling ? ` Your organisation is shown as “${saved.organisation}”, as it is already listed.` : "";
  return { message: `Your profile is saved.${merged}` };
});
