import { TZDate } from "@date-fns/tz";
import { tzlib_get_timezones } from "timezones-ical-library";
import { DEFAULT_TIME_ZONE } from "@/lib/db/schema";

// Times of events. Instants are stored as timestamptz with the IANA zone the organiser chose;
// the zone rules come from the platform (Intl, through @date-fns/tz), never from our own
// offset arithmetic, so a time set for 10:00 in London stays 10:00 on either side of the
// clocks changing.

export { DEFAULT_TIME_ZONE };

const known = new Set(tzlib_get_timezones(false) as string[]);

/**
 * The zones a member or an organiser may choose: those the platform knows and whose rules a
 * calendar file can carry (a VTIMEZONE), alphabetically.
 */
export const timeZones: readonly string[] = Intl.supportedValuesOf("timeZone").filter((zone) => known.has(zone)).sort();
const choosable = new Set(timeZones);

export function isTimeZone(zone: string): boolean {
  return choosable.has(zone);
}

/** A zone from settings or the database, or the default when it is no longer one we know. */
export function zoneOrDefault(zone: string | null | undefined): string {
  return zone && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

export type CalendarDate = { year: number; month: number; day: number };
export type ClockTime = { hour: number; minute: number };

/**
 * The instant at which a wall clock in `zone` shows this date and time, or null when that time
 * never happens there (the hour skipped when the clocks go forward). A time that happens twice
 * (when the clocks go back) is the second of the two.
 */
export function instantOf(date: CalendarDate, time: ClockTime, zone: string): Date | null {
  const local = new TZDate(date.year, date.month - 1, date.day, time.hour, time.minute, zone);
  const shows =
    local.getFullYear() === date.year &&
    local.getMonth() === date.month - 1 &&
    local.getDate() === date.day &&
    local.getHours() === time.hour &&
    local.getMinutes() === time.minute;
  return shows ? new Date(local.getTime()) : null;
}

/** The date and time a wall clock in `zone` shows at `instant`, as form fields take them. */
export function wallClock(instant: Date, zone: string): { date: string; time: string } {
  const local = new TZDate(instant, zone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}

/** An instant as a date in a zone, for the calendar file: a TZDate that ical-generator formats in that zone. */
export function inZone(instant: Date, zone: string): TZDate {
  return new TZDate(instant, zone);
}

const dayFormat = (zone: string) => new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "long", day: "numeric", month: "long", year: "numeric" });
const timeFormat = (zone: string) => new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const zoneName = (instant: Date, zone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "short" }).formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? zone;

/**
 * When an event happens, in words, on the clock of `zone`: "Thursday 26 March 2026, 10:00 to
 * 12:00 GMT", or both days in full when it ends on another day there.
 */
export function describeTimes(startsAt: Date, endsAt: Date, zone: string): string {
  const day = dayFormat(zone);
  const time = timeFormat(zone);
  const startDay = day.format(startsAt);
  const endDay = day.format(endsAt);
  const startZone = zoneName(startsAt, zone);
  const endZone = zoneName(endsAt, zone);
  if (startDay === endDay) {
    // The clocks rarely change during a meeting; when they do, both ends name their zone.
    const start = startZone === endZone ? time.format(startsAt) : `${time.format(startsAt)} ${startZone}`;
    return `${startDay}, ${start} to ${time.format(endsAt)} ${endZone}`;
  }
  return `${startDay}, ${time.format(startsAt)} ${startZone} to ${endDay}, ${time.format(endsAt)} ${endZone}`;
}

/** A short date for lists: "Thu 26 Mar 2026, 10:00 GMT". */
export function describeStart(startsAt: Date, zone: string): string {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(startsAt);
  return `${day}, ${timeFormat(zone).format(startsAt)} ${zoneName(startsAt, zone)}`;
}

/** How a reader sees an event's times: on their own clock, and on the event's when that is another zone. */
export type EventTimes = { startsAt: Date; endsAt: Date; timeZone: string; readerZone: string; whenForReader: string; whenWhereHeld: string | null };

export function eventTimes(event: { startsAt: Date; endsAt: Date; timeZone: string }, readerZone: string): EventTimes {
  const whenForReader = describeTimes(event.startsAt, event.endsAt, readerZone);
  const whenWhereHeld = readerZone === event.timeZone ? null : `${describeTimes(event.startsAt, event.endsAt, event.timeZone)} (${event.timeZone} time)`;
  return { startsAt: event.startsAt, endsAt: event.endsAt, timeZone: event.timeZone, readerZone, whenForReader, whenWhereHeld };
}
