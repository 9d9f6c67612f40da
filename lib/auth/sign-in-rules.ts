import { and, eq } from "drizzle-orm";
import type { Account, Profile, User } from "next-auth";
import { getDb } from "@/lib/db/client";
import { accounts, users } from "@/lib/db/schema";
import { clientAddress, rateLimitNetwork } from "@/lib/http/client-address";
import { onSite } from "@/lib/http/site-url";
import { sendMail } from "@/lib/mail/send";
import { isActiveAccount } from "@/lib/policy";
import { enforce } from "@/lib/rate-limit";
import { accountLimits } from "@/lib/rate-limit/account-limits";
import { isAppError } from "@/lib/errors";
import { tellAccountClaimed } from "@/lib/users/account-mail";
import { claimUnverifiedAccount, markAddressProven } from "@/lib/users/claim";
import { cancelDeletionOnSignIn } from "@/lib/users/deletion";
import { emailDomainAllowed } from "@/lib/users/registration";
import { siteLink } from "@/lib/http/site-url";

async function findByEmail(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, status: users.status, verifiedAt: users.emailVerified })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  return row;
}

/** Single sign-on vouches for the address only when it says so: `email_verified: true`, nothing else. */
export function oidcVouchesFor(profile: Profile | undefined, email: string | null | undefined): boolean {
  return profile?.email_verified === true && typeof profile.email === "string" && Boolean(email) && profile.email.toLowerCase() === email!.toLowerCase();
}

async function linkedAlready(account: Account) {
  const db = await getDb();
  const [row] = await db
    .select({ userId: accounts.userId })
    .from(accounts)
    .where(and(eq(accounts.provider, account.provider), eq(accounts.providerAccountId, account.providerAccountId)));
  return row;
}

type SignInAttempt = { user: User; account?: Account | null; profile?: Profile; email?: { verificationRequest?: boolean } };

/**
 * Auth.js asks this before every sign-in, and when a sign-in link is asked for. Suspended
 * accounts are refused. When an emailed link or single sign-on proves an address whose account
 * was never confirmed, that account is made safe first (see claim.ts). Single sign-on links to
 * an existing account only when it vouches for the address.
 */
export async function allowSignIn({ user, account, profile, email }: SignInAttempt): Promise<boolean> {
  if (!user.email) return false;
  const existing = await findByEmail(user.email);
  if (email?.verificationRequest) return !existing || isActiveAccount(existing);
  if (account?.provider === "email") {
    if (!existing || !isActiveAccount(existing)) return false;
    if (await claimUnverifiedAccount(await getDb(), existing.id)) await tellAccountClaimed(user.email);
    return true;
  }
  if (account?.provider === "oidc") {
    const linked = await linkedAlready(account);
    if (linked) return Boolean(existing && existing.id === linked.userId && isActiveAccount(existing));
    if (!existing) return emailDomainAllowed(user.email);
    if (!oidcVouchesFor(profile, user.email) || !isActiveAccount(existing)) return false;
    if (await claimUnverifiedAccount(await getDb(), existing.id)) await tellAccountClaimed(user.email);
    return true;
  }
  return Boolean(existing && isActiveAccount(existing));
}

/** After any sign-in: an address proven by a link or by single sign-on is recorded; a pending deletion is cancelled. */
export async function afterSignIn({ user, account, profile }: { user: User; account?: Account | null; profile?: Profile }) {
  if (!user.id || !user.email) return;
  const proven = account?.provider === "email" || (account?.provider === "oidc" && oidcVouchesFor(profile, user.email));
  if (proven) await markAddressProven(await getDb(), user.id, user.email.toLowerCase());
  await cancelDeletionOnSignIn(user.id);
}

/**
 * Mails a sign-in link to an active account, on the configured public address whatever host
 * the request named. An unknown address gets a note on how to sign up instead, so the form
 * never reveals which addresses have accounts. Over the limits, nothing is sent (the page
 * says the same either way).
 */
export async function sendSignInLink(email: string, url: string, request: Request): Promise<void> {
  try {
    await enforce(await getDb(), accountLimits.signInLink(rateLimitNetwork(clientAddress(request.headers)), email));
  } catch (error) {
    if (isAppError(error) && error.status === 429) return;
    throw error;
  }
  const existing = await findByEmail(email);
  if (existing && isActiveAccount(existing)) {
    await sendMail({
      to: email,
      subject: "Your Roundtable sign-in link",
      text: `Use this link to sign in to Roundtable. It works once and expires in 15 minutes.\n\n${onSite(url)}\n\nIf you did not ask for it, you can ignore this email.`,
    });
    return;
  }
  if (existing) return;
  await sendMail({
    to: email,
    subject: "Signing in to Roundtable",
    text: `Someone asked to sign in to Roundtable with this address, but it has no account.\n\nTo create one, go to ${siteLink("/sign-up")}\n\nIf it was not you, you can ignore this email.`,
  });
}
