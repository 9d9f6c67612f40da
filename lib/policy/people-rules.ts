import type { FieldVisibility } from "@/lib/db/schema";
import { must, rule } from "./rule";
import { isAdmin, type Viewer } from "./viewer-rules";

/**
 * One field of someone's profile (job title, organisation, expertise…), with who they let see
 * it and whether the viewer shares an active community with them.
 */
export type ProfileFieldTarget = { personId: string; visibility: FieldVisibility; sharesCommunity: boolean };

/** A member's data export: only its owner may see it or download it. */
export type ExportTarget = { ownerId: string };

const HIDDEN = "We could not find that page.";

/**
 * The viewer sees the field: it is their own; or its owner shows it to everyone signed in; or
 * to members of their communities and the viewer is one (site admins see every community).
 * "Nobody" means nobody but the member.
 */
export function seesProfileField(viewer: Viewer, t: ProfileFieldTarget): boolean {
  if (t.personId === viewer.id) return true;
  if (t.visibility === "everyone") return true;
  return t.visibility === "communities" && (t.sharesCommunity || isAdmin(viewer));
}

export const peopleRules = {
  "profile.seeField": rule<ProfileFieldTarget>(must(seesProfileField, HIDDEN, 404)),
  "export.download": rule<ExportTarget>(must((v, t) => t.ownerId === v.id, HIDDEN, 404)),
};
