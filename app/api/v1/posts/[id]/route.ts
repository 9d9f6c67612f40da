import { jsonRoute, searchParamsOf } from "@/lib/http/json-route";
import { getPostPage } from "@/lib/posts/queries";

/** A post with its accepted answer and a page of replies. */
export const GET = jsonRoute<{ id: string }>((request, viewer, { id }) => getPostPage(viewer, null, id, searchParamsOf(request)));
