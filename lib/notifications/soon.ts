import { after } from "next/server";
import { logError } from "@/lib/log";

// Right after the response, one bounded step of notification work (fan-out, then due emails),
// so in-app notifications appear at once and personal emails go out promptly. Whatever it
// does not finish, or anything outside a request (a script, a test), the scheduled run does.

/** Asks for a delivery step after the current response; outside a request it does nothing. */
export function deliverSoon(): void {
  try {
    after(async () => {
      const { runNotificationWork } = await import("./runner");
      await runNotificationWork({ budgetMs: 8_000, digests: false }).catch((error: unknown) => logError("notification_step_failed", error));
    });
  } catch {
    // Outside a request there is nothing to hang it on: the scheduled run picks the work up.
  }
}
