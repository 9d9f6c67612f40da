import { eq } from "drizzle-orm";
import type { User } from "next-auth";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { sendMail } from "@/lib/mail/send";
import { isActiveAccount } from "@/lib/policy";
import { emailDomainAllowed } from "@/lib/users/registration";

async function findByEmail(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, status: users.status })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  return row;
}

/**
 * Auth.js asks this before every sign-in. Suspended accounts are refused. New accounts
 * made through single sign-on must use an allowed email domain.
 */
export async function allowSignIn(user: User, provider?: string): Promise<boolean> {
  if (!user.email) return false;
  const existing = await findByEmail(user.email);
  if (existing) return isActiveAccount(existing);
  if (provider === "email") return true; // an unknown address is sent no link; see below
  return emailDomainAllowed(user.email);
}

/**
 * Mails a sign-in link to an active account. An unknown address gets a note on how to
 * sign up instead, so the form never reveals which addresses have accounts.
 */
export async function sendSignInLink(email: string, url: string): Promise<void> {
  const existing = await findByEmail(email);
  if (existing && isActiveAccount(existing)) {
    await sendMail({
      to: email,
      subject: "Your Roundtable sign-in link",
      text: `Use this link to sign in to Roundtable. It works once and expires in 15 minutes.\n\n${url}\n\nIf you did not ask for it, you can ignore this email.`,
    });
    return;
  }
  if (existing) return;
  const signUp = new URL("/sign-up", url).toString();
  await sendMail({
    to: email,
    subject: "Signing in to Roundtable",
    text: `Someone asked to sign in to Roundtable with this address, but it has no account.\n\nTo create one, go to ${signUp}\n\nIf it was not you, you can ignore this email.`,
  });
}
