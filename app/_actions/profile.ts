"use server";

import { revalidatePath } from "next/cache";
import { signedInFormAction, signedInUploadAction } from "@/lib/http/form-action";
import { removePhoto, savePhoto } from "@/lib/people/photo";
import { saveProfile } from "@/lib/people/profile";

export const updateProfileAction = signedInFormAction(async (viewer, values) => {
  const saved = await saveProfile(viewer, values);
  revalidatePath("/", "layout");
  const merged = saved.mergedSpelling ? ` Your organisation is shown as “${saved.organisation}”, as it is already listed.` : "";
  return { message: `Your profile is saved.${merged}` };
});

export const savePhotoAction = signedInUploadAction(async (viewer, _values, files) => {
  await savePhoto(viewer, files.photo ?? null);
  revalidatePath("/", "layout");
  return { message: "Your photo is saved." };
});

export const removePhotoAction = signedInFormAction(async (viewer) => {
  await removePhoto(viewer);
  revalidatePath("/", "layout");
  return { message: "Your photo is removed. Your initials show instead." };
});
