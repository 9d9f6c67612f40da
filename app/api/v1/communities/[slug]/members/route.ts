import { listMembers } from "@/lib/communities/queries";
import { jsonRoute, searchParamsOf } from "@/lib/http/json-route";

export const GET = jsonRoute<{ slug: string }>((request, viewer, { slug }) =>
  listMembers(viewer, slug, searchParamsOf(request)),
);
