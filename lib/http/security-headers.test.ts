import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FILE_POLICY, NON_PAGE_POLICY, isFileRoute, newNonce, pagePolicy, policyFor } from "./security-headers";

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
