import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The site's address for links in email. AUTH_URL wins, so that a forged Host header cannot
 * put someone else's address into an invitation; without it, the request's own host is used.
 */
export async function siteOrigin(): Promise<string> {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
