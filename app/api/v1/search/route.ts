import { jsonRoute, searchParamsOf } from "@/lib/http/json-route";
import { search } from "@/lib/search";

/** Search everything the viewer may read. Same query words as the search page. */
export const GET = jsonRoute((request, viewer) => search(viewer, searchParamsOf(request)));
