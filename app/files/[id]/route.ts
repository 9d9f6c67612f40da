import { openFile } from "@/lib/files/download";
import { signedInFileRoute } from "@/lib/http/file-route";

/** A file attached to a post or document, for whoever may read it: asked of the policy on every request. */
export const GET = signedInFileRoute<{ id: string }>((_request, viewer, { id }) => openFile(viewer, id));
