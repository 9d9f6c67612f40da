import { calendarFeed } from "@/lib/events/calendar";
import { notFound } from "@/lib/errors";
import { publicFileRoute } from "@/lib/http/file-route";
import { siteOrigin } from "@/lib/http/site-url";

/** A member's calendar feed, at /calendar/<secret>.ics: the secret is the only key; the policy is asked on every fetch. */
export const GET = publicFileRoute<{ file: string }>(async (_request, { file }) => {
  if (!file.endsWith(".ics")) throw notFound();
  const body = await calendarFeed(file.slice(0, -".ics".length), siteOrigin());
  return { body, contentType: "text/calendar; charset=utf-8" };
});
