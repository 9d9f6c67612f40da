import { env } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a request that changes something must be refused as cross-site, or null. Browsers say
 * where a request comes from (Sec-Fetch-Site, and Origin on every POST); a page on another
 * site that posts a form here is refused. Clients that are not browsers send neither header
 * and carry no one else's cookies, so they pass.
 */
export function crossSiteRefusal(request: Request): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return REFUSED;
  const origin = request.headers.get("origin");
  if (origin && origin !== "null" && !sameOrigin(origin, request)) return REFUSED;
  if (origin === "null") return REFUSED;
  return null;
}

const REFUSED = "This request came from another site, so it was refused.";

function sameOrigin(origin: string, request: Request): boolean {
  try {
    const from = new URL(origin).origin;
    return from === env().siteUrl || from === new URL(request.url).origin;
  } catch {
    return false;
  }
}
