import { env } from "@/lib/env";

/**
 * A link for an email: the configured public address (AUTH_URL) and a path. Never built from
 * a request's Host, Origin or X-Forwarded-Host, which the sender of the request chooses.
 */
export function siteLink(path: string): string {
  if (!path.startsWith("/")) throw new Error("siteLink needs a path that starts with /");
  return `${env().siteUrl}${path}`;
}

/** Keeps the path and query of a link Auth.js made, on the configured public address. */
export function onSite(link: string): string {
  const url = new URL(link);
  return siteLink(`${url.pathname}${url.search}`);
}

/** The configured public address itself (AUTH_URL's origin), for links built from several parts. */
export function siteOrigin(): string {
  return env().siteUrl;
}
