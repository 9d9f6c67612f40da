import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { inZone } from "./time";

// Calendar files (iCalendar, RFC 5545) for Outlook, Google and Apple calendars, made by
// ical-generator: CRLF line endings, folded lines, escaped text. Each zone an event uses is
// described by its own VTIMEZONE, so the time stays right on either side of the clocks
// changing. A change bumps SEQUENCE and keeps the UID, so calendars update the event they have.

export type CalendarItem = {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  sequence: number;
  cancelled: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** The event's page. */
  url: string;
  /** Only for readers who may see them; otherwise null, and absent from the file. */
  place: string | null;
  joiningUrl: string | null;
};

/** The zone's rules as a VTIMEZONE block, from the timezones-ical-library data. */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone, false);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

export const eventUid = (id: string) => `${id}@roundtable`;

/** A calendar file of these events, published (METHOD:PUBLISH) for import or subscription. */
export function calendarFile(items: CalendarItem[], options: { name?: string; zone: string; refreshMinutes?: number }): string {
  const calendar = ical({
    prodId: { company: "Roundtable", product: "Roundtable events", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    name: options.name ?? null,
    timezone: { name: options.zone, generator: vtimezone },
    ttl: options.refreshMinutes ? options.refreshMinutes * 60 : null,
  });
  for (const item of items) {
    const location = [item.place, item.joiningUrl].filter(Boolean).join(" · ");
    const description = [item.description, item.joiningUrl ? `Join online: ${item.joiningUrl}` : "", `Details and discussion: ${item.url}`].filter(Boolean).join("\n\n");
    calendar.createEvent({
      id: eventUid(item.id),
      sequence: item.sequence,
      start: inZone(item.startsAt, item.timeZone),
      end: inZone(item.endsAt, item.timeZone),
      timezone: item.timeZone,
      summary: item.cancelled ? `Cancelled: ${item.title}` : item.title,
      description,
      location: location || null,
      url: item.url,
      status: item.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      created: item.createdAt,
      lastModified: item.updatedAt,
      stamp: item.updatedAt,
    });
  }
  return calendar.toString();
}

/** A file name for an event's calendar file: its title in plain letters. */
export function calendarFileName(title: string): string {
  const base = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `${base || "event"}.ics`;
}
