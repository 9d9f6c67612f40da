import type { Metadata } from "next";
import { inviteAction, revokeInvitationAction } from "@/app/_actions/communities";
import { formatDate } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { ActionButton, ActionForm, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { INVITATION_DAYS, listOpenInvitations } from "@/lib/communities/send-invitations";
import { communityTitle, loadCommunityPage } from "../load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/invite">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug, "Invite people") };
}

export default async function InvitePage({ params }: PageProps<"/c/[slug]/invite">) {
  const { slug } = await params;
  const viewer = await requireViewer(`/c/${slug}/invite`);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  if (!page.allowed.invite) {
    return (
      <div>
        <CommunityHeader page={page} current="invite" title="Invite people" />
        <p>{page.refusals.invite}</p>
      </div>
    );
  }
  const { data: open } = await loadPage(() => listOpenInvitations(viewer, slug));
  return (
    <div className="space-y-10">
      <CommunityHeader page={page} current="invite" title="Invite people" />
      <section className="max-w-2xl space-y-3" aria-labelledby="invite-heading">
        <h2 id="invite-heading" className="text-2xl font-bold">
          Send an invitation
        </h2>
        <p>
          We email them a link that works once, only for their address, for {INVITATION_DAYS} days. People
          already on Roundtable also see the invitation on their home page.
        </p>
        <ActionForm action={inviteAction} submitLabel="Send invitation">
          <input type="hidden" name="slug" value={slug} />
          <TextField
            name="invitee"
            label="Their name or email address"
            hint="Use a name for someone already on Roundtable, or an email address for anyone."
            autoComplete="off"
          />
        </ActionForm>
      </section>
      <section aria-labelledby="open-heading" className="space-y-3">
        <h2 id="open-heading" className="text-2xl font-bold">
          Invitations waiting for an answer
        </h2>
        <p className="text-muted">The community’s facilitators see every invitation; anyone else sees the ones they sent.</p>
        {!open || open.invitations.length === 0 ? (
          <p className="text-muted">Nobody has an invitation waiting for an answer.</p>
        ) : (
          <ul className="space-y-3">
            {open.invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-3">
                <span className="min-w-0 break-words">
                  <span className="font-semibold">{invitation.label}</span>
                  <span className="block text-sm text-muted">
                    Invited by {invitation.invitedBy ?? "a former member"} on {formatDate(invitation.createdAt)}; expires{" "}
                    {formatDate(invitation.expiresAt)}
                  </span>
                </span>
                {invitation.canWithdraw && (
                  <ActionButton
                    action={revokeInvitationAction}
                    label={`Withdraw invitation for ${invitation.label}`}
                    kind="secondary"
                    size="sm"
                    fields={{ slug, invitationId: invitation.id }}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
