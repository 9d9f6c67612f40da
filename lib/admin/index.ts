import { can, type Viewer } from "@/lib/policy";

/** Whether to show the viewer the way into site administration. */
export function seesAdministration(viewer: Viewer): boolean {
  return can(viewer, "site.administer", {});
}
