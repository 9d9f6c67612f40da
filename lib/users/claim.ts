import { and, eq, isNull, sql } from "drizzle-orm";
import { attachInvitationsToUser } from "@/lib/communities/answer-invitations";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { endSessions } from "./sessions";

// When an address is proven. Someone may have set up an account with an address that is not
// theirs, waiting for its owner to sign in to it (pre-hijacking). So when the owner proves the
// address by another way than that account's own password (an emailed sign-in link, single
// sign-on, a reset link), the account's password is cleared and every session of it ended
// before the owner lands in it; nothing else could have been done with it while unproven.

/**
 * Makes an unproven account safe for the owner of its address: clears the password and ends
 * every session. Returns whether there was anything to clear (then tell the owner).
 */
export async function claimUnverifiedAccount(db: Db, userId: string): Promise<boolean> {
  const [claimed] = await db
    .update(users)
    .set({ passwordHash: null })
    .where(and(eq(users.id, userId), isNull(users.emailVerified)))
    .returning({ id: users.id });
  if (!claimed) return false;
  await endSessions(db, userId);
  return true;
}

/** Records that the account's current address is proven, and gives it the invitations that wait for that address. */
export async function markAddressProven(db: Db, userId: string, email: string): Promise<void> {
  const [proven] = await db
    .update(users)
    .set({ emailVerified: sql`coalesce(${users.emailVerified}, now())` })
    .where(and(eq(users.id, userId), eq(users.email, email)))
    .returning({ id: users.id, email: users.email });
  if (proven) await attachInvitationsToUser(db, proven);
}
