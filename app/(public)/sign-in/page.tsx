import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { emailLinkAction, oidcSignInAction, signInAction } from "@/app/_actions/auth";
import { buttonClass } from "@/app/_components/button-styles";
import { ActionForm, TextField } from "@/app/_components/form";
import { enabledSignInMethods } from "@/lib/auth";
import { getActiveViewer } from "@/lib/auth/request-viewer";
import { safeReturnPath } from "@/lib/http/return-path";

export const metadata: Metadata = { title: "Sign in" };

const errorMessages: Record<string, string> = {
  AccessDenied: "That account cannot sign in. It may be suspended, or its email domain is not allowed.",
  Verification: "That sign-in link has expired or has already been used. Ask for a new one.",
  Configuration: "Sign-in is not working right now. Please try again later.",
};

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { callbackUrl, error } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl, "");
  if (await getActiveViewer()) redirect(returnTo || "/home");
  const methods = enabledSignInMethods();
  const errorMessage = typeof error === "string" ? (errorMessages[error] ?? errorMessages.Configuration) : null;
  return (
    <div className="max-w-xl space-y-8">
      <h1 className="text-3xl font-bold">Sign in</h1>
      {errorMessage && (
        <p role="alert" className="border-l-4 border-danger pl-3 font-semibold text-danger">
          {errorMessage}
        </p>
      )}
      <ActionForm action={signInAction} submitLabel="Sign in">
        <input type="hidden" name="callbackUrl" value={returnTo} />
        <TextField name="email" label="Email address" type="email" autoComplete="email" />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" />
      </ActionForm>
      <p>
        <Link href="/forgot-password">Forgotten your password?</Link> New to Roundtable? <Link href="/sign-up">Create an account</Link>.
      </p>
      {methods.emailLink && (
        <section aria-labelledby="link-heading" className="space-y-3 border-t border-line pt-6">
          <h2 id="link-heading" className="text-xl font-bold">
            Sign in without a password
          </h2>
          <p>We will email you a link that signs you in. It works once, for 15 minutes.</p>
          <ActionForm action={emailLinkAction} submitLabel="Email me a sign-in link" kind="secondary" idPrefix="link">
            <input type="hidden" name="callbackUrl" value={returnTo} />
            <TextField name="linkEmail" label="Email address" type="email" autoComplete="email" />
          </ActionForm>
        </section>
      )}
      {methods.oidc && (
        <section aria-labelledby="sso-heading" className="space-y-3 border-t border-line pt-6">
          <h2 id="sso-heading" className="text-xl font-bold">
            Sign in with your organisation
          </h2>
          <form action={oidcSignInAction}>
            <input type="hidden" name="callbackUrl" value={returnTo} />
            <button type="submit" className={buttonClass("secondary")}>
              Sign in with {methods.oidc.name}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
