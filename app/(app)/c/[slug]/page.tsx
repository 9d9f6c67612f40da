import type { Metadata } from "next";
import Link from "next/link";
import {
  acceptInvitationForAction,
  approveRequestAction,
  declineInvitationAction,
  declineRequestAction,
  joinCommunityAction,
  leaveCommunityAction,
  requestToJoinAction,
  withdrawRequestAction,
} from "@/app/_actions/communities";
import { CommunityCard, formatDate } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { buttonClass } from "@/app/_components/button-styles";
import { ActionButton, ActionForm, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/guard";
import { requireViewer } from "@/lib/auth/viewer";
import { communityTitle, loadCommunityPage } from "./load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug) };
}

export default async function CommunityPage({ params }: PageProps<"/c/[slug]">) {
  const { slug } = await params;
  await requireViewer(`/c/${slug}`);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  const { community, allowed, myMembership } = page;
  const fields = { slug: community.slug };
  return (
    <div>
      <CommunityHeader page={page} current="about" />
      <div className="grid gap-10 md:grid-cols-[2fr_1fr]">
        <div className="space-y-8">
          {community.purpose && (
            <section aria-labelledby="purpose-heading">
              <h2 id="purpose-heading" className="text-xl font-bold">
                Purpose
              </h2>
              <p className="whitespace-pre-line">{community.purpose}</p>
            </section>
          )}

          {allowed.manageRequests && page.requests.length > 0 && (
            <section aria-labelledby="requests-heading" className="border-l-4 border-brand pl-4">
              <h2 id="requests-heading" className="text-xl font-bold">
                Requests to join ({page.requests.length})
              </h2>
              <ul className="mt-2 space-y-4">
                {page.requests.map((request) => (
                  <li key={request.userId} className="border-b border-line pb-4">
                    <p className="font-semibold">{request.name}</p>
                    <p className="text-sm text-muted">
                      {[request.jobTitle, request.organisation].filter(Boolean).join(", ")}
                      {` · asked ${formatDate(request.requestedAt)}`}
                    </p>
                    {request.message && <blockquote className="mt-1 border-l-2 border-line pl-3">{request.message}</blockquote>}
                    <div className="mt-2 flex flex-wrap gap-3">
                      <ActionButton action={approveRequestAction} label={`Approve ${request.name}`} fields={{ ...fields, userId: request.userId }} />
                      <ActionButton action={declineRequestAction} label={`Decline ${request.name}`} kind="secondary" fields={{ ...fields, userId: request.userId }} />
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="discussions-heading">
            <h2 id="discussions-heading" className="text-xl font-bold">
              Discussions
            </h2>
            {allowed.read ? (
              <p className="mt-2 text-muted">Nothing has been posted here yet.</p>
            ) : (
              <p className="mt-2">
                Discussions here are for members only.
                {allowed.request && " Ask to join to read and take part."}
              </p>
            )}
          </section>

          {allowed.read && (
            <section aria-labelledby="subs-heading">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <h2 id="subs-heading" className="text-xl font-bold">
                  Sub-communities
                </h2>
                {allowed.createSub && (
                  <Link href={`/communities/new?parent=${community.slug}`} className={`${buttonClass("secondary")}`}>
                    Add a sub-community
                  </Link>
                )}
              </div>
              {page.subCommunities.length === 0 ? (
                <p className="mt-2 text-muted">There are no sub-communities{allowed.createSub ? " yet" : " that you can see"}.</p>
              ) : (
                page.subCommunities.map((sub) => <CommunityCard key={sub.id} community={sub} />)
              )}
            </section>
          )}
        </div>

        <aside className="space-y-8" aria-label="Membership">
          <MembershipPanel page={page} fields={fields} status={myMembership?.status ?? null} />
          {allowed.read && page.facilitators.length > 0 && (
            <section aria-labelledby="facilitators-heading">
              <h2 id="facilitators-heading" className="text-xl font-bold">
                Facilitators
              </h2>
              <ul className="mt-2 space-y-2">
                {page.facilitators.map((person) => (
                  <li key={person.id}>
                    <span className="font-semibold">{person.name}</span>
                    {person.role === "owner" && <span className="text-muted"> (owner)</span>}
                    {(person.jobTitle || person.organisation) && (
                      <span className="block text-sm text-muted">{[person.jobTitle, person.organisation].filter(Boolean).join(", ")}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}

type PageData = Awaited<ReturnType<typeof loadCommunityPage>>;

function MembershipPanel({ page, fields, status }: { page: PageData; fields: { slug: string }; status: string | null }) {
  const { allowed, community } = page;
  return (
    <section aria-labelledby="membership-heading" aria-live="polite" className="space-y-3 bg-panel p-4">
      <h2 id="membership-heading" className="text-xl font-bold">
        Your membership
      </h2>
      {status === "active" && <p>You are a {page.myMembership?.role === "member" ? "member" : page.myMembership?.role} of this community.</p>}
      {status === "pending" && <p>You have asked to join. A facilitator will answer your request.</p>}
      {status === "invited" && <p>You have been invited to join this community.</p>}
      {status === "banned" && <p>You cannot take part in this community.</p>}
      {!status && community.visibility === "open" && !community.archived && <p>Anyone can join this community.</p>}
      {!status && community.visibility === "restricted" && <p>People join this community by request.</p>}
      {allowed.join && <ActionButton action={joinCommunityAction} label={`Join ${community.name}`} fields={fields} />}
      {allowed.request && (
        <ActionForm action={requestToJoinAction} submitLabel="Ask to join">
          <input type="hidden" name="slug" value={community.slug} />
          <TextField name="message" label="Message to the facilitators (optional)" multiline rows={3} hint="Say who you are and why you would like to join." />
        </ActionForm>
      )}
      {allowed.withdrawRequest && <ActionButton action={withdrawRequestAction} label="Withdraw my request" kind="secondary" fields={fields} />}
      {allowed.acceptInvite && <ActionButton action={acceptInvitationForAction} label="Accept invitation" fields={fields} />}
      {allowed.declineInvite && <ActionButton action={declineInvitationAction} label="Decline invitation" kind="secondary" fields={fields} />}
      {allowed.leave && <ActionButton action={leaveCommunityAction} label="Leave this community" kind="secondary" fields={fields} />}
      {status === "active" && !allowed.leave && page.myMembership?.role === "owner" && (
        <p className="text-sm text-muted">You are its only owner. Make someone else an owner before you leave.</p>
      )}
    </section>
  );
}
