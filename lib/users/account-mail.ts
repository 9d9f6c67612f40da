import { siteLink } from "@/lib/http/site-url";
import { sendMail } from "@/lib/mail/send";
import { TOKEN_MINUTES } from "./email-tokens";

// Every message about a person's own account, one named function each, so that each can be
// routed through notifications later without hunting for it. Links come from siteLink (the
// configured public address), never from a request.

const IGNORE = "If this was not you, you can ignore this email: nothing changes.";
const hours = (minutes: number) => (minutes >= 120 ? `${minutes / 60} hours` : `${minutes} minutes`);

export async function sendAddressConfirmation(to: string, token: string) {
  await sendMail({
    to,
    subject: "Confirm your email address for Roundtable",
    text: [
      "Someone, we hope you, created a Roundtable account with this email address.",
      `To confirm that it is yours, open this link (it works once, for ${hours(TOKEN_MINUTES.verify_email)}):`,
      siteLink(`/verify-email/${token}`),
      "If you did not create it, the same page lets you cancel it. Unconfirmed accounts are removed after 7 days.",
    ].join("\n\n"),
  });
}

/** Someone tried to sign up with an address that already has a confirmed account: tell its owner, never the person signing up. */
export async function tellOwnerOfSignUpAttempt(to: string) {
  await sendMail({
    to,
    subject: "You already have a Roundtable account",
    text: [
      "Someone tried to create a Roundtable account with this email address, which already has one.",
      `To sign in, go to ${siteLink("/sign-in")}. If you have forgotten your password, choose a new one at ${siteLink("/forgot-password")}.`,
      IGNORE,
    ].join("\n\n"),
  });
}

/** An account was started with this address but never confirmed: let the address's owner make it theirs. */
export async function sendAccountClaimLink(to: string, token: string) {
  await sendMail({
    to,
    subject: "Finish setting up your Roundtable account",
    text: [
      "Someone tried to create a Roundtable account with this email address. An account was started with it before but never confirmed.",
      `If this address is yours, choose a password here to make the account yours (the link works once, for ${hours(TOKEN_MINUTES.reset_password)}). Whoever started it is signed out and their password no longer works:`,
      siteLink(`/reset-password/${token}`),
      IGNORE,
    ].join("\n\n"),
  });
}

export async function sendPasswordResetLink(to: string, token: string) {
  await sendMail({
    to,
    subject: "Choose a new Roundtable password",
    text: [
      `To choose a new password, open this link. It works once, for ${hours(TOKEN_MINUTES.reset_password)}:`,
      siteLink(`/reset-password/${token}`),
      "Choosing a new password signs you out on every other device.",
      IGNORE,
    ].join("\n\n"),
  });
}

export async function tellPasswordChanged(to: string) {
  await sendMail({
    to,
    subject: "Your Roundtable password was changed",
    text: [
      "The password of your Roundtable account was just changed, and every other device was signed out.",
      `If you did not do this, choose a new password now at ${siteLink("/forgot-password")}.`,
    ].join("\n\n"),
  });
}

/** The address was proven for an account someone had set up without confirming it: say what changed. */
export async function tellAccountClaimed(to: string) {
  await sendMail({
    to,
    subject: "Your Roundtable account is confirmed",
    text: [
      "You confirmed this email address. An account had been started with it without being confirmed, so to keep it yours we removed the password it had and signed it out on every device.",
      `Check the name and details on your profile at ${siteLink("/settings")}, and choose a password there if you want one.`,
    ].join("\n\n"),
  });
}

export async function sendEmailChangeLink(to: string, token: string) {
  await sendMail({
    to,
    subject: "Confirm your new email address for Roundtable",
    text: [
      "Someone asked to move their Roundtable account to this email address.",
      `If it was you, open this link while signed in to confirm (it works once, for ${hours(TOKEN_MINUTES.change_email)}):`,
      siteLink(`/confirm-email/${token}`),
      IGNORE,
    ].join("\n\n"),
  });
}

/** The address asked for is already someone's: tell that address, and the person asking nothing more than usual. */
export async function tellAddressAlreadyInUse(to: string) {
  await sendMail({
    to,
    subject: "Someone tried to use your address on Roundtable",
    text: ["Someone asked to move another Roundtable account to this email address. It already has an account, so nothing changed.", IGNORE].join("\n\n"),
  });
}

export async function tellOldAddressOfEmailChange(to: string, newAddressHint: string, done: boolean) {
  await sendMail({
    to,
    subject: done ? "Your Roundtable email address was changed" : "Someone asked to change your Roundtable email address",
    text: [
      done
        ? `Your Roundtable account now uses a new email address (${newAddressHint}). This address no longer signs in.`
        : `Someone signed in to your Roundtable account asked to move it to a new email address (${newAddressHint}). It changes only when that address confirms.`,
      `If this was not you, choose a new password at ${siteLink("/forgot-password")} and tell your site administrator.`,
    ].join("\n\n"),
  });
}

export async function tellDeletionScheduled(to: string, dueAt: Date, keepContent: boolean) {
  await sendMail({
    to,
    subject: "Your Roundtable account will be deleted",
    text: [
      `You asked us to delete your Roundtable account. We will delete it on ${dueAt.toUTCString().slice(0, 16)}.`,
      keepContent
        ? "Your posts and replies will stay, shown as written by “a former member”."
        : "Your posts and replies will be removed, along with the replies other people made to your posts.",
      `Changed your mind? Sign in before then at ${siteLink("/sign-in")} and nothing will be deleted.`,
    ].join("\n\n"),
  });
}

export async function tellDeletionCancelled(to: string) {
  await sendMail({
    to,
    subject: "Your Roundtable account will not be deleted",
    text: "You signed in, so we have cancelled the deletion of your account. If you still want it deleted, ask again from your account page.",
  });
}

export async function tellAccountDeleted(to: string) {
  await sendMail({
    to,
    subject: "Your Roundtable account has been deleted",
    text: "Your Roundtable account has been deleted, as you asked. This is the last email we will send you.",
  });
}

/** "j•••@council.gov.uk": enough for the owner to recognise an address, not enough to learn it. */
export function maskAddress(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}
