import type { Metadata } from "next";
import Link from "next/link";
import { acceptInvitationForAction, declineInvitationAction } from "@/app/_actions/communities";
import { CommunityCard } from "@/app/_components/community";
import { buttonClass } from "@/app/_components/button-styles";
import { ActionButton } from "@/app/_components/form";
import { Icon } from "@/app/_components/icon";
import { Plus } from "lucide";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getHomePage } from "@/lib/communities/home";
import { FeedList } from "@/app/_components/feed";
import { EventRow, formatDay } from "@/app/_components/event-list";
import { PersonCard } from "@/app/_components/person-card";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const viewer = await requireViewer("/home");
  const { activity, events, actions, likeYou, ...home } = await getHomePage(viewer);
  return (
    <div className="space-y-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Welcome, {viewer.name || "back"}</h1>
        <Link href="/communities/new" className={buttonClass("secondary")}>
          <Icon icon={Plus} />
          Start a community
        </Link>
      </div>

      {home.invitations.length > 0 && (
        <section aria-labelledby="invitations-heading">
          <h2 id="invitations-heading" className="text-2xl font-bold">
            Invitations for you
          </h2>
          {home.invitations.map((community) => (
            <div key={community.id}>
              <CommunityCard community={community} />
              <div className="flex flex-wrap items-center gap-3 pb-4">
                <ActionButton action={acceptInvitationForAction} label={`Accept invitation to ${community.name}`} fields={{ slug: community.slug }} />
                <ActionButton action={declineInvitationAction} label="Decline" kind="secondary" fields={{ slug: community.slug }} />
              </div>
            </div>
          ))}
        </section>
      )}

      {(events.length > 0 || actions.length > 0) && (
        <div className="grid gap-8 md:grid-cols-2">
          <section aria-labelledby="events-heading">
            <h2 id="events-heading" className="text-2xl font-bold">
              Coming events
            </h2>
            {events.length === 0 ? (
              <p className="mt-2 text-muted">No events are planned in your communities.</p>
            ) : (
              events.map((event) => <EventRow key={event.id} event={event} showCommunity />)
            )}
          </section>
          <section aria-labelledby="actions-heading">
            <h2 id="actions-heading" className="text-2xl font-bold">
              Your open actions
            </h2>
            {actions.length === 0 ? (
              <p className="mt-2 text-muted">Nothing is waiting for you.</p>
            ) : (
              <ul className="mt-2 space-y-2">
                {actions.map((action) => (
                  <li key={action.id}>
                    <Link href={`/c/${action.communitySlug}/events/${action.eventId}#actions`}>{action.description}</Link>
                    <span className="block text-sm text-muted">
                      From {action.eventTitle}
                      {action.dueOn && ` · due ${formatDay(action.dueOn)}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}

      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading" className="text-2xl font-bold">
          Recent activity in your communities
        </h2>
        {activity.items.length === 0 ? (
          <p className="mt-2 text-muted">
            {home.mine.length === 0
              ? "Nothing yet. Join a community and its latest discussions show here."
              : "Nothing yet. When members of your communities post, it shows here."}
          </p>
        ) : (
          <FeedList items={activity.items} showCommunity />
        )}
      </section>

      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading" className="text-2xl font-bold">
          Your communities
        </h2>
        {home.mine.length === 0 ? (
          <p className="mt-2">
            You have not joined any communities yet. {home.suggestions.length > 0 ? "Join one below, or " : ""}
            <Link href="/communities">browse all communities</Link>.
          </p>
        ) : (
          home.mine.map((community) => <CommunityCard key={community.id} community={community} />)
        )}
      </section>

      {likeYou.length > 0 && (
        <section aria-labelledby="like-you-heading">
          <h2 id="like-you-heading" className="text-2xl font-bold">
            People like you
          </h2>
          <p className="text-muted">Colleagues who share your area of work or expertise.</p>
          <ul className="divide-y divide-line">
            {likeYou.map((person) => (
              <li key={person.id}>
                <PersonCard person={person} headingLevel={3} />
              </li>
            ))}
          </ul>
          <p>
            <Link href="/people">Find more people</Link>
          </p>
        </section>
      )}

      {home.requests.length > 0 && (
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading" className="text-2xl font-bold">
            Waiting for a facilitator
          </h2>
          {home.requests.map((community) => (
            <CommunityCard key={community.id} community={community} />
          ))}
        </section>
      )}

      <section aria-labelledby="join-heading">
        <h2 id="join-heading" className="text-2xl font-bold">
          Communities you can join
        </h2>
        {home.suggestions.length === 0 ? (
          <p className="mt-2">
            You are in every community open to you. <Link href="/communities/new">Start a new one</Link>.
          </p>
        ) : (
          <>
            {home.suggestions.map((community) => (
              <CommunityCard key={community.id} community={community} />
            ))}
            <p className="mt-4">
              <Link href="/communities">See all communities</Link>
            </p>
          </>
        )}
      </section>
    </div>
  );
}
