import type { Metadata } from "next";
import { cancelSignUpAction, confirmAddressAction } from "@/app/_actions/auth";
import { ActionForm, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { UnusableLink } from "@/app/_components/unusable-link";
import { getViewer } from "@/lib/auth/request-viewer";
import { previewConfirmation } from "@/lib/users/verification";

export const metadata: Metadata = { title: "Confirm your email address" };

export default async function VerifyEmailPage({ params }: PageProps<"/verify-email/[token]">) {
  const { token } = await params;
  const { data, error } = await loadPage(async () => previewConfirmation(await getViewer(), token));
  if (!data) {
    return <UnusableLink reason={error.message} next={{ href: "/sign-in", label: "Go to sign in" }} />;
  }
  return (
    <div className="max-w-xl space-y-8">
      <h1 className="text-3xl font-bold">Confirm your email address</h1>
      <ActionForm action={confirmAddressAction} submitLabel="Confirm my address" idPrefix="confirm">
        <input type="hidden" name="token" value={token} />
        {data.needsPassword ? (
          <>
            <p>To show that this account is yours, enter the password you chose when you created it.</p>
            <TextField name="password" label="Password" type="password" autoComplete="current-password" />
          </>
        ) : (
          <p>You are signed in to the account this address belongs to.</p>
        )}
      </ActionForm>
      <section aria-labelledby="not-me-heading" className="space-y-3 border-t border-line pt-6">
        <h2 id="not-me-heading" className="text-xl font-bold">
          Did not create this account?
        </h2>
        <p>If someone else used your address, cancel the account. Its details are deleted, and nobody can use it.</p>
        <ActionForm action={cancelSignUpAction} submitLabel="Cancel this account" kind="secondary" idPrefix="cancel" summary={false}>
          <input type="hidden" name="token" value={token} />
        </ActionForm>
      </section>
    </div>
  );
}
