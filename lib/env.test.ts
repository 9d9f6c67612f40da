import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("environment validation", () => {
  const bad: [Record<string, string>, RegExp][] = [
    [{ NODE_ENV: "production" }, /^Invalid environment: AUTH_SECRET must be set/],
    [{ NODE_ENV: "production", AUTH_SECRET: "short" }, /^Invalid environment: AUTH_SECRET/],
    [{ DATABASE_URL: "mysql://nope" }, /^Invalid environment: DATABASE_URL must start with postgres:\/\//],
    [{ DATABASE_DRIVER: "oracle" }, /^Invalid environment: DATABASE_DRIVER/],
    [{ SMTP_URL: "http://mail" }, /^Invalid environment: SMTP_URL must start with smtp:\/\//],
    [{ AUTH_OIDC_ISSUER: "https://login.example.com/tenant/v2.0" }, /^Invalid environment: AUTH_OIDC_ID is needed too/],
    [{ AUTH_OIDC_ISSUER: "not a url", AUTH_OIDC_ID: "x", AUTH_OIDC_SECRET: "y" }, /^Invalid environment: AUTH_OIDC_ISSUER/],
    [{ NODE_ENV: "staging" }, /^Invalid environment: NODE_ENV/],
    [{ EMAIL_BATCH_SECONDS: "0" }, /^Invalid environment: EMAIL_BATCH_SECONDS/],
  ];
  for (const [vars, message] of bad) {
    it(`refuses ${JSON.stringify(vars)} with one line naming the variable`, () => {
      let error: unknown;
      try {
        parseEnv(vars);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(EnvError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain("\n");
    });
  }

  it("accepts a development environment with nothing set, and treats blanks as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", SMTP_URL: " " });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
  });

  it("has emails about a post wait two minutes for more of the same unless EMAIL_BATCH_SECONDS says otherwise", () => {
    expect(parseEnv({}).EMAIL_BATCH_SECONDS).toBe(120);
    expect(parseEnv({ EMAIL_BATCH_SECONDS: "5" }).EMAIL_BATCH_SECONDS).toBe(5);
  });

  it("reads ALLOWED_EMAIL_DOMAINS as a clean list", () => {
    expect(parseEnv({ ALLOWED_EMAIL_DOMAINS: " gov.uk, @Example.org ," }).allowedEmailDomains).toEqual([
      "gov.uk",
      "example.org",
    ]);
  });
});
