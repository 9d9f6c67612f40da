import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/app/_components/button-styles";
import { formatDate } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery, withQuery } from "@/app/_components/query";
import { requireActiveViewer, requireViewer } from "@/lib/auth/request-viewer";
import { isAppError } from "@/lib/errors";
import { getEventPage } from "@/lib/events/page";
import { askedReply } from "../../posts/[id]/load";
import { PostElsewhere } from "@/lib/posts/thread";
import { loadCommunityPage } from "../../load";
import { Discussion } from "../../posts/[id]/discussion";
import { Actions, Answer, Attendees } from "./parts";

type Params = { slug: string; id: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug, id } = await params;
  try {
    const page = await getEventPage(await requireActiveViewer(), slug, id, { limit: "1" });
    return { title: `${page.event.title} · ${page.community.name}` };
  } catch (error) {
    if (isAppError(error) || error instanceof PostElsewhere) return { title: "Page not found" };
    throw error;
  }
}

const formatLabel = { in_person: "In person", online: "Online", hybrid: "In person and online" } as const;
const stateNote = {
  upcoming: null,
  happening: "This event is happening now.",
  over: "This event is over. Its notes and the actions agreed are below.",
  cancelled: "This event has been cancelled.",
} as const;

export default async function EventPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug, id } = await params;
  const query = pageQuery(await searchParams);
  const viewer = await requireViewer(`/c/${slug}/events/${id}`);
  const { data: page } = await loadPage(() =>
    getEventPage(viewer, slug, id, { ...query, reply: askedReply(query) }).catch((error: unknown) => {
      if (error instanceof PostElsewhere) redirect(withQuery(error.location, query));
      throw error;
    }),
  );
  if (!page) return null;
  const { data: community } = await loadPage(() => loadCommunityPage(slug));
  if (!community) return null;
  const { event, allowed, myAnswer } = page;
  const base = `/c/${slug}/events/${event.id}`;
  const places =
    event.capacity === null
      ? `${event.goingCount} going, no limit on places`
      : `${event.goingCount} of ${event.capacity} places taken${event.waitingCount ? `, ${event.waitingCount} on the waiting list` : ""}`;

  return (
    <div className="space-y-8">
      <CommunityHeader page={community} current="events" title={event.title} />
      <div className="space-y-3">
        {stateNote[event.state] && (
          <p className={`border-l-4 p-3 ${event.state === "cancelled" ? "border-danger" : "border-ink"} bg-panel font-semibold`}>
            {stateNote[event.state]}
            {event.cancelledReason && ` Reason: ${event.cancelledReason}`}
          </p>
        )}
        {event.pending && <p className="border-l-4 border-ink bg-panel p-3">This event is waiting for a facilitator&apos;s approval. Members cannot see it yet.</p>}
        {event.hidden && <p className="border-l-4 border-danger bg-panel p-3">A facilitator has hidden this event, so members cannot see it.</p>}
        {myAnswer?.changedSinceAnswered && event.state !== "cancelled" && (
          <p className="border-l-4 border-danger bg-panel p-3 font-semibold">The time or the place has changed since you answered. Check the details below.</p>
        )}
      </div>

      <div className="grid gap-10 md:grid-cols-[2fr_1fr]">
        <div className="space-y-8">
          <section aria-labelledby="details-heading" className="space-y-2">
            <h2 id="details-heading" className="text-xl font-bold">
              When and where
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="font-semibold">When</dt>
              <dd>
                {event.times.whenForReader}
                {event.times.whenWhereHeld && <span className="block text-sm text-muted">Where it is held: {event.times.whenWhereHeld}</span>}
                <span className="block text-sm text-muted">
                  Shown in your time zone, {event.times.readerZone.replaceAll("_", " ")}. <Link href="/settings#time-zone">Change your time zone</Link>
                </span>
              </dd>
              <dt className="font-semibold">How</dt>
              <dd>{formatLabel[event.format]}</dd>
              {allowed.seeDetails && event.place && (
                <>
                  <dt className="font-semibold">Place</dt>
                  <dd className="whitespace-pre-line">{event.place}</dd>
                </>
              )}
              {allowed.seeDetails && event.joiningUrl && (
                <>
                  <dt className="font-semibold">Joining link</dt>
                  <dd>
                    <a href={event.joiningUrl} rel="noopener noreferrer" className="break-all">
                      {event.joiningUrl}
                    </a>
                  </dd>
                </>
              )}
              <dt className="font-semibold">Places</dt>
              <dd>{places}</dd>
              <dt className="font-semibold">Organiser</dt>
              <dd>{event.organiser ? <Link href={`/people/${event.organiser.id}`}>{event.organiser.name}</Link> : "A former member"}</dd>
            </dl>
            {!allowed.seeDetails && <p className="text-muted">{page.refusals.seeDetails}</p>}
            <div className="flex flex-wrap gap-3 pt-2">
              <a href={`${base}/calendar.ics`} className={buttonClass("secondary")} download>
                Add to calendar<span className="sr-only"> (calendar file for {event.title})</span>
              </a>
              {allowed.edit && (
                <Link href={`${base}/edit`} className={buttonClass("secondary")}>
                  Change or cancel the event
                </Link>
              )}
            </div>
          </section>

          <section aria-labelledby="about-heading">
            <h2 id="about-heading" className="text-xl font-bold">
              About this event
            </h2>
            <div className="prose-body max-w-3xl" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
          </section>

          <DocumentSection id="agenda" title="Agenda" html={event.agendaHtml} empty="No agenda yet." base={base} canWrite={allowed.write} canSeeHistory={allowed.organise} />
          <DocumentSection id="notes" title="Notes" html={event.notesHtml} empty={event.state === "over" ? "No notes have been written yet." : "Notes are written during or after the meeting."} base={base} canWrite={allowed.write} canSeeHistory={allowed.organise} />
          <Actions page={page} />
        </div>

        <aside className="space-y-8" aria-label="Taking part">
          <Answer page={page} />
          {allowed.seeDetails && <Attendees page={page} />}
        </aside>
      </div>

      <Discussion viewer={viewer} thread={page.thread} base={base} slug={slug} query={query} heading="Discussion" />
      <p className="text-sm text-muted">Arranged {formatDate(page.thread.post.createdAt)}.</p>
    </div>
  );
}

function DocumentSection({ id, title, html, empty, base, canWrite, canSeeHistory }: { id: "agenda" | "notes"; title: string; html: string; empty: string; base: string; canWrite: boolean; canSeeHistory: boolean }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="space-y-2">
      <h2 id={`${id}-heading`} className="text-xl font-bold">
        {title}
      </h2>
      {html ? <div className="prose-body max-w-3xl" dangerouslySetInnerHTML={{ __html: html }} /> : <p className="text-muted">{empty}</p>}
      <p className="flex flex-wrap gap-4">
        {canWrite && (
          <Link href={`${base}/${id}`}>
            {html ? "Change" : "Write"} the {title.toLowerCase()}
          </Link>
        )}
        {canSeeHistory && html && <Link href={`${base}/${id}#versions`}>Earlier versions of the {title.toLowerCase()}</Link>}
      </p>
    </section>
  );
}
