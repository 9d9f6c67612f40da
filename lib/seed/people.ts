import { randomUUID } from "node:crypto";
import type { Faker } from "@faker-js/faker";
import type { users } from "@/lib/db/schema";
import { hashPassword } from "@/lib/users/password";
import { councilKinds, councillorRoles, firstNames, jobTitles, lastNames, places, serviceAreas } from "./vocabulary";

// The people of the demo: the three accounts anyone can sign in as, and the members around them.

export const DEMO_PASSWORD = "roundtable-demo";

export const demoAccounts = [
  { email: "admin@example.gov.uk", name: "Priya Raman", role: "Site administrator", siteRole: "admin" as const },
  { email: "facilitator@example.gov.uk", name: "Tom Wilkins", role: "Facilitator of Policy and performance", siteRole: "member" as const },
  { email: "member@example.gov.uk", name: "Grace Adeyemi", role: "Member", siteRole: "member" as const },
];

export type UserRow = typeof users.$inferInsert & { id: string };

const DAY = 24 * 60 * 60 * 1000;

/**
 * The demo accounts (admin, facilitator, member, in that order), signing in with `password`, and
 * `count` other people, each at a council. Everyone's address is confirmed.
 */
export async function demoPeople(faker: Faker, now: number, count: number, password = DEMO_PASSWORD): Promise<{ demo: UserRow[]; people: UserRow[] }> {
  const organisations = places.map((place) => `${place} ${faker.helpers.arrayElement(councilKinds)}`);

  const demo: UserRow[] = [];
  for (const [i, account] of demoAccounts.entries()) {
    demo.push({
      id: randomUUID(),
      name: account.name,
      email: account.email,
      passwordHash: await hashPassword(password),
      siteRole: account.siteRole,
      jobTitle: ["Digital Services Manager", "Head of Policy and Performance", "Performance Officer"][i]!,
      organisation: organisations[i]!,
      bio: "",
      emailVerified: new Date(now),
      createdAt: new Date(now - 900 * DAY),
    });
  }

  const people: UserRow[] = Array.from({ length: count }, (_, i) => {
    const first = faker.helpers.arrayElement(firstNames);
    const last = faker.helpers.arrayElement(lastNames);
    const organisation = faker.helpers.arrayElement(organisations);
    const councillor = faker.number.int(9) === 0;
    return {
      id: randomUUID(),
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@${organisation.split(" ")[0]!.toLowerCase()}.example.gov.uk`.toLowerCase().replace(/[^a-z0-9.@-]/g, ""),
      jobTitle: faker.helpers.arrayElement(councillor ? councillorRoles : jobTitles),
      organisation,
      bio: faker.number.int(3) === 0 ? `Works on ${faker.helpers.arrayElement(serviceAreas).toLowerCase()} at ${organisation}.` : "",
      emailVerified: new Date(now),
      createdAt: new Date(now - faker.number.int({ min: 30, max: 1400 }) * DAY),
    };
  });
  return { demo, people };
}
