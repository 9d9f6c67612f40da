import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sendSignInLink } from "@/lib/auth/sign-in-rules";
import { createCommunity } from "@/lib/communities/mutations";
import { inviteToCommunity } from "@/lib/communities/send-invitations";
import { parseEnv } from "@/lib/env";
import { devOutboxEnabled } from "@/lib/mail/send";
import { seedRefusal } from "@/lib/seed/guard";
import { emailDomainAllowed } from "@/lib/users/registration";
import { makeUser } from "@/test/support/factories";
import { lastMailTo } from "@/test/support/mail";
import { clientAddress, displayNetwork, rateLimitNetwork } from "./client-address";
import { safeReturnPath } from "./return-path";

// What a request says about itself, and how little of it is trusted.

describe("the client's address", () => {
  const from = (xff: string) => new Headers({ "x-forwarded-for": xff });

  it("is never the first X-Forwarded-For entry, which the client writes itself", () => {
    // The client sent "6.6.6.6"; our one proxy appended the address it saw.
    expect(clientAddress(from("6.6.6.6, 203.0.113.5"), 1)).toBe("203.0.113.5");
    expect(clientAddress(from("6.6.6.6, 203.0.113.5"), 0)).toBe("203.0.113.5");
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    expect(clientAddress(from("6.6.6.6, 203.0.113.5, 10.0.0.2"), 2)).toBe("203.0.113.5");
    expect(clientAddress(from("203.0.113.5"), 3)).toBe("203.0.113.5");
    expect(clientAddress(from("not an address"), 0)).toBe("unknown");
    expect(clientAddress(new Headers(), 0)).toBe("unknown");
  });

  it("counts an IPv6 /64 as one network for limits, and shows people only a shortened network", () => {
    expect(rateLimitNetwork("2001:db8:1:2:aaaa::1")).toBe(rateLimitNetwork("2001:db8:1:2:bbbb::9"));
    expect(displayNetwork("203.0.113.77")).toBe("203.0.113.0/24");
    expect(displayNetwork("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1::/48");
  });
});

describe("where to go after signing in", () => {
  it.each([
    ["//evil.example", "/home"],
    ["/\\evil.example", "/home"],
    ["/%2F%2Fevil.example", "/home"],
    ["/%5Cevil.example", "/home"],
    ["/%252F%252Fevil.example", "/home"],
    ["/\t/evil.example", "/home"],
    ["https://evil.example/home", "/home"],
    ["javascript:alert(1)", "/home"],
    ["", "/home"],
    ["/c/innovation?tab=members#top", "/c/innovation?tab=members#top"],
    ["/invitations/abc", "/invitations/abc"],
  ])("%s goes to %s", (given, wanted) => {
    expect(safeReturnPath(given)).toBe(wanted);
  });
});

describe("links in email", () => {
  it("AUTH_URL is required in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) })).toThrow(/^Invalid environment: AUTH_URL must be set in production/);
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), AUTH_URL: "https://roundtable.example.gov.uk/" }).siteUrl).toBe("https://roundtable.example.gov.uk");
    expect(parseEnv({}).siteUrl).toBe("http://localhost:3000");
  });

  it("a sign-in link is on the configured address, whatever host the request named", async () => {
    await makeUser({ name: "Link Holder", email: "link.holder@council.gov.uk" });
    const forged = new Request("https://evil.example/api/auth/signin/email", { headers: { host: "evil.example", "x-forwarded-host": "evil.example", origin: "https://evil.example" } });
    await sendSignInLink("link.holder@council.gov.uk", "https://evil.example/api/auth/callback/email?callbackUrl=%2Fhome&token=abc&email=link.holder%40council.gov.uk", forged);
    const mail = await lastMailTo("link.holder@council.gov.uk");
    expect(mail.links).toEqual(["http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fhome&token=abc&email=link.holder%40council.gov.uk"]);
  });

  it("an invitation link is on the configured address, not one the request supplied", async () => {
    const owner = await makeUser({ name: "Link Inviter" });
    const { slug } = await createCommunity(owner, { name: "Linked invitations", visibility: "open" });
    await inviteToCommunity(owner, slug, { invitee: "linked.invitee@elsewhere.gov.uk" }, "https://evil.example");
    const mail = await lastMailTo("linked.invitee@elsewhere.gov.uk");
    expect(mail.links[0]).toMatch(/^http:\/\/localhost:3000\/invitations\/[A-Za-z0-9_-]{43}$/);
  });
});

describe("development-only tools", () => {
  it("the dev outbox shows only when asked for, in development, on the embedded database", () => {
    expect(devOutboxEnabled(parseEnv({ NODE_ENV: "development" }))).toBe(false);
    expect(devOutboxEnabled(parseEnv({ NODE_ENV: "development", DEV_OUTBOX: "on" }))).toBe(true);
    expect(devOutboxEnabled(parseEnv({ NODE_ENV: "development", DEV_OUTBOX: "on", DATABASE_URL: "postgres://db.internal/roundtable" }))).toBe(false);
    expect(devOutboxEnabled(parseEnv({ NODE_ENV: "test", DEV_OUTBOX: "on" }))).toBe(false);
  });

  it("db:seed fills only the embedded database or a local one named on the command line", () => {
    const on = (vars: Record<string, string>) => parseEnv(vars);
    expect(seedRefusal(on({}), [])).toBeNull();
    expect(seedRefusal(on({ DATABASE_URL: "postgres://db.eu-west-2.rds.amazonaws.com/roundtable" }), ["--database", "roundtable"])).toMatch(/^Refusing to seed db\.eu-west-2/);
    expect(seedRefusal(on({ DATABASE_URL: "postgres://u:p@ep-x.eu-west-2.aws.neon.tech/neondb" }), ["--database", "neondb"])).toMatch(/^Refusing/);
    expect(seedRefusal(on({ DATABASE_URL: "postgres://localhost:5432/roundtable" }), [])).toMatch(/name it: npm run db:seed -- --database roundtable/);
    expect(seedRefusal(on({ DATABASE_URL: "postgres://localhost:5432/roundtable" }), ["--database", "other"])).toMatch(/name it/);
    expect(seedRefusal(on({ DATABASE_URL: "postgres://localhost:5432/roundtable" }), ["--database", "roundtable"])).toBeNull();
    expect(seedRefusal(on({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), AUTH_URL: "https://r.example" }), [])).toMatch(/production/);
  });
});

describe("dependencies", () => {
  it("nodemailer is past the addressparser advisories (fixed in 9.1.1 and later)", () => {
    const { version } = JSON.parse(readFileSync(path.resolve("node_modules/nodemailer/package.json"), "utf8")) as { version: string };
    const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
    expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(9_001_001);
  });
});

describe("the email domain allow-list", () => {
  it("matches whole labels, so evilgov.uk is not gov.uk", () => {
    const allowed = ["gov.uk", "nhs.net"];
    expect(emailDomainAllowed("a@council.gov.uk", allowed)).toBe(true);
    expect(emailDomainAllowed("a@gov.uk", allowed)).toBe(true);
    expect(emailDomainAllowed("a@evilgov.uk", allowed)).toBe(false);
    expect(emailDomainAllowed("a@gov.uk.evil.com", allowed)).toBe(false);
    expect(emailDomainAllowed("a@council.gov.uk.", allowed)).toBe(false);
    expect(emailDomainAllowed("a@nhs.net.evil", allowed)).toBe(false);
  });
});
