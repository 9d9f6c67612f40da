import { eq } from "drizzle-orm";
import { z } from "zod";
import { loadAuthorized } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import { communities, premoderationModes } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { recordAction } from "./audit";

const settingsSchema = z.object({
  premoderation: z.enum(premoderationModes, { error: "Choose whose posts wait for approval." }),
  premoderationDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(1, "Enter at least 1 day.")
    .max(365, "Enter 365 days or fewer."),
  allowNonMemberComments: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  /** Members, not only facilitators, may arrange events. */
  allowMemberEvents: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

/** A community's moderation settings: pre-moderation, replies from non-members, and who arranges events. */
export async function updateModerationSettings(viewer: Viewer, slug: string, input: unknown) {
  const data = parseInput(settingsSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.edit");
    await tx.update(communities).set(data).where(eq(communities.id, community.id));
    await recordAction(tx, viewer, {
      communityId: community.id,
      action: "change settings",
      targetType: "community",
      targetId: community.id,
      targetLabel: community.name,
      details: data,
    });
    return { slug: community.slug };
  });
}

/** The moderation settings, for the facilitators' form. */
export async function getModerationSettings(viewer: Viewer, slug: string) {
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "community.moderate");
  return {
    premoderation: community.premoderation,
    premoderationDays: community.premoderationDays,
    allowNonMemberComments: community.allowNonMemberComments,
    allowMemberEvents: community.allowMemberEvents,
  };
}
