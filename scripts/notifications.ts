// npm run cron:notifications: one run of notification work (fan-out, due digests, due emails),
// as the platform's scheduler does every minute through /api/cron/notifications.
import { closeDb } from "@/lib/db/client";
import { runNotificationWork } from "@/lib/notifications/runner";
import { checkEnvironmentOrExit } from "@/lib/startup";

checkEnvironmentOrExit();
const result = await runNotificationWork({ budgetMs: 45_000 });
console.log(JSON.stringify(result));
await closeDb();
