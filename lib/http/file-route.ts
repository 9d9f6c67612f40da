import { requireActiveViewer, type Viewer } from "@/lib/auth/request-viewer";
import { toAppError } from "@/lib/errors";

// Route handlers that answer with a file to download, such as a CSV of figures. Like the JSON
// routes: the viewer is proven before `run` starts (401 signed out, 403 suspended), errors are
// a status with a user-safe message, and nothing is cached by shared proxies.

type Context<P> = { params: Promise<P> };
export type FileBody = { body: string; filename: string; type: string };

export function signedInFileRoute<P = Record<string, string>>(run: (request: Request, viewer: Viewer, params: P) => Promise<FileBody>) {
  return async (request: Request, context: Context<P>) => {
    try {
      const file = await run(request, await requireActiveViewer(), await context.params);
      return new Response(file.body, {
        headers: {
          "Content-Type": file.type,
          "Content-Disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    } catch (error) {
      const e = toAppError(error);
      return new Response(e.message, { status: e.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
    }
  };
}
