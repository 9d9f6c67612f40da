import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/json-route";
import { cleanUp } from "@/lib/maintenance/cleanup";
import { isScheduledCall } from "@/lib/maintenance/cron-auth";

/** Called by the platform's scheduler with `Authorization: Bearer $CRON_SECRET`; a 404 to anyone else. */
export const GET = jsonRoute(async (request) => {
  if (!isScheduledCall(request, env().CRON_SECRET)) throw notFound();
  return cleanUp();
});
