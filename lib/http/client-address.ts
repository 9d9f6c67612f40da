import Bowser from "bowser";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";

// Who is on the other end of a request, as far as the app can trust it. Each proxy in front
// of the app appends the address it was reached from to X-Forwarded-For; entries before the
// ones our own proxies wrote are whatever the client sent, and prove nothing.

/**
 * The client's address: the X-Forwarded-For entry written by the outermost of our
 * TRUSTED_PROXY_HOPS proxies (the last entry with none or one, which Next.js sets from the
 * connection when nothing is in front). Never the first entry, which the client chooses.
 */
export function clientAddress(headers: Headers, hops = env().TRUSTED_PROXY_HOPS): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return "unknown";
  const entry = chain[Math.max(0, chain.length - Math.max(1, hops))]!;
  return ipaddr.isValid(entry) ? ipaddr.process(entry).toString() : "unknown";
}

/** The block of addresses one party usually holds: the address itself for IPv4, its /64 for IPv6. For rate limits. */
export function rateLimitNetwork(address: string): string {
  return prefixOf(address, 32, 64);
}

/** A shortened network for people to recognise their devices by (/24 or /48), never the full address. */
export function displayNetwork(address: string): string {
  return address === "unknown" ? "" : prefixOf(address, 24, 48);
}

function prefixOf(address: string, v4Bits: number, v6Bits: number): string {
  if (!ipaddr.isValid(address)) return "unknown";
  const parsed = ipaddr.process(address);
  const v4 = parsed.kind() === "ipv4";
  const bits = v4 ? v4Bits : v6Bits;
  if (bits === (v4 ? 32 : 128)) return parsed.toString();
  const mask = (v4 ? ipaddr.IPv4 : ipaddr.IPv6).subnetMaskFromPrefixLength(bits).toByteArray();
  const masked = parsed.toByteArray().map((byte, i) => byte & mask[i]!);
  return `${ipaddr.fromByteArray(masked).toString()}/${bits}`;
}

/** "Firefox on Windows", from a user-agent header; never the whole string. */
export function deviceSummary(userAgent: string | null): string {
  if (!userAgent) return "An unknown browser";
  const { browser, os } = Bowser.parse(userAgent);
  const name = browser.name || "An unknown browser";
  return os.name ? `${name} on ${os.name}` : name;
}

/** The device and network of the browser making this request, for its session row. */
export async function requestClient(): Promise<{ device: string; network: string }> {
  const { headers } = await import("next/headers");
  const h = await headers();
  return { device: deviceSummary(h.get("user-agent")), network: displayNetwork(clientAddress(h)) };
}

/** The network this request comes from, for rate limits (in server actions). */
export async function requestNetwork(): Promise<string> {
  const { headers } = await import("next/headers");
  return rateLimitNetwork(clientAddress(await headers()));
}
