import type { Metadata } from "next";
import { createEventAction } from "@/app/_actions/events";
import { CommunityHeader } from "@/app/_components/community-header";
import { EventForm } from "@/app/_components/event-form";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { listCommunityEvents } from "@/lib/events/lists";
import { communityTitle, loadCommunityPage } from "../../load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/events/new">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug, "Arrange an event") };
}

export default async function NewEventPage({ params }: PageProps<"/c/[slug]/events/new">) {
  const { slug } = await params;
  const viewer = await requireViewer(`/c/${slug}/events/new`);
  const { data: community } = await loadPage(() => loadCommunityPage(slug));
  if (!community) return null;
  const { data: events, error } = await loadPage(() => listCommunityEvents(viewer, slug, { limit: "1" }));
  return (
    <div className="max-w-3xl">
      <CommunityHeader page={community} current="events" title="Arrange an event" />
      {error && <p>{error.message}</p>}
      {events && !events.canCreate && <p>In this community, events are arranged by the facilitators.</p>}
      {events?.canCreate && <EventForm action={createEventAction} submitLabel="Arrange event" hidden={{ slug }} values={{}} mentionSlug={slug} />}
    </div>
  );
}
