// The Content Security Policy of every page, and the headers sent with every response. Pages
// get a fresh nonce per request: Next.js reads it from the policy on the request and puts it on
// its own scripts, so no inline script runs without it and 'unsafe-inline' is never allowed for
// scripts. JSON and other non-page answers get a policy that allows nothing at all.

/** A random, unguessable nonce for one request (128 bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

type PageOptions = {
  nonce: string;
  /** Development needs eval for React's debugging; production never does. */
  development?: boolean;
  /** Only over HTTPS: on plain http://localhost the upgrade would break every request. */
  https?: boolean;
  /** Single sign-on's issuer: the sign-in form's post is redirected there. */
  ssoIssuer?: string;
};

/** The policy of an HTML page. */
export function pagePolicy({ nonce, development = false, https = false, ssoIssuer }: PageOptions): string {
  const formTargets = ["'self'", ...(ssoIssuer ? [originOf(ssoIssuer)] : [])].filter(Boolean);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Style elements need the nonce, and no style attribute in a served page is applied: the
    // pages draw with classes and SVG attributes. Script sets styles through the CSSOM
    // (element.style), which the policy does not govern.
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formTargets.join(" ")}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The policy of anything that is not a page (JSON, redirects): nothing may load or frame it. */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The policy of a file we send (an upload, a calendar, a CSV): it runs nothing and loads nothing. */
export const FILE_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

/**
 * The routes that answer with a file (made with signedInFileRoute or publicFileRoute). The
 * proxy's policy replaces a route's own, so it gives these the file policy itself.
 */
const FILE_ROUTES = [
  /^\/files\/[^/]+$/,
  /^\/calendar\/[^/]+$/,
  /^\/c\/[^/]+\/events\/[^/]+\/calendar\.ics$/,
  /^\/c\/[^/]+\/figures\/download\/[^/]+$/,
  /^\/people\/[^/]+\/photo$/,
  /^\/settings\/export\/[^/]+$/,
  /^\/rss\/[^/]+\/.+$/,
];

export function isFileRoute(pathname: string): boolean {
  return FILE_ROUTES.some((route) => route.test(pathname));
}

/** The policy for a request's path: the file policy, the strict one for JSON, or a page's with its nonce. */
export function policyFor(pathname: string, page: () => string): { policy: string; isPage: boolean } {
  if (isFileRoute(pathname)) return { policy: FILE_POLICY, isPage: false };
  if (pathname.startsWith("/api/")) return { policy: NON_PAGE_POLICY, isPage: false };
  return { policy: page(), isPage: true };
}

/** Two years, with subdomains: browsers then refuse plain HTTP to the site. Ignored over HTTP. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}
