import { signedInJsonRoute, searchParamsOf } from "@/lib/http/json-route";
import { getPostPage } from "@/lib/posts/thread";

/** Replies on a page of the JSON, unless `limit` asks for another number (up to 200). */
const API_THREAD_PAGE_SIZE = "50";

/** A post with its accepted answer and a page of replies (`cursor`, `before` or `reply`, and `limit`). */
export const GET = signedInJsonRoute<{ id: string }>((request, viewer, { id }) =>
  getPostPage(viewer, null, id, { limit: API_THREAD_PAGE_SIZE, ...searchParamsOf(request) }),
);
