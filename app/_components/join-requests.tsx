import { approveRequestAction, declineRequestAction } from "@/app/_actions/communities";
import type { getCommunityPage } from "@/lib/communities/page";
import { formatDate } from "./community";
import { ActionButton } from "./form";
import { Person } from "./person";

type Page = Awaited<ReturnType<typeof getCommunityPage>>;

/** People asking to join, with Approve and Decline, for the facilitators who answer them. */
export function JoinRequests({ page, emptyText }: { page: Page; emptyText?: string }) {
  const { community, requests } = page;
  if (!page.allowed.manageRequests || (requests.length === 0 && !emptyText)) return null;
  const fields = { slug: community.slug };
  return (
    <section aria-labelledby="requests-heading" className="space-y-3 border-l-4 border-brand pl-4">
      <h2 id="requests-heading" className="text-xl font-bold">
        Requests to join ({requests.length})
      </h2>
      {requests.length === 0 && <p className="text-muted">{emptyText}</p>}
      <ul className="space-y-4">
        {requests.map((request) => (
          <li key={request.userId} className="border-b border-line pb-4">
            <Person person={{ id: request.userId, name: request.name }} link={false}>
              <span className="block text-sm text-muted">
                {[[request.jobTitle, request.organisation].filter(Boolean).join(", "), `asked ${formatDate(request.requestedAt)}`].filter(Boolean).join(" · ")}
              </span>
            </Person>
            {request.message && <blockquote className="mt-2 border-l-2 border-line pl-3">{request.message}</blockquote>}
            <div className="mt-3 flex flex-wrap gap-3">
              <ActionButton action={approveRequestAction} label={`Approve ${request.name}`} fields={{ ...fields, userId: request.userId }} />
              <ActionButton action={declineRequestAction} label={`Decline ${request.name}`} kind="secondary" fields={{ ...fields, userId: request.userId }} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
