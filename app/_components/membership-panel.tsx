import {
  acceptInvitationForAction,
  declineInvitationAction,
  joinCommunityAction,
  leaveCommunityAction,
  requestToJoinAction,
  withdrawRequestAction,
} from "@/app/_actions/communities";
import type { getCommunityPage } from "@/lib/communities/page";
import { formatDate } from "./community";
import { ActionButton, ActionForm, TextField } from "./form";

type Page = Awaited<ReturnType<typeof getCommunityPage>>;

const roleName = { owner: "an owner", facilitator: "a facilitator", member: "a member" } as const;

/** What the viewer's standing with the community is, in words that are true of it. */
function standingText(page: Page): string | null {
  const membership = page.myMembership;
  switch (membership?.standing) {
    case "active":
      return `You are ${roleName[membership.role]} of this community.`;
    case "pending":
      return "You have asked to join. A facilitator will answer your request.";
    case "invited":
      return "You have been invited to join this community.";
    case "banned":
      return membership.bannedUntil
        ? `You are banned from this community until ${formatDate(membership.bannedUntil)}.`
        : "You are banned from this community.";
    default:
      return null;
  }
}

/** The viewer's membership and what they can do about it: join, ask, accept, withdraw or leave. */
export function MembershipPanel({ page }: { page: Page }) {
  const { allowed, community, refusals } = page;
  const fields = { slug: community.slug };
  const standing = page.myMembership?.standing ?? null;
  // Someone with no standing is told how people join, or why they cannot.
  const howToJoin = allowed.join
    ? "Anyone can join this community."
    : allowed.request
      ? "People join this community by request. A facilitator answers each request."
      : community.visibility === "open"
        ? refusals.join
        : refusals.request;
  return (
    <section aria-labelledby="membership-heading" aria-live="polite" className="space-y-3 bg-panel p-4">
      <h2 id="membership-heading" className="text-xl font-bold">
        Your membership
      </h2>
      <p>{standingText(page) ?? howToJoin}</p>
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
      {standing === "invited" && !allowed.acceptInvite && <p className="text-sm">{refusals.acceptInvite}</p>}
      {allowed.leave && <ActionButton action={leaveCommunityAction} label="Leave this community" kind="secondary" fields={fields} />}
      {standing === "active" && !allowed.leave && <p className="text-sm">{refusals.leave}</p>}
    </section>
  );
}
