import { signedInJsonRoute, readBody, searchParamsOf } from "@/lib/http/json-route";
import { createPost } from "@/lib/posts/mutations";
import { getCommunityFeed } from "@/lib/posts/feeds";

/** The community's feed: pinned first, then by latest activity; kind, tag and unanswered filters. */
export const GET = signedInJsonRoute<{ slug: string }>((request, viewer, { slug }) => getCommunityFeed(viewer, slug, searchParamsOf(request)));

/** Starts a post. Send an idempotencyKey to make retries safe. */
export const POST = signedInJsonRoute<{ slug: string }>(async (request, viewer, { slug }) => createPost(viewer, slug, await readBody(request)), {
  status: 201,
});
