import { jsonRoute, searchParamsOf } from "@/lib/http/json-route";
import { getHomeFeed } from "@/lib/posts/queries";

/** Recent activity across the viewer's communities. */
export const GET = jsonRoute((request, viewer) => getHomeFeed(viewer, searchParamsOf(request)));
