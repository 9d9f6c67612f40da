import { listMembers } from "@/lib/communities/members";
import { signedInJsonRoute, searchParamsOf } from "@/lib/http/json-route";

export const GET = signedInJsonRoute<{ slug: string }>((request, viewer, { slug }) =>
  listMembers(viewer, slug, searchParamsOf(request)),
);
