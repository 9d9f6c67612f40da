import { signedInJsonRoute, searchParamsOf } from "@/lib/http/json-route";
import { getHomeFeed } from "@/lib/posts/feeds";

/** Recent activity across the viewer's communities. */
export const GET = signedInJsonRoute((request, viewer) => getHomeFeed(viewer, searchParamsOf(request)));
