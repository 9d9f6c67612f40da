"use server";

import { revalidatePath } from "next/cache";
import { signedInFormAction } from "@/lib/http/form-action";
import { requestExport } from "@/lib/people/export";
import { exportSoon } from "@/lib/people/export-soon";

export const requestExportAction = signedInFormAction(async (viewer) => {
  const { id, created } = await requestExport(viewer);
  if (created) exportSoon(id);
  revalidatePath("/settings/export");
  return { message: created ? "We are making your export. It takes a minute or so: this page shows when it is ready." : "Your export is already being made." };
});
