import { getCommunityPage } from "@/lib/communities/page";
import { signedInJsonRoute } from "@/lib/http/json-route";

export const GET = signedInJsonRoute<{ slug: string }>((_request, viewer, { slug }) => getCommunityPage(viewer, slug));
