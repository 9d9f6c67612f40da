"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth";
import { formAction, formValues, type ActionState } from "@/lib/http/action-state";
import { registerUser } from "@/lib/users/registration";
import { signInSchema } from "@/lib/users/credentials";
import { emailSchema, fieldErrorsOf } from "@/lib/validation";

/** Only same-site paths may follow sign-in. */
function safeReturnPath(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/home";
}

export async function signInAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = signInSchema.safeParse(values);
  const kept = { email: values.email ?? "" };
  if (!parsed.success) {
    return { ok: false, status: 400, message: "Please check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values: kept };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeReturnPath(values.callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError && (error as { code?: string }).code === "rate_limited") {
      return {
        ok: false,
        status: 429,
        message: "Too many sign-in attempts. Please wait a minute and try again.",
        fieldErrors: { password: ["Too many sign-in attempts. Please wait a minute and try again."] },
        values: kept,
      };
    }
    if (error instanceof AuthError) {
      return {
        ok: false,
        status: 401,
        message: "The email address or password is not right.",
        fieldErrors: { password: ["The email address or password is not right."] },
        values: kept,
      };
    }
    throw error;
  }
  return { ok: true };
}

export async function emailLinkAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = emailSchema.safeParse(values.linkEmail);
  if (!parsed.success) {
    return {
      ok: false,
      status: 400,
      message: "Please check the highlighted fields.",
      fieldErrors: { linkEmail: [parsed.error.issues[0]!.message] },
      values,
    };
  }
  await signIn("email", { email: parsed.data, redirectTo: safeReturnPath(values.callbackUrl), redirect: false });
  redirect("/sign-in/check-email");
}

export async function oidcSignInAction(formData: FormData) {
  await signIn("oidc", { redirectTo: safeReturnPath(formValues(formData).callbackUrl) });
}

export const signUpAction = formAction(async (_viewer, values) => {
  await registerUser(values);
  await signIn("credentials", { email: values.email, password: values.password, redirect: false });
  redirect("/home");
});

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
