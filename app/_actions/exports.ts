"use server";

import { revalidatePath } from "next/cache";
import { signedInFormAction } from "@/lib/http/form-action";
import { requestCommunityExport, requestExport } from "@/lib/people/export";
import { exportSoon } from "@/lib/people/export-soon";

export const requestExportAction = signedInFormAction(async (viewer) => {
  const { id, created } = await requestExport(viewer);
  if (created) exportSoon(id);
  revalidatePath("/settings/export");
  return { message: created ? "We are making your export. It takes a minute or so: this page shows when it is ready." : "Your export is already being made." };
});

export const requestCommunityExportAction = signedInFormAction(async (viewer, values) => {
  const slug = values.slug ?? "";
  const { id, created } = await requestCommunityExport(viewer, slug);
  if (created) exportSoon(id);
  revalidatePath(`/c/${slug}/settings/export`);
  return {
    message: created ? "We are making the community's export. It takes a minute or so: this page shows when it is ready." : "An export of this community is already being made.",
  };
});
