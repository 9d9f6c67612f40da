import type { Metadata } from "next";
import { confirmEmailChangeAction } from "@/app/_actions/account";
import { ActionForm } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { UnusableLink } from "@/app/_components/unusable-link";
import { requireViewer } from "@/lib/auth/request-viewer";
import { previewEmailChange } from "@/lib/users/email-change";

export const metadata: Metadata = { title: "Confirm your new email address" };

export default async function ConfirmEmailPage({ params }: PageProps<"/confirm-email/[token]">) {
  const { token } = await params;
  const viewer = await requireViewer(`/confirm-email/${token}`);
  const { data, error } = await loadPage(() => previewEmailChange(viewer, token));
  if (!data) {
    return <UnusableLink reason={error.message} next={{ href: "/settings", label: "Go to your account" }} />;
  }
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">Confirm your new email address</h1>
      <p>
        Your account will use <strong>{data.newEmail}</strong> from now on, to sign in and for email. We will tell your old address.
      </p>
      <ActionForm action={confirmEmailChangeAction} submitLabel="Use this address">
        <input type="hidden" name="token" value={token} />
      </ActionForm>
    </div>
  );
}
