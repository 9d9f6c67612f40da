"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { getViewer } from "@/lib/auth/request-viewer";
import { AppError } from "@/lib/errors";
import { requestNetwork } from "@/lib/http/client-address";
import { formValues, publicFormAction } from "@/lib/http/form-action";
import { safeReturnPath } from "@/lib/http/return-path";
import { signInSchema } from "@/lib/users/credentials";
import { requestPasswordReset, resetPassword } from "@/lib/users/password-reset";
import { registerUser } from "@/lib/users/registration";
import { cancelUnconfirmedAccount, confirmAddress } from "@/lib/users/verification";
import { emailSchema } from "@/lib/validation";

const returnTo = z.string().optional();

/** Signs in with a password through Auth.js, turning its refusals into messages beside the field. */
async function signInWithPassword(email: string, password: string, redirectTo: string) {
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const limited = (error as { code?: string }).code === "rate_limited";
    const message = limited ? "Too many sign-in attempts. Please wait a few minutes, or sign in with an emailed link." : "The email address or password is not right.";
    throw new AppError(limited ? 429 : 401, message, { password: [message] });
  }
}

export const signInAction = publicFormAction(signInSchema.extend({ callbackUrl: returnTo }), async ({ email, password, callbackUrl }) => {
  await signInWithPassword(email, password, safeReturnPath(callbackUrl));
});

export const emailLinkAction = publicFormAction(z.object({ linkEmail: emailSchema, callbackUrl: returnTo }), async ({ linkEmail, callbackUrl }) => {
  await signIn("email", { email: linkEmail, redirectTo: safeReturnPath(callbackUrl), redirect: false });
  return { redirectTo: "/sign-in/check-email" };
});

/** Sign-up answers the same for every address: check your email. */
export const signUpAction = publicFormAction(async (values) => {
  await registerUser(values, await requestNetwork());
  return { redirectTo: "/sign-up/check-email" };
});

export const forgotPasswordAction = publicFormAction(async (values) => requestPasswordReset(values, await requestNetwork()));

export const resetPasswordAction = publicFormAction(async (values) => {
  const { email } = await resetPassword(values);
  await signInWithPassword(email, values.password ?? "", "/home");
});

export const confirmAddressAction = publicFormAction(async (values) => {
  const { email, signIn: needsSignIn } = await confirmAddress(await getViewer(), values.token ?? "", values, await requestNetwork());
  if (needsSignIn) await signInWithPassword(email, values.password ?? "", "/home");
  return { redirectTo: "/home" };
});

export const cancelSignUpAction = publicFormAction(async (values) => {
  await cancelUnconfirmedAccount(values.token ?? "");
  return { message: "That account is cancelled and its details deleted. Nobody can use this address on Roundtable until its owner signs up." };
});

export async function oidcSignInAction(formData: FormData) {
  await signIn("oidc", { redirectTo: safeReturnPath(formValues(formData).callbackUrl) });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
