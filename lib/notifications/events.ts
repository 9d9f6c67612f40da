import type { Db } from "@/lib/db/client";
import { notificationEvents } from "@/lib/db/schema";
import type { NotificationEvent } from "./event-types";
import { deliverSoon } from "./soon";

// Each write that should tell someone calls `notify(tx, event)` inside its own transaction: the
// event is saved or rolled back with the write, and a bounded step after the response works out
// who hears of it (see fanout.ts). Adding a new "tell someone": a type in event-types.ts, its
// recipients in recipients.ts.

export type { EventType, ModerationAction, NotificationEvent } from "./event-types";

const columns = new Set(["type", "actorId", "communityId", "postId", "commentId", "subjectUserId"]);

/**
 * Records an event inside the caller's transaction. Nobody is told anything if the
 * transaction rolls back; once it commits, delivery starts right after the response.
 */
export async function notify(tx: Db, event: NotificationEvent): Promise<void> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) if (!columns.has(key) && value !== undefined) data[key] = value;
  const e = event as Partial<Record<"postId" | "commentId" | "subjectUserId", string | null>>;
  await tx.insert(notificationEvents).values({
    type: event.type,
    actorId: event.actorId,
    communityId: event.communityId,
    postId: e.postId ?? null,
    commentId: e.commentId ?? null,
    subjectUserId: e.subjectUserId ?? null,
    data,
  });
  deliverSoon();
}
