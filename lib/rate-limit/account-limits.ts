import { createHash } from "node:crypto";
import type { Viewer } from "@/lib/policy";
import type { Limit } from "./index";

// Limits on every path that sends mail or creates an account, and on password sign-in. Each is
// counted per address (hashed: the limits table holds no addresses), per account and per
// network, so one party cannot mail a stranger's inbox full, nor lock a member out: a
// password lockout is per network *and* account, and an emailed sign-in link always works.
// The README lists these numbers; change both together.

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const address = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
const cap = (key: string, limit: number, windowSeconds: number, message: string): Limit => ({ kind: "cap", key, limit, windowSeconds, message });

export const accountLimits = {
  signUp: (network: string, email: string): Limit[] => [
    cap(`signup-net:${network}`, 10, HOUR, "Too many accounts have been created from this network."),
    cap(`signup-addr:${address(email)}`, 3, DAY, "Too many sign-ups for this email address today."),
  ],
  /** Asking for a sign-in link. Over the limit the link is quietly not sent: the page says the same either way. */
  signInLink: (network: string, email: string): Limit[] => [
    cap(`link-net:${network}`, 20, HOUR, "Too many sign-in links asked for from this network."),
    cap(`link-addr:${address(email)}`, 5, HOUR, "Too many sign-in links asked for this address."),
  ],
  passwordReset: (network: string, email: string): Limit[] => [
    cap(`reset-net:${network}`, 20, HOUR, "Too many password resets asked for from this network."),
    cap(`reset-addr:${address(email)}`, 5, HOUR, "Too many password resets asked for this address."),
  ],
  /** Password sign-in. The pair limit stops guessing; a stranger elsewhere cannot use it up. */
  passwordSignIn: (network: string, email: string): Limit[] => [
    cap(`signin-pair:${network}:${address(email)}`, 10, 15 * MINUTE, "Too many sign-in attempts for this account from this network."),
    cap(`signin-net:${network}`, 100, 15 * MINUTE, "Too many sign-in attempts from this network."),
    cap(`signin-addr:${address(email)}`, 100, HOUR, "Too many sign-in attempts for this account. Sign in with an emailed link instead."),
  ],
  /** Confirming an address by typing the account's password counts as a sign-in attempt. */
  confirmAddress: (network: string, email: string): Limit[] => accountLimits.passwordSignIn(network, email),
  resendConfirmation: (viewer: Viewer, network: string): Limit[] => [
    { kind: "gate", key: `confirm-resend:${viewer.id}`, seconds: MINUTE, message: "We have just sent a link." },
    cap(`confirm-resend-day:${viewer.id}`, 5, DAY, "You have asked for 5 links today."),
    cap(`confirm-resend-net:${network}`, 20, HOUR, "Too many links asked for from this network."),
  ],
  changePassword: (viewer: Viewer): Limit[] => [cap(`password-change:${viewer.id}`, 10, HOUR, "Too many password changes.")],
  changeEmail: (viewer: Viewer, network: string, newEmail: string): Limit[] => [
    cap(`email-change:${viewer.id}`, 5, DAY, "You have asked to change your email address 5 times today."),
    cap(`email-change-addr:${address(newEmail)}`, 3, DAY, "Too many changes to that address today."),
    cap(`email-change-net:${network}`, 20, DAY, "Too many email changes from this network today."),
  ],
  invitation: (viewer: Viewer, network: string, inviteeEmail: string): Limit[] => {
    const isNew = Date.now() - viewer.createdAt.getTime() < DAY * 1000;
    return [
      cap(`invite-hour:${viewer.id}`, 30, HOUR, "You are sending invitations too quickly."),
      cap(`invite-day:${viewer.id}`, isNew ? 10 : 100, DAY, `You have reached today's limit of ${isNew ? 10 : 100} invitations.`),
      cap(`invite-addr:${address(inviteeEmail)}`, 5, DAY, "That address has been sent enough invitations today."),
      cap(`invite-net:${network}`, 200, DAY, "Too many invitations have been sent from this network today."),
    ];
  },
};
