import type { Metadata } from "next";
import Link from "next/link";
import { acceptInvitationTokenAction } from "@/app/_actions/communities";
import { formatDate } from "@/app/_components/community";
import { ActionForm } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { UnusableLink } from "@/app/_components/unusable-link";
import { getViewer } from "@/lib/auth/request-viewer";
import { viewInvitation } from "@/lib/communities/answer-invitations";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: PageProps<"/invitations/[token]">) {
  const { token } = await params;
  const viewer = await getViewer();
  const here = `/invitations/${token}`;
  if (!viewer) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold">You have been invited to a community</h1>
        <p>Sign in, or create an account, with the email address the invitation was sent to. Then you can accept it.</p>
        <p className="flex gap-6">
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>Sign in</Link>
          <Link href="/sign-up">Create an account</Link>
        </p>
      </div>
    );
  }
  const { data: invitation, error } = await loadPage(() => viewInvitation(viewer, token));
  if (!invitation) {
    return <UnusableLink title="This invitation cannot be used" reason={error.message} next={{ href: "/home", label: "Go to your home page" }} />;
  }
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">Join {invitation.communityName}</h1>
      <p>
        {invitation.invitedBy ?? "A facilitator"} invited you to this community. The invitation expires on{" "}
        {formatDate(invitation.expiresAt)}.
      </p>
      {invitation.purpose && <p className="whitespace-pre-line border-l-4 border-line pl-3">{invitation.purpose}</p>}
      <ActionForm action={acceptInvitationTokenAction} submitLabel="Accept and join">
        <input type="hidden" name="token" value={token} />
      </ActionForm>
      <p>
        <Link href="/home">Not now</Link>
      </p>
    </div>
  );
}
