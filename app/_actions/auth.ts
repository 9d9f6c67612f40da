"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { formValues, publicFormAction } from "@/lib/http/form-action";
import { signInSchema } from "@/lib/users/credentials";
import { registerUser } from "@/lib/users/registration";
import { emailSchema } from "@/lib/validation";

/** Only same-site paths may follow sign-in. */
function safeReturnPath(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/home";
}

const returnTo = z.string().optional();

export const signInAction = publicFormAction(signInSchema.extend({ callbackUrl: returnTo }), async ({ email, password, callbackUrl }) => {
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(callbackUrl) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const limited = (error as { code?: string }).code === "rate_limited";
    const message = limited ? "Too many sign-in attempts. Please wait a minute and try again." : "The email address or password is not right.";
    throw new AppError(limited ? 429 : 401, message, { password: [message] });
  }
});

export const emailLinkAction = publicFormAction(z.object({ linkEmail: emailSchema, callbackUrl: returnTo }), async ({ linkEmail, callbackUrl }) => {
  await signIn("email", { email: linkEmail, redirectTo: safeReturnPath(callbackUrl), redirect: false });
  return { redirectTo: "/sign-in/check-email" };
});

export const signUpAction = publicFormAction(async (values) => {
  await registerUser(values);
  await signIn("credentials", { email: values.email, password: values.password, redirect: false });
  return { redirectTo: "/home" };
});

export async function oidcSignInAction(formData: FormData) {
  await signIn("oidc", { redirectTo: safeReturnPath(formValues(formData).callbackUrl) });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
