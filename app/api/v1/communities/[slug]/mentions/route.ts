import { signedInJsonRoute, searchParamsOf } from "@/lib/http/json-route";
import { suggestMentions } from "@/lib/posts/mentions";

export const GET = signedInJsonRoute<{ slug: string }>((request, viewer, { slug }) => suggestMentions(viewer, slug, searchParamsOf(request)));
