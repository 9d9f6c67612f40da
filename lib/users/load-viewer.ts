import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { MaybeViewer } from "@/lib/policy";

/** The account behind a session, read fresh: a suspension applies on the very next request. */
export async function loadViewer(id: string, db?: Db): Promise<MaybeViewer> {
  db ??= await getDb();
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      siteRole: users.siteRole,
      status: users.status,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}
