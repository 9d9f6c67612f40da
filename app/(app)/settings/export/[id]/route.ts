import { signedInFileRoute } from "@/lib/http/file-route";
import { openExport } from "@/lib/people/export";

/** The member's export, for them alone. */
export const GET = signedInFileRoute<{ id: string }>((_request, viewer, { id }) => openExport(viewer, id));
