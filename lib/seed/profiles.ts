import type { Faker } from "@faker-js/faker";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { organisations, profileExpertise, profiles, users } from "@/lib/db/schema";
import { areasOfWork, organisationKey, regions, tidyName } from "@/lib/people/choices";

// Profiles for the demo people: their organisations as one row each, an area of work, a region
// and a few areas of expertise. A few people keep some fields to themselves or their communities.

const expertisePool = [
  "performance management", "data protection", "commissioning", "safeguarding", "budget setting", "digital inclusion",
  "climate action plans", "local plans", "homelessness prevention", "scrutiny", "service design", "procurement",
  "workforce planning", "risk management", "consultation", "partnership working", "equalities", "emergency planning",
];

export async function seedProfiles(db: Db, faker: Faker) {
  const people = await selectRows<{ id: string; organisation: string; email: string }>(db, sql`select id, organisation, email from ${users} order by created_at, id`);
  const byKey = new Map<string, string>();
  for (const p of people) {
    const key = organisationKey(p.organisation);
    if (key && !byKey.has(key)) byKey.set(key, tidyName(p.organisation));
  }
  const orgRows = byKey.size
    ? await db.insert(organisations).values([...byKey].map(([key, name]) => ({ key, name }))).onConflictDoNothing().returning({ id: organisations.id, key: organisations.key })
    : [];
  const orgId = new Map(orgRows.map((o) => [o.key, o.id]));
  const profileRows = people.map((p, i) => {
    const demo = p.email.endsWith("@example.gov.uk");
    const shy = !demo && i % 9 === 0;
    return {
      userId: p.id,
      organisationId: orgId.get(organisationKey(p.organisation)) ?? null,
      areaOfWork: p.email === "member@example.gov.uk" || p.email === "facilitator@example.gov.uk" ? "Policy and performance" : faker.helpers.arrayElement(areasOfWork),
      region: faker.helpers.arrayElement(regions),
      organisationVisibility: shy ? ("communities" as const) : ("everyone" as const),
      expertiseVisibility: !demo && i % 13 === 0 ? ("nobody" as const) : ("everyone" as const),
    };
  });
  const expertise = people.flatMap((p) => {
    const tags = p.email === "facilitator@example.gov.uk" ? ["performance management", "scrutiny"] : faker.helpers.arrayElements(expertisePool, { min: 1, max: 3 });
    return [...new Set(tags)].map((tag) => ({ userId: p.id, tag }));
  });
  for (let i = 0; i < profileRows.length; i += 1000) await db.insert(profiles).values(profileRows.slice(i, i + 1000)).onConflictDoNothing();
  for (let i = 0; i < expertise.length; i += 1000) await db.insert(profileExpertise).values(expertise.slice(i, i + 1000)).onConflictDoNothing();
}
