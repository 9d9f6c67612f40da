import { scheduledJsonRoute } from "@/lib/http/json-route";
import { runNotificationWork } from "@/lib/notifications/runner";

// Every minute, from the platform's scheduler: fan out events, queue due digests, send due
// emails, each bounded to finish inside the function's time limit.
export const maxDuration = 60;

export const GET = scheduledJsonRoute(() => runNotificationWork({ budgetMs: 45_000 }));
