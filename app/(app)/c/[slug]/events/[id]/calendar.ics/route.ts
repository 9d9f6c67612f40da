import { eventCalendarFile } from "@/lib/events/calendar";
import { signedInFileRoute } from "@/lib/http/file-route";
import { siteOrigin } from "@/lib/http/site-url";

/** "Add to calendar": one event as a calendar file, with its place and link only for members. */
export const GET = signedInFileRoute<{ slug: string; id: string }>(async (_request, viewer, { id }) => {
  const { name, body } = await eventCalendarFile(viewer, id, siteOrigin());
  return { body, name, contentType: "text/calendar; charset=utf-8; method=PUBLISH" };
});
