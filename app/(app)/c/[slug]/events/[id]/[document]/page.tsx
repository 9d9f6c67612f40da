import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { saveEventDocumentAction } from "@/app/_actions/events";
import { formatDate } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { RichTextField } from "@/app/_components/editor/rich-text-field";
import { ActionForm } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { documentHistory } from "@/lib/events/documents";
import { getEventPage } from "@/lib/events/page";
import { loadCommunityPage } from "../../../load";

const titles = { agenda: "Agenda", notes: "Notes" } as const;
const hints = {
  agenda: "What the meeting will cover, in order. Members see it on the event's page.",
  notes: "What was discussed and decided. Add the actions agreed on the event's page, each with who does it and by when.",
} as const;

export async function generateMetadata({ params }: PageProps<"/c/[slug]/events/[id]/[document]">): Promise<Metadata> {
  const { document } = await params;
  return { title: document in titles ? titles[document as keyof typeof titles] : "Page not found" };
}

export default async function EventDocumentPage({ params }: PageProps<"/c/[slug]/events/[id]/[document]">) {
  const { slug, id, document } = await params;
  if (document !== "agenda" && document !== "notes") notFound();
  const viewer = await requireViewer(`/c/${slug}/events/${id}/${document}`);
  const { data: page } = await loadPage(() => getEventPage(viewer, slug, id, { limit: "1" }));
  if (!page) return null;
  const { data: community } = await loadPage(() => loadCommunityPage(slug));
  if (!community) return null;
  const history = page.allowed.organise ? await documentHistory(viewer, id, document) : null;
  const { event, allowed } = page;
  const back = `/c/${slug}/events/${event.id}`;
  const title = titles[document];
  return (
    <div className="max-w-3xl space-y-8">
      <CommunityHeader page={community} current="events" title={`${title}: ${event.title}`} />
      {allowed.write ? (
        <ActionForm action={saveEventDocumentAction} submitLabel={`Save the ${title.toLowerCase()}`}>
          <input type="hidden" name="eventId" value={event.id} />
          <input type="hidden" name="document" value={document} />
          <input type="hidden" name="idempotencyKey" value={randomUUID()} />
          <RichTextField name="body" label={title} hint={hints[document]} defaultValue={document === "agenda" ? event.agendaHtml : event.notesHtml} mentionSlug={slug} rows={14} />
        </ActionForm>
      ) : (
        <p>{page.refusals.write}</p>
      )}
      {history && (
        <section aria-labelledby="versions-heading" id="versions" className="space-y-3">
          <h2 id="versions-heading" className="text-xl font-bold">
            Every saved version
          </h2>
          {history.versions.length === 0 && <p className="text-muted">Nothing has been saved yet.</p>}
          <ol className="space-y-3">
            {history.versions.map((version, i) => (
              <li key={version.id}>
                <details open={i === 0}>
                  <summary className="cursor-pointer">
                    {i === 0 ? "Current version" : "Earlier version"}, saved by {version.editor} on {formatDate(version.savedAt)}
                  </summary>
                  {version.bodyHtml ? <div className="prose-body mt-2 border-l-2 border-line pl-3" dangerouslySetInnerHTML={{ __html: version.bodyHtml }} /> : <p className="mt-2 text-muted">(emptied)</p>}
                </details>
              </li>
            ))}
          </ol>
        </section>
      )}
      <p>
        <Link href={back}>Back to the event</Link>
      </p>
    </div>
  );
}
