import { joinCommunity, leaveCommunity, requestToJoin } from "@/lib/communities/membership";
import { getCommunityPage } from "@/lib/communities/queries";
import { jsonRoute, readBody } from "@/lib/http/json-route";

/** Joins an open community, or asks to join a restricted one. */
export const POST = jsonRoute<{ slug: string }>(async (request, viewer, { slug }) => {
  const page = await getCommunityPage(viewer, slug);
  if (page.community.visibility === "restricted" && !page.allowed.join) {
    await requestToJoin(viewer, slug, await readBody(request));
    return { slug, status: "pending" };
  }
  await joinCommunity(viewer, { slug });
  return { slug, status: "active" };
});

export const DELETE = jsonRoute<{ slug: string }>(async (_request, viewer, { slug }) => {
  await leaveCommunity(viewer, slug);
  return { slug, status: null };
});
