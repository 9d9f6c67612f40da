import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { fanOutEvents } from "@/lib/notifications/fanout";
import { listNotifications } from "@/lib/notifications/inbox";
import type { Viewer } from "@/lib/policy";

/** A mention as the editor writes it. */
export const mention = (person: Viewer) => `<span data-type="mention" data-id="${person.id}" data-label="${person.name}">@${person.name}</span>`;

/** Runs the fan-out step the request's after() or the scheduled run would. */
export const fanOut = () => fanOutEvents({ maxSteps: 1000 });

/** What is new on the member's notifications page since they last opened it, one line each, newest first. */
export async function linesFor(viewer: Viewer): Promise<string[]> {
  await fanOut();
  const page = await listNotifications(viewer, { limit: 100 });
  return page.items.filter((n) => n.unread).map((n) => (n.title ? `${n.lead} ${n.title}` : n.lead));
}

/** Marks the person's address as proven, as the accounts feature does when they follow the emailed link. */
export async function verifyAddress(person: Viewer) {
  const db = await getDb();
  await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, person.id));
}
