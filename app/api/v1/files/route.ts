import { uploadFile } from "@/lib/files/upload";
import { signedInJsonRoute } from "@/lib/http/json-route";

/** Uploads a file (multipart: `file`, and `documentId`, `postId` or `community`), as the editor does for images. */
export const POST = signedInJsonRoute(
  async (request, viewer) => {
    const form = await request.formData().catch(() => null);
    const values = Object.fromEntries([...(form?.entries() ?? [])].filter(([, v]) => typeof v === "string"));
    return uploadFile(viewer, form?.get("file") ?? null, values);
  },
  { status: 201 },
);
