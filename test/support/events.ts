import { createEvent } from "@/lib/events/mutations";
import type { Viewer } from "@/lib/policy";

/** The fields of the event form, as a member would fill them in. */
export function eventInput(overrides: Record<string, unknown> = {}) {
  return {
    title: "Spring meeting",
    body: "<p>Our half-yearly meeting.</p>",
    bodyFormat: "html",
    format: "hybrid",
    place: "Committee Room 2, Castlemere Town Hall",
    joiningUrl: "https://meet.example.gov.uk/spring",
    date: "26/3/2030",
    startTime: "10:00",
    endTime: "12:30",
    timeZone: "Europe/London",
    capacity: "",
    ...overrides,
  };
}

/** The date `days` from today, as the form takes it. */
export function inDays(days: number): string {
  const d = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

export async function makeEvent(organiser: Viewer, slug: string, overrides: Record<string, unknown> = {}) {
  return createEvent(organiser, slug, eventInput(overrides));
}
