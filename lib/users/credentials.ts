import { eq } from "drizzle-orm";
import { z } from "zod";
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from "./password";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { enforce } from "@/lib/rate-limit";
import { accountLimits } from "@/lib/rate-limit/account-limits";
import { isActiveAccount } from "@/lib/policy";
import { emailSchema } from "@/lib/validation";

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX, `Passwords are ${PASSWORD_MAX} characters or fewer.`),
});

export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for your password.`)
  .max(PASSWORD_MAX, `Use ${PASSWORD_MAX} characters or fewer for your password.`);

export type SignedInUser = { id: string; name: string; email: string };

/**
 * The user whose email and password match, or null. Limited before any hashing, per network
 * and account together (so a stranger cannot lock a member out), per network and per account
 * (see account-limits.ts). A password is always verified, against a stand-in hash when there
 * is no such user, so failures take the same time either way.
 */
export async function verifyCredentials(input: unknown, network = "unknown"): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const db = await getDb();
  await enforce(db, accountLimits.passwordSignIn(network, email));
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      passwordHash: users.passwordHash,
      status: users.status,
    })
    .from(users)
    .where(eq(users.email, email));
  const matches = await verifyPassword(user?.passwordHash, password);
  if (!user || !matches || !isActiveAccount(user)) return null;
  return { id: user.id, name: user.name, email: user.email };
}

export { hashPassword, verifyPassword };
