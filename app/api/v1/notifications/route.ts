import { searchParamsOf, signedInJsonRoute } from "@/lib/http/json-route";
import { listNotifications, unreadCount } from "@/lib/notifications/inbox";

/** The member's notifications (`?count=1` for the unread count alone, as the header's badge asks). */
export const GET = signedInJsonRoute(async (request, viewer) => {
  const query = searchParamsOf(request);
  if (query.count) return { unread: await unreadCount(viewer) };
  return listNotifications(viewer, query);
});
