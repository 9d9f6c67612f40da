import { sendEventReminders } from "@/lib/events/reminders";
import { scheduledJsonRoute } from "@/lib/http/json-route";

/** The day-before reminders for events, called by the platform's scheduler (hourly); a 404 to anyone else. */
export const GET = scheduledJsonRoute(() => sendEventReminders());
