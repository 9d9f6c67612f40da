import { requireActiveViewer, type Viewer } from "@/lib/auth/request-viewer";
import { toAppError } from "@/lib/errors";
import { withoutNul } from "@/lib/validation";
import { contentDisposition } from "./content-disposition";
import { whereFrom } from "./json-route";
import { FILE_POLICY } from "./security-headers";

// Route handlers that answer with a file rather than JSON: a stored upload, a calendar file, a
// calendar feed. Every response is private and inert: nothing is kept by shared proxies, the
// browser never guesses another type (`nosniff`), and a file it opens runs no script and loads
// nothing (`sandbox`). Only images we re-encoded ourselves are shown in the page; a named file
// is a download. Errors become a status with a user-safe message. The domain call checks the policy.

export type SentFile = {
  body: Uint8Array | string;
  contentType: string;
  /** Offered under this name (as a download unless `inline`). */
  name?: string;
  inline?: boolean;
  /** With an ETag the browser may keep the file and ask again; without one, nothing is kept. */
  etag?: string;
};
type Context<P> = { params: Promise<P> };

const SAFE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": FILE_POLICY,
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** A file for a signed-in member: 401 when signed out, 403 when suspended, before `run` starts. */
export function signedInFileRoute<P = Record<string, string>>(run: (request: Request, viewer: Viewer, params: P) => Promise<SentFile>) {
  return async (request: Request, context: Context<P>) => answer(request, async () => run(request, await requireActiveViewer(), withoutNul(await context.params)));
}

/** A file anyone may fetch, such as a feed whose address carries its own secret. */
export function publicFileRoute<P = Record<string, string>>(run: (request: Request, params: P) => Promise<SentFile>) {
  return async (request: Request, context: Context<P>) => answer(request, async () => run(request, withoutNul(await context.params)));
}

async function answer(request: Request, work: () => Promise<SentFile>): Promise<Response> {
  try {
    const file = await work();
    const cache: Record<string, string> = file.etag ? { "Cache-Control": "private, no-cache", ETag: file.etag } : { "Cache-Control": "private, no-store" };
    if (file.etag && request.headers.get("if-none-match") === file.etag) return new Response(null, { status: 304, headers: { ...SAFE_HEADERS, ...cache } });
    const body = typeof file.body === "string" ? file.body : Buffer.from(file.body);
    const headers: Record<string, string> = { ...SAFE_HEADERS, ...cache, "Content-Type": file.contentType };
    if (typeof file.body !== "string") headers["Content-Length"] = String(file.body.length);
    if (file.name) headers["Content-Disposition"] = contentDisposition(file.inline ? "inline" : "attachment", file.name);
    return new Response(body, { headers });
  } catch (error) {
    const e = toAppError(error, whereFrom(request));
    return new Response(e.message, { status: e.status, headers: { ...SAFE_HEADERS, "Cache-Control": "private, no-store", "Content-Type": "text/plain; charset=utf-8" } });
  }
}
