import { NextResponse } from "next/server";
import { requireActiveViewer, type Viewer } from "@/lib/auth/request-viewer";
import { env } from "@/lib/env";
import { forbidden, notFound, toAppError } from "@/lib/errors";
import { withRequestId } from "@/lib/log";
import { withoutNul } from "@/lib/validation";
import { isScheduledCall } from "./cron-auth";
import { requestIdFor } from "./request-id";
import { crossSiteRefusal } from "./same-site";

// JSON route handlers. Every route is made by `publicJsonRoute` (anyone: health, sign-up),
// `signedInJsonRoute` (a proven, active Viewer) or `scheduledJsonRoute` (the platform's
// scheduler, holding the cron secret). Errors become a status
// with a user-safe message (never a stack trace), and nothing is cached by shared proxies. Each
// answer carries the request's id (X-Request-Id), as its log lines do: proxy.ts does not run here.
// The domain call inside still checks the policy itself. A request that changes something and
// comes from a page on another site is refused before anything runs.

const NO_STORE = { "Cache-Control": "private, no-store" };

type Context<P> = { params: Promise<P> };
type Options = { status?: number };

/** A JSON route anyone may call. */
export function publicJsonRoute<P = Record<string, string>>(run: (request: Request, params: P) => Promise<unknown>, options: Options = {}) {
  return async (request: Request, context: Context<P>) =>
    respond(request, async () => {
      refuseCrossSite(request);
      return run(request, withoutNul(await context?.params));
    }, options);
}

/** A JSON route for a signed-in member: 401 when signed out, 403 when suspended, before `run` starts. */
export function signedInJsonRoute<P = Record<string, string>>(
  run: (request: Request, viewer: Viewer, params: P) => Promise<unknown>,
  options: Options = {},
) {
  return async (request: Request, context: Context<P>) =>
    respond(request, async () => {
      refuseCrossSite(request);
      return run(request, await requireActiveViewer(), withoutNul(await context?.params));
    }, options);
}

/** The answer for an address in the JSON API that names no route. */
export const unknownApiPath = publicJsonRoute<{ path: string[] }>(async () => {
  throw notFound("There is nothing at that address in the API.");
});

function refuseCrossSite(request: Request) {
  const refused = crossSiteRefusal(request);
  if (refused) throw forbidden(refused);
}

/** A JSON route for the platform's scheduler, with `Authorization: Bearer $CRON_SECRET`: a 404 to anyone else. */
export function scheduledJsonRoute(run: (request: Request) => Promise<unknown>, options: Options = {}) {
  return publicJsonRoute(async (request) => {
    if (!isScheduledCall(request, env().CRON_SECRET)) throw notFound();
    return run(request);
  }, options);
}

function respond(request: Request, work: () => Promise<unknown>, options: Options) {
  const requestId = requestIdFor(request.headers);
  return withRequestId(requestId, async () => {
    try {
      return NextResponse.json(await work(), { status: options.status ?? 200, headers: { ...NO_STORE, "X-Request-Id": requestId } });
    } catch (error) {
      const e = toAppError(error, whereFrom(request));
      const headers: Record<string, string> = { ...NO_STORE, "X-Request-Id": requestId };
      if (e.retryAfterSeconds) headers["Retry-After"] = String(e.retryAfterSeconds);
      return NextResponse.json({ error: { status: e.status, message: e.message, fields: e.fieldErrors } }, { status: e.status, headers });
    }
  });
}

/** What a logged error was answering: the method and path, never the query (it may hold secrets). */
export function whereFrom(request: Request) {
  return { method: request.method, path: new URL(request.url).pathname };
}

/** Reads a JSON or form body as a plain object; a broken body is an empty one. */
export async function readBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body: unknown = await request.json();
      return body && typeof body === "object" ? withoutNul(body as Record<string, unknown>) : {};
    }
    return withoutNul(Object.fromEntries((await request.formData()).entries()));
  } catch {
    return {};
  }
}

export function searchParamsOf(request: Request): Record<string, string> {
  return withoutNul(Object.fromEntries(new URL(request.url).searchParams.entries()));
}
