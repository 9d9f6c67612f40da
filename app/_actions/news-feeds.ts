"use server";

import { revalidatePath } from "next/cache";
import { resetNewsFeedKey, stopNewsFeeds } from "@/lib/feeds/key";
import { signedInFormAction } from "@/lib/http/form-action";

export const resetNewsFeedAction = signedInFormAction(async (viewer) => {
  await resetNewsFeedKey(viewer);
  revalidatePath("/settings");
  return { redirectTo: "/settings#news-feeds" };
});

export const stopNewsFeedsAction = signedInFormAction(async (viewer) => {
  await stopNewsFeeds(viewer);
  revalidatePath("/settings");
  return { redirectTo: "/settings#news-feeds" };
});
