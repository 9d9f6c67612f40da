import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { contactPreferences, fieldVisibilities, profileExpertise, profiles, users } from "@/lib/db/schema";
import { assertActiveViewer, type Viewer } from "@/lib/policy";
import { optionalText, parseInput, requiredText } from "@/lib/validation";
import { areasOfWork, expertiseTags, MAX_EXPERTISE, MAX_TAG_LENGTH, regions } from "./choices";
import { resolveOrganisation } from "./organisations";

/** The fields whose visibility a member chooses, as the form names them. */
export const profileFields = ["jobTitle", "organisation", "areaOfWork", "expertise", "bio", "region", "photo", "contact"] as const;
export type ProfileField = (typeof profileFields)[number];

const visibility = z.enum(fieldVisibilities, { error: "Choose who can see this." });
const oneOf = (list: readonly string[], label: string) =>
  z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((v) => v === "" || list.includes(v), `Choose ${label} from the list.`);

export const profileSchema = z.object({
  name: requiredText("your name", 100),
  jobTitle: optionalText("your job title", 120),
  organisation: optionalText("your organisation", 120),
  areaOfWork: oneOf(areasOfWork, "an area of work"),
  expertise: optionalText("your expertise", 600)
    .transform(expertiseTags)
    .refine((tags) => tags.length <= MAX_EXPERTISE, `Give at most ${MAX_EXPERTISE} areas of expertise.`)
    .refine((tags) => tags.every((t) => t.length <= MAX_TAG_LENGTH), `Each area of expertise must be ${MAX_TAG_LENGTH} characters or fewer.`),
  bio: optionalText("the short bio", 600),
  region: oneOf(regions, "a region"),
  contactPreference: z.enum(contactPreferences, { error: "Choose how people may contact you." }),
  ...Object.fromEntries(profileFields.map((f) => [`${f}Visibility`, visibility])) as Record<`${ProfileField}Visibility`, typeof visibility>,
});

const visibilityColumns = {
  jobTitleVisibility: profiles.jobTitleVisibility,
  organisationVisibility: profiles.organisationVisibility,
  areaOfWorkVisibility: profiles.areaOfWorkVisibility,
  expertiseVisibility: profiles.expertiseVisibility,
  bioVisibility: profiles.bioVisibility,
  regionVisibility: profiles.regionVisibility,
  photoVisibility: profiles.photoVisibility,
  contactVisibility: profiles.contactVisibility,
};

/** Everything the member's own profile form shows. Defaults for a member who has never saved it. */
export async function getProfileSettings(viewer: Viewer) {
  assertActiveViewer(viewer);
  const db = await getDb();
  const [row] = await db
    .select({
      name: users.name,
      email: users.email,
      jobTitle: users.jobTitle,
      organisation: users.organisation,
      bio: users.bio,
      areaOfWork: profiles.areaOfWork,
      region: profiles.region,
      contactPreference: profiles.contactPreference,
      hasPhoto: profiles.photoKey,
      ...visibilityColumns,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, viewer.id));
  const tags = await db.select({ tag: profileExpertise.tag }).from(profileExpertise).where(eq(profileExpertise.userId, viewer.id)).orderBy(profileExpertise.tag);
  const r = row!;
  return {
    name: r.name,
    email: r.email,
    jobTitle: r.jobTitle,
    organisation: r.organisation,
    bio: r.bio,
    areaOfWork: r.areaOfWork ?? "",
    region: r.region ?? "",
    contactPreference: r.contactPreference ?? "communities",
    hasPhoto: Boolean(r.hasPhoto),
    expertise: tags.map((t) => t.tag).join(", "),
    visibility: Object.fromEntries(
      profileFields.map((f) => [f, r[`${f}Visibility`] ?? (f === "contact" ? "communities" : "everyone")]),
    ) as Record<ProfileField, (typeof fieldVisibilities)[number]>,
  };
}

/**
 * Saves the member's profile in one transaction: the organisation resolved to one row however
 * it was typed (the name shown is that row's), and the expertise replaced.
 */
export async function saveProfile(viewer: Viewer, input: unknown) {
  assertActiveViewer(viewer);
  const data = parseInput(profileSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const organisation = await resolveOrganisation(tx, data.organisation);
    await tx
      .update(users)
      .set({ name: data.name, jobTitle: data.jobTitle, bio: data.bio, organisation: organisation?.name ?? "" })
      .where(eq(users.id, viewer.id));
    const values = {
      organisationId: organisation?.id ?? null,
      areaOfWork: data.areaOfWork,
      region: data.region,
      contactPreference: data.contactPreference,
      ...Object.fromEntries(profileFields.map((f) => [`${f}Visibility`, data[`${f}Visibility`]])),
      updatedAt: new Date(),
    };
    await tx.insert(profiles).values({ userId: viewer.id, ...values }).onConflictDoUpdate({ target: profiles.userId, set: values });
    await tx.delete(profileExpertise).where(eq(profileExpertise.userId, viewer.id));
    if (data.expertise.length > 0) await tx.insert(profileExpertise).values(data.expertise.map((tag) => ({ userId: viewer.id, tag })));
    return { organisation: organisation?.name ?? null, mergedSpelling: organisation !== null && organisation.name !== data.organisation };
  });
}
