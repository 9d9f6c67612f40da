// Each request's id, sent back as X-Request-Id and carried by its log lines. Pages get theirs
// from proxy.ts; JSON routes, which the proxy does not run for, from their wrapper.

/** A request id from the platform's edge when it is plainly an id; otherwise a new one. */
export function requestIdFor(headers: Headers): string {
  const offered = headers.get("x-request-id") ?? "";
  return /^[\w-]{8,100}$/.test(offered) ? offered : crypto.randomUUID();
}
