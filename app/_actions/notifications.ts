"use server";

import { revalidatePath } from "next/cache";
import { publicFormAction, signedInFormAction } from "@/lib/http/form-action";
import { setDigestFrequency } from "@/lib/notifications/digest";
import { markAllRead } from "@/lib/notifications/inbox";
import { unsubscribe } from "@/lib/notifications/unsubscribe";
import { setCommunityWatch, setEmailPreferences } from "@/lib/notifications/watches";

// Thin wrappers: the wrapper proves the viewer; each domain call checks what it needs itself.

export const markAllReadAction = signedInFormAction(async (viewer) => {
  await markAllRead(viewer);
  revalidatePath("/", "layout");
  return { message: "All your notifications are marked as read." };
});

export const setCommunityWatchAction = signedInFormAction(async (viewer, values) => {
  const { slug } = await setCommunityWatch(viewer, values.slug ?? "", values);
  revalidatePath(`/c/${slug}`);
  revalidatePath("/settings/notifications");
  return { message: "Your notification settings for this community are saved." };
});

export const setEmailPreferencesAction = signedInFormAction(async (viewer, values) => {
  await setEmailPreferences(viewer, values);
  await setDigestFrequency(viewer, { frequency: values.digest });
  revalidatePath("/settings/notifications");
  return { message: "Your email settings are saved." };
});

/** Works without signing in: the signed link itself says whose setting to change. */
export const unsubscribeAction = publicFormAction(async (values) => {
  const { what } = await unsubscribe(values.token ?? "");
  return { message: `Done. You will no longer get ${what}.` };
});
