import { publicJsonRoute } from "@/lib/http/json-route";
import { unsubscribe } from "@/lib/notifications/unsubscribe";

/** One-click unsubscribe (RFC 8058): mail clients POST here without signing in; the signed token says who and what. */
export const POST = publicJsonRoute<{ token: string }>(async (_request, { token }) => unsubscribe(token));
