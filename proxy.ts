import { NextResponse, type NextRequest } from "next/server";
import { STRICT_TRANSPORT_SECURITY, newNonce, pagePolicy, policyFor } from "@/lib/http/security-headers";

// Runs before every request but static assets: gives each page a Content Security Policy with a
// nonce of its own (Next.js puts it on its scripts), every response HSTS, and each request an id
// that the server's logs carry. Other security headers are set in next.config.js.

export function proxy(request: NextRequest) {
  // A request id from the platform's edge is kept when it is plainly an id; otherwise a new one.
  const offered = request.headers.get("x-request-id") ?? "";
  const requestId = /^[\w-]{8,100}$/.test(offered) ? offered : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);

  const { policy, isPage } = policyFor(request.nextUrl.pathname, () =>
    pagePolicy({
      nonce: newNonce(),
      development: process.env.NODE_ENV === "development",
      https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
      ssoIssuer: process.env.AUTH_OIDC_ISSUER,
    }),
  );
  // Next.js reads the page's nonce from the policy on the request.
  if (isPage) headers.set("content-security-policy", policy);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|icons/|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
