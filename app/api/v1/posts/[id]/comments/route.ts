import { signedInJsonRoute, readBody } from "@/lib/http/json-route";
import { createComment } from "@/lib/posts/mutations";

/** Replies to a post. Send an idempotencyKey to make retries safe. */
export const POST = signedInJsonRoute<{ id: string }>(async (request, viewer, { id }) => createComment(viewer, id, await readBody(request)), {
  status: 201,
});
