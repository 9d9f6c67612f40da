import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { badRequest } from "@/lib/errors";
import { enforce } from "@/lib/rate-limit";
import { accountLimits } from "@/lib/rate-limit/account-limits";
import { emailSchema, parseInput, requiredText } from "@/lib/validation";
import { sendAccountClaimLink, sendAddressConfirmation, tellOwnerOfSignUpAttempt } from "./account-mail";
import { hashPassword, newPasswordSchema } from "./credentials";
import { issueEmailToken } from "./email-tokens";

export const signUpSchema = z.object({
  name: requiredText("your name", 100),
  email: emailSchema,
  password: newPasswordSchema,
});

/** What sign-up answers, whether or not the address already has an account. */
export const SIGN_UP_ANSWER = "Check your email: we have sent a message to that address. Open the link in it to confirm your account.";

/**
 * True when the address's domain is one of ALLOWED_EMAIL_DOMAINS or inside one, label by
 * label: `a@x.gov.uk` is inside `gov.uk`; `a@evilgov.uk` and `a@gov.uk.evil.com` are not.
 */
export function emailDomainAllowed(email: string, allowed = env().allowedEmailDomains): boolean {
  if (allowed.length === 0) return true;
  const labels = email.slice(email.lastIndexOf("@") + 1).toLowerCase().split(".");
  if (labels.some((label) => label === "")) return false;
  return allowed.some((domain) => {
    const wanted = domain.split(".").filter(Boolean);
    const tail = labels.slice(labels.length - wanted.length);
    return wanted.length > 0 && wanted.length <= labels.length && wanted.every((label, i) => tail[i] === label);
  });
}

/** Refuses an address outside ALLOWED_EMAIL_DOMAINS with a message for `field`. */
export function assertDomainAllowed(email: string, field = "email") {
  const allowed = env().allowedEmailDomains;
  if (!emailDomainAllowed(email, allowed)) {
    throw badRequest("Please check the highlighted fields.", { [field]: [`Roundtable is open to addresses ending in ${allowed.join(", ")}.`] });
  }
}

/**
 * Starts an account with a password. The address is not trusted until the emailed link is
 * used: until then the account reads open communities and nothing more. The answer is the
 * same whether or not the address has an account (the mail tells its owner), and limits come
 * before the password is hashed. The hash is made either way, so both answers take as long.
 */
export async function registerUser(input: unknown, network = "unknown"): Promise<{ message: string }> {
  const data = parseInput(signUpSchema, input);
  const db = await getDb();
  await enforce(db, accountLimits.signUp(network, data.email));
  assertDomainAllowed(data.email);
  const passwordHash = await hashPassword(data.password);
  const outcome = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ name: data.name, email: data.email, passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (created) return { send: "confirm" as const, token: await issueEmailToken(tx, created.id, "verify_email", data.email) };
    const [existing] = await tx.select({ id: users.id, verifiedAt: users.emailVerified }).from(users).where(eq(users.email, data.email));
    // Started by someone, never confirmed: the address's owner may make it theirs with a reset link.
    if (existing && !existing.verifiedAt) return { send: "claim" as const, token: await issueEmailToken(tx, existing.id, "reset_password", data.email) };
    return { send: "tell" as const, token: "" };
  });
  if (outcome.send === "confirm") await sendAddressConfirmation(data.email, outcome.token);
  else if (outcome.send === "claim") await sendAccountClaimLink(data.email, outcome.token);
  else await tellOwnerOfSignUpAttempt(data.email);
  return { message: SIGN_UP_ANSWER };
}
