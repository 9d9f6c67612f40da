import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError, badRequest, conflict, notFound } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy";
import { enforce } from "@/lib/rate-limit";
import { accountLimits } from "@/lib/rate-limit/account-limits";
import { emailSchema, parseInput } from "@/lib/validation";
import { maskAddress, sendEmailChangeLink, tellAddressAlreadyInUse, tellOldAddressOfEmailChange } from "./account-mail";
import { markAddressProven } from "./claim";
import { verifyPassword } from "./credentials";
import { issueEmailToken, peekEmailToken, useEmailToken } from "./email-tokens";
import { PASSWORD_MAX } from "./password";
import { assertDomainAllowed } from "./registration";

// Moving an account to a new address: the new address must prove itself (a link, opened while
// signed in to the account), and the old address is told, when asked and when done. Whether
// the new address already has an account is never said to the person asking.

const CHECK = "Please check the highlighted fields.";
export const EMAIL_CHANGE_ANSWER = "We have sent a link to the new address. Your address changes when you open it while signed in.";

const requestSchema = z.object({ newEmail: emailSchema, password: z.string().max(PASSWORD_MAX).optional().default("") });

export async function requestEmailChange(viewer: Viewer, input: unknown, network = "unknown"): Promise<{ message: string }> {
  authorize(viewer, "account.changeEmail", {});
  const { newEmail, password } = parseInput(requestSchema, input);
  if (newEmail === viewer.email) throw badRequest(CHECK, { newEmail: ["That is already your email address."] });
  assertDomainAllowed(newEmail, "newEmail");
  const db = await getDb();
  await enforce(db, accountLimits.changeEmail(viewer, network, newEmail));
  const [account] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, viewer.id));
  if (account?.hash && !(await verifyPassword(account.hash, password))) {
    throw badRequest(CHECK, { password: ["Your password is not right."] });
  }
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, newEmail));
  if (taken) {
    await tellAddressAlreadyInUse(newEmail);
  } else {
    await sendEmailChangeLink(newEmail, await issueEmailToken(db, viewer.id, "change_email", newEmail));
    await tellOldAddressOfEmailChange(viewer.email, maskAddress(newEmail), false);
  }
  return { message: EMAIL_CHANGE_ANSWER };
}

const SPENT = "This link has expired or has already been used. Ask for the change again from your account page.";

/** What the confirmation page shows: the new address, to the account that asked for it only. */
export async function previewEmailChange(viewer: Viewer, token: string): Promise<{ newEmail: string }> {
  const link = await peekEmailToken(await getDb(), token, "change_email");
  if (!link) throw new AppError(410, SPENT);
  if (link.userId !== viewer.id) throw notFound("This link is for a different account. Sign in with the account that asked for the change.");
  return { newEmail: link.email };
}

/** Moves the signed-in account to the address the link was sent to. */
export async function confirmEmailChange(viewer: Viewer, token: string): Promise<{ email: string }> {
  await previewEmailChange(viewer, token);
  const db = await getDb();
  const oldEmail = viewer.email;
  const email = await db.transaction(async (tx) => {
    const used = await useEmailToken(tx, token, "change_email");
    if (!used || used.userId !== viewer.id) throw new AppError(410, SPENT);
    const [clash] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, used.email), ne(users.id, viewer.id)));
    if (clash) throw conflict("That address now belongs to another account, so your address was not changed.");
    await tx.update(users).set({ email: used.email }).where(eq(users.id, viewer.id));
    await markAddressProven(tx, viewer.id, used.email);
    return used.email;
  });
  await tellOldAddressOfEmailChange(oldEmail, maskAddress(email), true);
  return { email };
}
