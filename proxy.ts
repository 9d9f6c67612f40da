import { NextResponse, type NextRequest } from "next/server";
import { requestIdFor } from "@/lib/http/request-id";
import { newNonce, pagePolicy, policyFor } from "@/lib/http/security-headers";

// Runs before every request but static assets and the JSON API: gives each page a Content
// Security Policy with a nonce of its own (Next.js puts it on its scripts), and each request an
// id that the server's logs carry. The JSON API's wrappers give its answers their id; headers
// that never vary (HSTS, the JSON API's policy and the rest) are set in next.config.js.

export function proxy(request: NextRequest) {
  const requestId = requestIdFor(request.headers);
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
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the JSON API (api/v1): it needs no nonce, and runs faster without the proxy.
      source: "/((?!api/v1/|_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|icons/|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
