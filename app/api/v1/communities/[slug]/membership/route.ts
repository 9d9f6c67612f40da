import { signedInJsonRoute, readBody } from "@/lib/http/json-route";
import { joinOrRequest, leaveCommunity } from "@/lib/communities/membership";

/** Joins an open community, or asks to join a restricted one (with an optional message). */
export const POST = signedInJsonRoute<{ slug: string }>(async (request, viewer, { slug }) => joinOrRequest(viewer, slug, await readBody(request)));

export const DELETE = signedInJsonRoute<{ slug: string }>(async (_request, viewer, { slug }) => {
  await leaveCommunity(viewer, slug);
  return { slug, status: null };
});
