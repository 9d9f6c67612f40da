import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { isActiveAccount } from "@/lib/policy";
import { enforce } from "@/lib/rate-limit";
import { accountLimits } from "@/lib/rate-limit/account-limits";
import { emailSchema, parseInput } from "@/lib/validation";
import { sendPasswordResetLink, tellPasswordChanged } from "./account-mail";
import { markAddressProven } from "./claim";
import { hashPassword, newPasswordSchema } from "./credentials";
import { issueEmailToken, peekEmailToken, useEmailToken } from "./email-tokens";
import { endSessions } from "./sessions";

/** What asking for a reset answers, whether or not the address has an account. */
export const RESET_ANSWER = "If that address has a Roundtable account, we have sent it a link to choose a new password. The link works once, for 30 minutes.";
const SPENT = "This link has expired or has already been used. Ask for a new one.";

/** Mails a reset link to an active account. The answer never says whether there is one. */
export async function requestPasswordReset(input: unknown, network = "unknown"): Promise<{ message: string }> {
  const { email } = parseInput(z.object({ email: emailSchema }), input);
  const db = await getDb();
  await enforce(db, accountLimits.passwordReset(network, email));
  const [account] = await db.select({ id: users.id, status: users.status }).from(users).where(eq(users.email, email));
  if (account && isActiveAccount(account)) {
    await sendPasswordResetLink(email, await issueEmailToken(db, account.id, "reset_password", email));
  }
  return { message: RESET_ANSWER };
}

/** Throws when the link can no longer be used, for the page it opens. */
export async function checkResetLink(token: string): Promise<void> {
  if (!(await peekEmailToken(await getDb(), token, "reset_password"))) throw new AppError(410, SPENT);
}

const resetSchema = z.object({ token: z.string().max(100), password: newPasswordSchema });

/**
 * Sets a new password through an emailed link, which proves the address: every session of the
 * account ends (anyone who set it up or got into it is out), and an unproven address is proven.
 */
export async function resetPassword(input: unknown): Promise<{ email: string }> {
  const data = parseInput(resetSchema, input);
  const db = await getDb();
  if (!(await peekEmailToken(db, data.token, "reset_password"))) throw new AppError(410, SPENT);
  const passwordHash = await hashPassword(data.password);
  const email = await db.transaction(async (tx) => {
    const used = await useEmailToken(tx, data.token, "reset_password");
    if (!used) throw new AppError(410, SPENT);
    const [changed] = await tx.update(users).set({ passwordHash }).where(eq(users.id, used.userId)).returning({ email: users.email });
    if (changed?.email !== used.email) throw new AppError(410, SPENT);
    await endSessions(tx, used.userId);
    await markAddressProven(tx, used.userId, used.email);
    return used.email;
  });
  await tellPasswordChanged(email);
  return { email };
}
