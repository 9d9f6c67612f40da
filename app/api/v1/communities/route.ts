import { createCommunity } from "@/lib/communities/mutations";
import { listDirectory } from "@/lib/communities/queries";
import { jsonRoute, readBody, searchParamsOf } from "@/lib/http/json-route";

/** The directory, as the viewer may see it. */
export const GET = jsonRoute((request, viewer) => listDirectory(viewer, searchParamsOf(request)));

/** Starts a community (or a sub-community, with parentSlug). */
export const POST = jsonRoute(async (request, viewer) => createCommunity(viewer, await readBody(request)), {
  status: 201,
});
