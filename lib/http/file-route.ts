import { requireActiveViewer, type Viewer } from "@/lib/auth/request-viewer";
import { toAppError } from "@/lib/errors";
import { contentDisposition } from "./content-disposition";

// Route handlers that send a stored file. Every response is private and inert: nothing is
// cached by shared proxies, the browser never guesses another type (`nosniff`), and a file it
// opens runs no script and loads nothing (`sandbox`). Only images we re-encoded ourselves
// are shown in the page; everything else is a download.

export type SentFile = { bytes: Uint8Array; name: string; contentType: string; etag: string; inline: boolean };
type Context<P> = { params: Promise<P> };

const SAFE_HEADERS = {
  "Cache-Control": "private, no-cache",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** A file route for a signed-in member; the domain call inside checks the policy on every request. */
export function signedInFileRoute<P>(run: (request: Request, viewer: Viewer, params: P) => Promise<SentFile>) {
  return async (request: Request, context: Context<P>) => {
    try {
      const file = await run(request, await requireActiveViewer(), await context.params);
      if (request.headers.get("if-none-match") === file.etag) return new Response(null, { status: 304, headers: { ...SAFE_HEADERS, ETag: file.etag } });
      return new Response(Buffer.from(file.bytes), {
        headers: {
          ...SAFE_HEADERS,
          "Content-Type": file.contentType,
          "Content-Length": String(file.bytes.length),
          "Content-Disposition": contentDisposition(file.inline ? "inline" : "attachment", file.name),
          ETag: file.etag,
        },
      });
    } catch (error) {
      const e = toAppError(error);
      return new Response(e.message, { status: e.status, headers: { ...SAFE_HEADERS, "Cache-Control": "private, no-store", "Content-Type": "text/plain; charset=utf-8" } });
    }
  };
}
