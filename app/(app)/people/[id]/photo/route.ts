import { signedInFileRoute } from "@/lib/http/file-route";
import { openPhoto } from "@/lib/people/photo";

/** A member's photo, for viewers they let see it: asked of the policy on every request. */
export const GET = signedInFileRoute<{ id: string }>((_request, viewer, { id }) => openPhoto(viewer, id));
