import type { Metadata } from "next";
import Link from "next/link";
import { cancelEventAction, editEventAction } from "@/app/_actions/events";
import { CommunityHeader } from "@/app/_components/community-header";
import { EventForm } from "@/app/_components/event-form";
import { ActionForm, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getEventPage } from "@/lib/events/page";
import { loadCommunityPage } from "../../../load";

export const metadata: Metadata = { title: "Change an event" };

const toFormDate = (iso: string) => {
  const [year, month, day] = iso.split("-");
  return `${Number(day)}/${Number(month)}/${year}`;
};

export default async function EditEventPage({ params }: PageProps<"/c/[slug]/events/[id]/edit">) {
  const { slug, id } = await params;
  const viewer = await requireViewer(`/c/${slug}/events/${id}/edit`);
  const { data: page } = await loadPage(() => getEventPage(viewer, slug, id, { limit: "1" }));
  if (!page) return null;
  const { data: community } = await loadPage(() => loadCommunityPage(slug));
  if (!community) return null;
  const { event, allowed } = page;
  const back = `/c/${slug}/events/${event.id}`;
  const { start, end, timeZone } = event.form;
  return (
    <div className="max-w-3xl space-y-10">
      <CommunityHeader page={community} current="events" title={`Change “${event.title}”`} />
      {allowed.edit ? (
        <>
          <p>Everyone going or on the waiting list is told when the time or the place changes, and calendars that have the event update it.</p>
          <EventForm
            action={editEventAction}
            submitLabel="Save changes"
            hidden={{ eventId: event.id }}
            mentionSlug={slug}
            values={{
              title: event.title,
              body: event.descriptionHtml,
              format: event.format,
              place: event.place,
              joiningUrl: event.joiningUrl,
              date: toFormDate(start.date),
              startTime: start.time,
              endTime: end.time,
              endDate: end.date === start.date ? "" : toFormDate(end.date),
              timeZone,
              capacity: event.capacity === null ? "" : String(event.capacity),
            }}
          />
        </>
      ) : (
        <p>{page.refusals.edit}</p>
      )}
      {allowed.cancel && (
        <section aria-labelledby="cancel-heading" className="space-y-3 border-t-2 border-line pt-6">
          <h2 id="cancel-heading" className="text-xl font-bold">
            Cancel the event
          </h2>
          <p>Everyone going or on the waiting list is told. The event stays, marked as cancelled, with its discussion.</p>
          <ActionForm action={cancelEventAction} submitLabel="Cancel the event" kind="danger" idPrefix="cancel">
            <input type="hidden" name="eventId" value={event.id} />
            <TextField name="reason" label="Why it is cancelled (optional)" multiline rows={2} />
          </ActionForm>
        </section>
      )}
      <p>
        <Link href={back}>Back to the event</Link>
      </p>
    </div>
  );
}
