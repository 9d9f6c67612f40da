import { type SQL, sql } from "drizzle-orm";
import { organisations, profiles, users } from "@/lib/db/schema";
import { visibleProfileField, type Viewer } from "@/lib/policy";

// What a viewer may see of a person, as SQL columns: each field is null unless its owner lets
// this viewer see it. Every list or page of people selects through these, never the raw columns.

const columns = {
  jobTitle: profiles.jobTitleVisibility,
  organisation: profiles.organisationVisibility,
  areaOfWork: profiles.areaOfWorkVisibility,
  expertise: profiles.expertiseVisibility,
  bio: profiles.bioVisibility,
  region: profiles.regionVisibility,
  photo: profiles.photoVisibility,
  contact: profiles.contactVisibility,
} as const;

export type VisibleField = keyof typeof columns;

/** Who sees a field of a member who has never saved their profile. */
const defaults: Record<VisibleField, "everyone" | "communities"> = {
  jobTitle: "everyone",
  organisation: "everyone",
  areaOfWork: "everyone",
  expertise: "everyone",
  bio: "everyone",
  region: "everyone",
  photo: "everyone",
  contact: "communities",
};

/** The field's visibility, with the default for a member who has never saved their profile. */
export const fieldVisibility = Object.fromEntries(
  Object.entries(columns).map(([field, column]) => [field, sql`coalesce(${column}, ${sql.raw(`'${defaults[field as VisibleField]}'`)})`]),
) as Record<VisibleField, SQL>;

/**
 * A condition: the viewer may see this field of the person in the row. Written on the column
 * itself (no coalesce), so that Postgres knows how many rows pass and can walk the name index.
 */
export function sees(viewer: Viewer, field: VisibleField): SQL {
  const column = columns[field];
  const unset = visibleProfileField(viewer, sql.raw(`'${defaults[field]}'::field_visibility`), users.id);
  return sql`((${column} is null and ${unset}) or ${visibleProfileField(viewer, column, users.id)})`;
}

const shown = <T>(viewer: Viewer, field: VisibleField, value: SQL | unknown) =>
  sql<T | null>`case when ${sees(viewer, field)} then ${value} end`;

/**
 * A person's card as the viewer may see it. Use with `from(users).leftJoin(profiles, …)` and
 * `leftJoin(organisations, …)` (see `withProfile`).
 */
export function personCardColumns(viewer: Viewer) {
  return {
    id: users.id,
    name: users.name,
    jobTitle: shown<string>(viewer, "jobTitle", sql`nullif(${users.jobTitle}, '')`),
    organisationId: shown<string>(viewer, "organisation", organisations.id),
    organisation: shown<string>(viewer, "organisation", organisations.name),
    areaOfWork: shown<string>(viewer, "areaOfWork", sql`nullif(${profiles.areaOfWork}, '')`),
    region: shown<string>(viewer, "region", sql`nullif(${profiles.region}, '')`),
    hasPhoto: sql<boolean>`coalesce(${shown(viewer, "photo", sql`${profiles.photoKey} is not null`)}, false)`,
    expertise: shown<string[]>(
      viewer,
      "expertise",
      sql`(select array_agg(pe.tag order by pe.tag) from profile_expertise pe where pe.user_id = ${users.id})`,
    ),
  };
}

export type PersonCard = {
  id: string;
  name: string;
  jobTitle: string | null;
  organisationId: string | null;
  organisation: string | null;
  areaOfWork: string | null;
  region: string | null;
  hasPhoto: boolean;
  expertise: string[] | null;
};

/** The joins `personCardColumns` needs, on a query from `users`. */
export const profileJoin = sql`${profiles.userId} = ${users.id}`;
export const organisationJoin = sql`${organisations.id} = ${profiles.organisationId}`;

const savedVisibility = (column: "job_title_visibility" | "organisation_visibility") =>
  sql`coalesce((select ${sql.raw(`pv.${column}`)} from profiles pv where pv.user_id = ${users.id}), 'everyone')`;

/** The job title the viewer may see of the person in the row of `users`: empty when hidden. */
export function shownJobTitle(viewer: Viewer): SQL<string> {
  return sql<string>`(case when ${visibleProfileField(viewer, savedVisibility("job_title_visibility"), users.id)} then ${users.jobTitle} else '' end)`;
}

/** The organisation the viewer may see of the person in the row of `users`: empty when hidden. */
export function shownOrganisation(viewer: Viewer): SQL<string> {
  return sql<string>`(case when ${visibleProfileField(viewer, savedVisibility("organisation_visibility"), users.id)} then ${users.organisation} else '' end)`;
}

/**
 * Name, job title and organisation as lists and threads show them beside a name, each field
 * only when its owner lets this viewer see it. For any query from `users` with a viewer.
 */
export function nameLineColumns(viewer: Viewer) {
  return { id: users.id, name: users.name, jobTitle: shownJobTitle(viewer), organisation: shownOrganisation(viewer) };
}
