import { headers } from "next/headers";
import { env } from "@/lib/env";

const DEVELOPMENT_ORIGIN = "http://localhost:3000";

/** The configured public address (AUTH_URL), or the development server's: for links in email sent outside any request. */
export function configuredOrigin(): string {
  const configured = env().AUTH_URL;
  return configured ? new URL(configured).origin : DEVELOPMENT_ORIGIN;
}

/**
 * The site's address for links in email. AUTH_URL wins, so that a forged Host header cannot
 * put someone else's address into an invitation; without it, the request's own host is used.
 */
export async function siteOrigin(): Promise<string> {
  if (env().AUTH_URL) return configuredOrigin();
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
