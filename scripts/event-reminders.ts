// npm run cron:event-reminders: the day-before reminders for events, run by hand or by a local cron.
import { closeDb } from "@/lib/db/client";
import { sendEventReminders } from "@/lib/events/reminders";
import { checkEnvironmentOrExit } from "@/lib/startup";

checkEnvironmentOrExit();
let more = true;
// Each run is bounded; by hand, keep going until nothing is due.
while (more) {
  const run = await sendEventReminders();
  console.log(`Reminded ${run.people} people about ${run.events} events.`);
  more = run.more;
}
await closeDb();
