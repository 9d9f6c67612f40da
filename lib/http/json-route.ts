import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { toAppError } from "@/lib/errors";
import type { MaybeViewer } from "@/lib/policy";

const NO_STORE = { "Cache-Control": "private, no-store" };

type Context<P> = { params: Promise<P> };

/**
 * A JSON route handler: the viewer is loaded, errors become a status with a user-safe
 * message (never a stack trace), and nothing is cached by shared proxies.
 */
export function jsonRoute<P = Record<string, string>>(
  run: (request: Request, viewer: MaybeViewer, params: P) => Promise<unknown>,
  options: { status?: number } = {},
) {
  return async (request: Request, context: Context<P>) => {
    try {
      const data = await run(request, await getViewer(), await context.params);
      return NextResponse.json(data, { status: options.status ?? 200, headers: NO_STORE });
    } catch (error) {
      const e = toAppError(error);
      const headers: Record<string, string> = { ...NO_STORE };
      if (e.retryAfterSeconds) headers["Retry-After"] = String(e.retryAfterSeconds);
      return NextResponse.json(
        { error: { status: e.status, message: e.message, fields: e.fieldErrors } },
        { status: e.status, headers },
      );
    }
  };
}

/** Reads a JSON or form body as a plain object; a broken body is an empty one. */
export async function readBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body: unknown = await request.json();
      return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
    }
    return Object.fromEntries((await request.formData()).entries());
  } catch {
    return {};
  }
}

export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}
