import type { Metadata } from "next";
import { resetPasswordAction } from "@/app/_actions/auth";
import { ActionForm, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { UnusableLink } from "@/app/_components/unusable-link";
import { checkResetLink } from "@/lib/users/password-reset";
import { PASSWORD_MIN } from "@/lib/users/password";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const { token } = await params;
  const { error } = await loadPage(() => checkResetLink(token));
  if (error) {
    return <UnusableLink reason={error.message} next={{ href: "/forgot-password", label: "Ask for a new link" }} />;
  }
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">Choose a new password</h1>
      <p>This signs you out on every other device, and signs you in here.</p>
      <ActionForm action={resetPasswordAction} submitLabel="Save my new password">
        <input type="hidden" name="token" value={token} />
        <TextField
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters. Three random words make a strong password.`}
        />
      </ActionForm>
    </div>
  );
}
