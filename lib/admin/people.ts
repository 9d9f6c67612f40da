import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { decodeCursor, likePattern, pageOf } from "@/lib/pagination";
import { authorize, can, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { verificationEmails } from "./verification";

// The people list for site admins: everyone with an account, searched by name or email,
// filtered to unconfirmed addresses, suspended accounts or one organisation, in name order,
// paged by keyset on (lower(name), id), which the name indexes serve (partial ones for the
// suspended and unconfirmed filters).

export const peopleFilters = ["all", "unverified", "suspended"] as const;

const peopleSchema = z.object({
  q: z.string().trim().max(200, "Search for 200 characters or fewer.").optional(),
  show: z.enum(peopleFilters).catch("all").default("all"),
  organisation: z.string().trim().max(200, "An organisation is 200 characters or fewer.").optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(50),
});

export async function listPeople(viewer: Viewer, query: unknown) {
  authorize(viewer, "site.administer", {});
  const q = parseInput(peopleSchema, query);
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const db = await getDb();
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      organisation: users.organisation,
      jobTitle: users.jobTitle,
      siteRole: users.siteRole,
      status: users.status,
      emailVerified: users.emailVerified,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(
      and(
        q.show === "suspended" ? eq(users.status, "suspended") : undefined,
        q.show === "unverified" ? isNull(users.emailVerified) : undefined,
        q.q ? sql`(${users.name} ilike ${likePattern(q.q)} or ${users.email} ilike ${likePattern(q.q)})` : undefined,
        q.organisation ? sql`${users.organisation} ilike ${likePattern(q.organisation)}` : undefined,
        after ? sql`(lower(${users.name}), ${users.id}) > (${after[0]}::text, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.name.toLowerCase(), r.id]);
  return {
    query: q,
    nextCursor: page.nextCursor,
    items: page.items.map((person) => ({
      ...person,
      canSuspend: can(viewer, "user.suspend", { userId: person.id }),
      canResend: verificationEmails.available && can(viewer, "user.resendVerification", { userId: person.id, status: person.status, emailVerified: person.emailVerified }),
    })),
  };
}

export type PersonRow = Awaited<ReturnType<typeof listPeople>>["items"][number];
