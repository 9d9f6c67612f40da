import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { users } from "./users";

// Profiles beyond the name: organisation (one row per organisation, however it was typed),
// area of work, expertise, region, photo and contact preferences, each with who may see it.

/** Who may see a profile field: everyone signed in, people who share a community with them, or nobody else. */
export const fieldVisibilities = ["everyone", "communities", "nobody"] as const;
export const fieldVisibilityEnum = pgEnum("field_visibility", fieldVisibilities);
export type FieldVisibility = (typeof fieldVisibilities)[number];

export const contactPreferences = ["welcome", "communities", "none"] as const;
export const contactPreferenceEnum = pgEnum("contact_preference", contactPreferences);
export type ContactPreference = (typeof contactPreferences)[number];

const timestamptz = (name: string) => timestamp(name, { mode: "date", withTimezone: true });

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The name as first given (tidied): how it is shown. */
    name: text("name").notNull(),
    /** The name folded for matching, so "Leeds City Council." and "leeds city council" are one. */
    key: text("key").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organisations_key_key").on(t.key), index("organisations_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`)],
);

export const profiles = pgTable(
  "profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    areaOfWork: text("area_of_work").notNull().default(""),
    region: text("region").notNull().default(""),
    contactPreference: contactPreferenceEnum("contact_preference").notNull().default("communities"),
    /** The storage key of the member's square photo, re-encoded by us; null shows their initials. */
    photoKey: text("photo_key"),
    jobTitleVisibility: fieldVisibilityEnum("job_title_visibility").notNull().default("everyone"),
    organisationVisibility: fieldVisibilityEnum("organisation_visibility").notNull().default("everyone"),
    areaOfWorkVisibility: fieldVisibilityEnum("area_of_work_visibility").notNull().default("everyone"),
    expertiseVisibility: fieldVisibilityEnum("expertise_visibility").notNull().default("everyone"),
    bioVisibility: fieldVisibilityEnum("bio_visibility").notNull().default("everyone"),
    regionVisibility: fieldVisibilityEnum("region_visibility").notNull().default("everyone"),
    photoVisibility: fieldVisibilityEnum("photo_visibility").notNull().default("everyone"),
    contactVisibility: fieldVisibilityEnum("contact_visibility").notNull().default("communities"),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("profiles_organisation_idx").on(t.organisationId, t.userId),
    index("profiles_area_idx").on(t.areaOfWork, t.userId),
    index("profiles_region_idx").on(t.region, t.userId),
  ],
);

/** One expertise tag of a member, folded to lower case. */
export const profileExpertise = pgTable(
  "profile_expertise",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tag] }), index("profile_expertise_tag_idx").on(t.tag, t.userId)],
);

export const exportStatuses = ["queued", "running", "ready", "failed"] as const;
export const exportStatusEnum = pgEnum("export_status", exportStatuses);
export type ExportStatus = (typeof exportStatuses)[number];

/**
 * A download made by a job, kept privately, gone after a week: a member's own (everything they
 * wrote), or with a community, a facilitator's export of that community.
 */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Set for a facilitator's export of this community; null for a member's own. */
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    status: exportStatusEnum("status").notNull().default("queued"),
    /** How far the job has got, 0 to 100. */
    progress: integer("progress").notNull().default(0),
    storageKey: text("storage_key"),
    size: integer("size"),
    error: text("error"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    finishedAt: timestamptz("finished_at"),
    expiresAt: timestamptz("expires_at").notNull(),
  },
  (t) => [index("data_exports_owner_idx").on(t.ownerId, t.createdAt), index("data_exports_pending_idx").on(t.createdAt).where(sql`${t.status} in ('queued', 'running')`)],
);
