import { AsyncLocalStorage } from "node:async_hooks";

// Structured logs: one JSON line per event on stderr (errors) or stdout, with the request's id
// (set by proxy.ts for pages, by the JSON routes' wrapper for the API; also sent back as
// X-Request-Id) when there is a request. The platform's log drain can search and join them.
// Nothing here ever reaches a person using the site.

type Fields = Record<string, unknown>;

const requestScope = new AsyncLocalStorage<string>();

/** Runs `work` as the request with this id: what it logs carries the id. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requestScope.run(requestId, work);
}

/** The request's id, inside a request; outside one (a script, a test) there is none. */
async function currentRequestId(): Promise<string | undefined> {
  const scoped = requestScope.getStore();
  if (scoped) return scoped;
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * A message without what a failed query carries after its first line (the SQL and its
 * parameters, which can hold what people typed): the cause below says what went wrong.
 */
function shortMessage(message: string): string {
  const first = message.split("\n")[0] ?? "";
  return first.length > 300 ? `${first.slice(0, 300)}…` : first;
}

/** What an error says about itself, with its causes (a database error inside a query error). */
export function describeError(error: unknown, depth = 0): Fields {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, cause } = error as Error & { code?: unknown };
  return {
    name: error.name,
    message: shortMessage(error.message),
    ...(typeof code === "string" ? { code } : {}),
    stack: error.stack
      ?.split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 8)
      .join("\n"),
    ...(cause !== undefined && depth < 3 ? { cause: describeError(cause, depth + 1) } : {}),
  };
}

export function writeLog(level: "error" | "warn" | "info", event: string, fields: Fields = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === "info") process.stdout.write(line + "\n");
  else process.stderr.write(line + "\n");
}

/** Logs an error once, with the request's id and what it was about. */
export function logError(event: string, error: unknown, context: Fields = {}): void {
  void currentRequestId().then((requestId) => writeLog("error", event, { ...(requestId ? { requestId } : {}), ...context, error: describeError(error) }));
}
