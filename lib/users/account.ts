import { eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";

/** The columns of an account that make a Viewer: never the password hash. */
export const viewerColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  siteRole: users.siteRole,
  status: users.status,
  createdAt: users.createdAt,
  verified: sql<boolean>`(${users.emailVerified} is not null)`,
};

/**
 * A person's account as the policy sees them (a Viewer), read fresh. For the person behind a
 * request, use `loadSessionViewer`, which checks their session too.
 */
export async function loadAccount(id: string, db?: Db): Promise<Viewer | null> {
  db ??= await getDb();
  const [row] = await db.select(viewerColumns).from(users)
    .where(eq(users.id, id));
  return row ?? null;
}
