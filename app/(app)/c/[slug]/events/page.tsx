import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/app/_components/button-styles";
import { CommunityHeader } from "@/app/_components/community-header";
import { EventRow } from "@/app/_components/event-list";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery, withQuery } from "@/app/_components/query";
import { requireViewer } from "@/lib/auth/request-viewer";
import { listCommunityEvents } from "@/lib/events/lists";
import { communityTitle, loadCommunityPage } from "../load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/events">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug, "Events") };
}

export default async function EventsPage({ params, searchParams }: PageProps<"/c/[slug]/events">) {
  const { slug } = await params;
  const viewer = await requireViewer(`/c/${slug}/events`);
  const query = pageQuery(await searchParams);
  const { data: community } = await loadPage(() => loadCommunityPage(slug));
  if (!community) return null;
  const { data, error } = await loadPage(() => listCommunityEvents(viewer, slug, query));
  const base = `/c/${slug}/events`;
  return (
    <div className="space-y-8">
      <CommunityHeader page={community} current="events" />
      {error && <p>{error.message}</p>}
      {data && (
        <>
          <section aria-labelledby="upcoming-heading">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="upcoming-heading" className="text-2xl font-bold">
                Coming events
              </h2>
              {data.canCreate && (
                <Link href={`${base}/new`} className={buttonClass("primary")}>
                  Arrange an event
                </Link>
              )}
            </div>
            {query.cursor ? (
              <p className="mt-2">
                <Link href={base}>See the coming events</Link>
              </p>
            ) : data.upcoming.length === 0 ? (
              <p className="mt-2 text-muted">No events are planned yet.{data.canCreate ? " Arrange one for the next meeting." : ""}</p>
            ) : (
              data.upcoming.map((event) => <EventRow key={event.id} event={event} />)
            )}
          </section>
          <section aria-labelledby="past-heading">
            <h2 id="past-heading" className="text-2xl font-bold">
              Past events
            </h2>
            <p className="text-muted">Each past event keeps its agenda, its notes and the actions agreed.</p>
            {data.past.length === 0 ? <p className="mt-2 text-muted">No events have taken place here yet.</p> : data.past.map((event) => <EventRow key={event.id} event={event} />)}
            {data.nextCursor && (
              <p className="mt-3">
                <Link href={withQuery(base, { cursor: data.nextCursor })} rel="next">
                  Earlier events
                </Link>
              </p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
