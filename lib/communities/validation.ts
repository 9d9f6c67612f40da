import { z } from "zod";
import { visibilities } from "@/lib/db/schema";
import { optionalText, requiredText } from "@/lib/validation";

export const NAME_MAX = 80;
export const PURPOSE_MAX = 1000;

export const visibilitySchema = z.enum(visibilities, { error: "Choose who can find and join the community." });

/** A community's name and purpose, and (when changed with them) its visibility. */
export const communityFieldsSchema = z.object({
  name: requiredText("a name", NAME_MAX),
  purpose: optionalText("the purpose", PURPOSE_MAX),
  visibility: visibilitySchema.optional(),
});

export const createCommunitySchema = communityFieldsSchema.extend({
  visibility: visibilitySchema,
  parentSlug: z.string().trim().max(200).optional().transform((s) => s || undefined),
});

/** A URL-safe slug: lower case letters, digits and single hyphens, at most 60 characters. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "community";
}
