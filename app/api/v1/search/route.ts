import { signedInJsonRoute, searchParamsOf } from "@/lib/http/json-route";
import { search } from "@/lib/search";

/** Search everything the viewer may read. Same query words as the search page. */
export const GET = signedInJsonRoute((request, viewer) => search(viewer, searchParamsOf(request)));
