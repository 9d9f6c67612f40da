import { getCommunityPage } from "@/lib/communities/queries";
import { jsonRoute } from "@/lib/http/json-route";

export const GET = jsonRoute<{ slug: string }>((_request, viewer, { slug }) => getCommunityPage(viewer, slug));
