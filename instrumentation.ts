/** Runs once when a server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentOrExit } = await import("./lib/startup");
    checkEnvironmentOrExit();
  }
}

type FailedRequest = { path: string; method: string; headers: Record<string, string | string[] | undefined> };
type RequestContext = { routePath: string; routeType: string };

/**
 * An error that escaped a page, layout or server component (the wrappers of actions and routes
 * log their own): one structured line with the request's id. The person sees the error page,
 * never the error.
 */
export async function onRequestError(error: unknown, request: FailedRequest, context: RequestContext) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { describeError, writeLog } = await import("./lib/log");
  const requestId = request.headers["x-request-id"];
  writeLog("error", "request_failed", {
    ...(typeof requestId === "string" ? { requestId } : {}),
    method: request.method,
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    error: describeError(error),
  });
}
