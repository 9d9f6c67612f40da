import { requireActiveViewer, type Viewer } from "@/lib/auth/request-viewer";
import { toAppError } from "@/lib/errors";

// Route handlers that answer with a file rather than JSON: a calendar file to download, a
// calendar feed that calendar apps fetch. Like the JSON wrappers, errors become a status with
// a user-safe message, and nothing is kept by shared caches. The domain call checks the policy.

export type FileAnswer = { body: string; contentType: string; /** Offered as a download under this name. */ fileName?: string };

type Context<P> = { params: Promise<P> };

/** A file for a signed-in member: 401 when signed out, 403 when suspended, before `run` starts. */
export function signedInFileRoute<P = Record<string, string>>(run: (request: Request, viewer: Viewer, params: P) => Promise<FileAnswer>) {
  return async (request: Request, context: Context<P>) => answer(async () => run(request, await requireActiveViewer(), await context.params));
}

/** A file anyone may fetch, such as a feed whose address carries its own secret. */
export function publicFileRoute<P = Record<string, string>>(run: (request: Request, params: P) => Promise<FileAnswer>) {
  return async (request: Request, context: Context<P>) => answer(async () => run(request, await context.params));
}

async function answer(work: () => Promise<FileAnswer>): Promise<Response> {
  const headers: Record<string, string> = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  try {
    const file = await work();
    headers["Content-Type"] = file.contentType;
    if (file.fileName) headers["Content-Disposition"] = `attachment; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"`;
    return new Response(file.body, { status: 200, headers });
  } catch (error) {
    const e = toAppError(error);
    return new Response(e.message, { status: e.status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  }
}
