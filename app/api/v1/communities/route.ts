import { createCommunity } from "@/lib/communities/mutations";
import { listDirectory } from "@/lib/communities/directory";
import { signedInJsonRoute, readBody, searchParamsOf } from "@/lib/http/json-route";

/** The directory, as the viewer may see it. */
export const GET = signedInJsonRoute((request, viewer) => listDirectory(viewer, searchParamsOf(request)));

/** Starts a community (or a sub-community, with parentSlug). */
export const POST = signedInJsonRoute(async (request, viewer) => createCommunity(viewer, await readBody(request)), {
  status: 201,
});
