import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { badRequest, conflict } from "@/lib/errors";
import { emailSchema, parseInput, requiredText } from "@/lib/validation";
import { hashPassword, newPasswordSchema } from "./credentials";
import { attachInvitationsToUser } from "@/lib/communities/answer-invitations";

export const signUpSchema = z.object({
  name: requiredText("your name", 100),
  email: emailSchema,
  password: newPasswordSchema,
});

/** True when sign-up is open to this address under ALLOWED_EMAIL_DOMAINS. */
export function emailDomainAllowed(email: string, allowed = env().allowedEmailDomains): boolean {
  if (allowed.length === 0) return true;
  const domain = email.split("@").pop()?.toLowerCase() ?? "";
  return allowed.some((ok) => domain === ok || domain.endsWith(`.${ok}`));
}

/** Creates an account with a password. Throws 400 for bad input and 409 for a taken email. */
export async function registerUser(input: unknown): Promise<{ id: string; email: string }> {
  const data = parseInput(signUpSchema, input);
  const allowed = env().allowedEmailDomains;
  if (!emailDomainAllowed(data.email, allowed)) {
    throw badRequest("Please check the highlighted fields.", {
      email: [`Sign-up is open to addresses ending in ${allowed.join(", ")}.`],
    });
  }
  const passwordHash = await hashPassword(data.password);
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ name: data.name, email: data.email, passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email });
    if (user) await attachInvitationsToUser(tx, user);
    return user;
  });
  if (!created) {
    throw conflict("Please check the highlighted fields.", {
      email: ["An account with this email address already exists. Sign in instead."],
    });
  }
  return created;
}
