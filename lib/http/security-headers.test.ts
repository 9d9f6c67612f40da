import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { NextConfig } from "next";
// @ts-expect-error -- next.config.js is plain JavaScript, typed by its JSDoc for Next.js only.
import nextConfigFile from "@/next.config.js";
import { config as proxyConfig } from "@/proxy";
import { FILE_POLICY, NON_PAGE_POLICY, STRICT_TRANSPORT_SECURITY, isFileRoute, newNonce, pagePolicy, policyFor } from "./security-headers";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.split(" ")[0] === name);

describe("the page policy", () => {
  it("allows scripts only with the request's nonce, never inline or eval in production", () => {
    const policy = pagePolicy({ nonce: "abc123" });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval only in development, upgrades requests only over HTTPS, and lets sign-in forms go to the SSO issuer", () => {
    expect(directive(pagePolicy({ nonce: "n", development: true }), "script-src")).toContain("'unsafe-eval'");
    expect(pagePolicy({ nonce: "n", https: true })).toContain("upgrade-insecure-requests");
    expect(directive(pagePolicy({ nonce: "n", ssoIssuer: "https://login.example.com/tenant/v2.0" }), "form-action")).toBe("form-action 'self' https://login.example.com");
    expect(directive(pagePolicy({ nonce: "n", ssoIssuer: "not a url" }), "form-action")).toBe("form-action 'self'");
  });

  it("has a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

/** Every route handler in app/ that answers with a file, as a path with each [segment] filled in. */
function fileRoutePaths(dir = path.resolve("app"), prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const segment = entry.name.startsWith("(") ? "" : `/${entry.name.replace(/^\[\.*(\w+)\]$/, "some-$1")}`;
    if (entry.isDirectory()) found.push(...fileRoutePaths(full, prefix + segment));
    else if (entry.name === "route.ts" && /(signedIn|public)FileRoute\b/.test(readFileSync(full, "utf8"))) found.push(prefix || "/");
  }
  return found;
}

describe("the policy for each path", () => {
  it("gives every file route the file policy, which the proxy would otherwise replace", () => {
    const paths = fileRoutePaths();
    expect(paths.length).toBeGreaterThanOrEqual(4);
    for (const p of paths) {
      expect(isFileRoute(p), p).toBe(true);
      expect(policyFor(p, () => "page").policy).toBe(FILE_POLICY);
    }
  });

  it("gives JSON routes a policy that allows nothing, and pages theirs", () => {
    expect(policyFor("/api/v1/communities", () => "page")).toEqual({ policy: NON_PAGE_POLICY, isPage: false });
    expect(policyFor("/c/housing/posts/123", () => "page")).toEqual({ policy: "page", isPage: true });
    expect(isFileRoute("/files/abc/extra")).toBe(false);
  });
});

/** Every route file under a folder of app/. */
function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const nextConfig = nextConfigFile as Required<Pick<NextConfig, "headers">>;

describe("the JSON API, which the proxy does not run for", () => {
  it("is left out of the proxy, and nothing else is", () => {
    const source = new RegExp(`^${proxyConfig.matcher[0]!.source}$`);
    expect(source.test("/api/v1/communities")).toBe(false);
    expect(source.test("/api/v1/communities/housing/posts")).toBe(false);
    for (const page of ["/", "/home", "/c/housing", "/api/auth/session", "/api/health", "/files/abc"]) expect(source.test(page), page).toBe(true);
  });

  it("gets its policy, and every answer HSTS, from next.config.js, as the policy's constants say", async () => {
    const rules = await nextConfig.headers();
    const header = (source: string, key: string) => rules.find((r) => r.source === source)?.headers.find((h) => h.key === key)?.value;
    expect(header("/:path*", "Strict-Transport-Security")).toBe(STRICT_TRANSPORT_SECURITY);
    expect(header("/api/v1/:path*", "Content-Security-Policy")).toBe(NON_PAGE_POLICY);
  });

  it("is answered only by the JSON wrappers, which give each answer its request id", () => {
    const files = routeFiles(path.resolve("app/api/v1"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(text, file).toMatch(/from "@\/lib\/http\/json-route"/);
      expect(text, file).not.toMatch(/new Response|NextResponse/);
    }
  });
});
