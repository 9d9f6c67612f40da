import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { cleanUp } from "@/lib/maintenance/cleanup";
import { isScheduledCall } from "@/lib/maintenance/cron-auth";

/** Called by the platform's scheduler with `Authorization: Bearer $CRON_SECRET`; a 404 to anyone else. */
export async function GET(request: Request) {
  if (!isScheduledCall(request, env().CRON_SECRET)) {
    return NextResponse.json({ error: { status: 404, message: "Not found." } }, { status: 404 });
  }
  return NextResponse.json(await cleanUp(), { headers: { "Cache-Control": "private, no-store" } });
}
