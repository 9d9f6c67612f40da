import { z } from "zod";
import { eventFormats, rsvpResponses } from "@/lib/db/schema";
import { badRequest } from "@/lib/errors";
import { TITLE_MAX } from "@/lib/posts/validation";
import { optionalText, requiredText } from "@/lib/validation";
import { DEFAULT_TIME_ZONE, instantOf, isTimeZone, type CalendarDate, type ClockTime } from "./time";

export const PLACE_MAX = 300;
export const CAPACITY_MAX = 10_000;
export const ACTION_MAX = 300;

/** "26/3/2026", "26/03/2026" or "2026-03-26". */
export function parseDate(text: string): CalendarDate | null {
  const value = text.trim();
  const uk = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const [year, month, day] = uk ? [Number(uk[3]), Number(uk[2]), Number(uk[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [0, 0, 0];
  if (!year) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** "10:00", "9:30" or "14.30", on the 24-hour clock. */
export function parseTime(text: string): ClockTime | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

export const isoDate = (d: CalendarDate) => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

const dateField = (label: string) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .transform((value, ctx) => parseDate(value) ?? (ctx.addIssue({ code: "custom", message: `Enter ${label} as day/month/year, for example 26/3/2026.` }), z.NEVER));

const timeField = (label: string) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .transform((value, ctx) => parseTime(value) ?? (ctx.addIssue({ code: "custom", message: `Enter ${label} on the 24-hour clock, for example 10:00 or 14:30.` }), z.NEVER));

const keyField = z.string().trim().max(100).optional().transform((k) => k || null);

export const eventInputSchema = z
  .object({
    title: requiredText("a title", TITLE_MAX),
    body: z.string({ error: "Say what the event is about." }),
    bodyFormat: z.enum(["html", "plain"]).catch("plain"),
    format: z.enum(eventFormats, { error: "Choose whether people meet in person, online or both." }),
    place: optionalText("the place", PLACE_MAX),
    joiningUrl: z
      .string()
      .trim()
      .max(1000, "The joining link must be 1,000 characters or fewer.")
      .optional()
      .default("")
      .refine((url) => url === "" || (URL.canParse(url) && new URL(url).protocol === "https:"), "Enter the joining link as a full address starting with https://"),
    date: dateField("the date"),
    startTime: timeField("the start time"),
    endTime: timeField("the end time"),
    endDate: z
      .string()
      .trim()
      .optional()
      .transform((value, ctx) => (!value ? null : (parseDate(value) ?? (ctx.addIssue({ code: "custom", message: "Enter the end date as day/month/year, for example 27/3/2026." }), z.NEVER)))),
    timeZone: z
      .string()
      .trim()
      .optional()
      .transform((zone) => zone || DEFAULT_TIME_ZONE)
      .refine(isTimeZone, "Choose a time zone from the list."),
    capacity: z
      .string()
      .trim()
      .optional()
      .transform((value, ctx) => {
        if (!value) return null;
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1 || n > CAPACITY_MAX) {
          ctx.addIssue({ code: "custom", message: `Enter the number of places as a whole number from 1 to ${CAPACITY_MAX}, or leave it empty for no limit.` });
          return z.NEVER;
        }
        return n;
      }),
    idempotencyKey: keyField,
  })
  .superRefine((data, ctx) => {
    if (data.format !== "online" && !data.place) ctx.addIssue({ code: "custom", path: ["place"], message: "Enter where people meet." });
    if (data.format !== "in_person" && !data.joiningUrl) ctx.addIssue({ code: "custom", path: ["joiningUrl"], message: "Enter the link people use to join online." });
  });

export type EventInput = z.output<typeof eventInputSchema>;

/** The event's start and end as instants, from the fields as typed, or field errors saying what is wrong. */
export function eventInstants(data: EventInput): { startsAt: Date; endsAt: Date } {
  const startsAt = instantOf(data.date, data.startTime, data.timeZone);
  const endsAt = instantOf(data.endDate ?? data.date, data.endTime, data.timeZone);
  const gap = "That time does not exist on that day in this time zone, because the clocks go forward. Choose another time.";
  if (!startsAt) throw badRequest("Please check the highlighted fields.", { startTime: [gap] });
  if (!endsAt) throw badRequest("Please check the highlighted fields.", { endTime: [gap] });
  if (endsAt <= startsAt) throw badRequest("Please check the highlighted fields.", { endTime: ["The end must be after the start. For an event over several days, enter the end date too."] });
  return { startsAt, endsAt };
}

export const rsvpSchema = z.object({
  response: z.enum(rsvpResponses.filter((r) => r !== "waiting") as ["going", "maybe", "not_going"], { error: "Choose whether you are going." }),
  note: optionalText("your note", 500),
});

export const documentSchema = z.object({
  document: z.enum(["agenda", "notes"]),
  body: z.string().max(200_000, "The text is too long."),
  bodyFormat: z.enum(["html", "plain"]).catch("plain"),
  idempotencyKey: keyField,
});

export const actionInputSchema = z.object({
  description: requiredText("what needs doing", ACTION_MAX),
  ownerId: z.uuid({ error: "Choose who will do it." }),
  dueOn: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => (!value ? null : (parseDate(value) ?? (ctx.addIssue({ code: "custom", message: "Enter the date it is due as day/month/year, for example 30/4/2026." }), z.NEVER)))),
  idempotencyKey: keyField,
});

export const reassignSchema = z.object({ ownerId: z.uuid({ error: "Choose who will do it." }) });
export const cancelSchema = z.object({ reason: optionalText("the reason", 500) });
