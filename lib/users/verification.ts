import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError, badRequest, conflict } from "@/lib/errors";
import { assertActiveViewer, type MaybeViewer, type Viewer } from "@/lib/policy";
import { enforce } from "@/lib/rate-limit";
import { accountLimits } from "@/lib/rate-limit/account-limits";
import { parseInput } from "@/lib/validation";
import { sendAddressConfirmation } from "./account-mail";
import { markAddressProven } from "./claim";
import { verifyPassword } from "./credentials";
import { issueEmailToken, peekEmailToken, useEmailToken } from "./email-tokens";
import { PASSWORD_MAX } from "./password";
import { assertDomainAllowed } from "./registration";

// Confirming the address a new account was made with. The link proves the address; it does not
// prove that whoever opens it chose the account's password. So unless the browser is already
// signed in to that account, confirming asks for the password too, and someone who receives a
// link for an account they never made can cancel that account instead.

const SPENT = "This link has expired or has already been used. Sign in and ask for a new one from your account page.";
const spent = () => new AppError(410, SPENT);

/** What the confirmation page shows: whether the password is needed. */
export async function previewConfirmation(viewer: MaybeViewer, token: string) {
  const db = await getDb();
  const link = await peekEmailToken(db, token, "verify_email");
  if (!link) throw spent();
  return { needsPassword: viewer?.id !== link.userId };
}

const confirmSchema = z.object({ password: z.string().max(PASSWORD_MAX).optional().default("") });

/**
 * Confirms the address. Returns the address, and whether the browser should now be signed
 * in with the password just given (it was not signed in to this account).
 */
export async function confirmAddress(viewer: MaybeViewer, token: string, input: unknown, network = "unknown"): Promise<{ email: string; signIn: boolean }> {
  const { password } = parseInput(confirmSchema, input);
  const db = await getDb();
  const link = await peekEmailToken(db, token, "verify_email");
  if (!link) throw spent();
  const owner = viewer?.id === link.userId;
  if (!owner) {
    if (!password) throw badRequest("Please check the highlighted fields.", { password: ["Enter the password you chose when you created the account."] });
    await enforce(db, accountLimits.confirmAddress(network, link.email));
    const [account] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, link.userId));
    if (!(await verifyPassword(account?.passwordHash, password))) {
      throw badRequest("Please check the highlighted fields.", {
        password: ["That is not this account's password. If you did not create the account, cancel it below."],
      });
    }
  }
  assertDomainAllowed(link.email, "password");
  await db.transaction(async (tx) => {
    const used = await useEmailToken(tx, token, "verify_email");
    if (!used) throw spent();
    await markAddressProven(tx, used.userId, used.email);
  });
  return { email: link.email, signIn: !owner };
}

/** Someone got a confirmation link for an account they never made: using it removes that account. */
export async function cancelUnconfirmedAccount(token: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const used = await useEmailToken(tx, token, "verify_email");
    if (!used) throw spent();
    await tx.delete(users).where(and(eq(users.id, used.userId), eq(users.email, used.email), isNull(users.emailVerified)));
  });
}

/** Sends a new confirmation link to the signed-in account's address. */
export async function resendConfirmation(viewer: Viewer, network = "unknown"): Promise<{ message: string }> {
  assertActiveViewer(viewer);
  if (viewer.verified) throw conflict("Your email address is already confirmed.");
  const db = await getDb();
  await enforce(db, accountLimits.resendConfirmation(viewer, network));
  const token = await issueEmailToken(db, viewer.id, "verify_email", viewer.email);
  await sendAddressConfirmation(viewer.email, token);
  return { message: "We have sent a new link to your email address. It works once, for 24 hours." };
}
