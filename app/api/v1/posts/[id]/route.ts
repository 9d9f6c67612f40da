import { signedInJsonRoute, searchParamsOf } from "@/lib/http/json-route";
import { getPostPage } from "@/lib/posts/thread";

/** A post with its accepted answer and a page of replies. */
export const GET = signedInJsonRoute<{ id: string }>((request, viewer, { id }) => getPostPage(viewer, null, id, searchParamsOf(request)));
