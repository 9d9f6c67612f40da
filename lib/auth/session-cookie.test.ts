import { decode, encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken, sessionFromCookie, usesSecureCookies } from "./session-cookie";

// The session cookie is read without Auth.js's session action, so these check it against
// tokens that Auth.js itself issues: the same ones open, and nothing else does.

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const OLD_SECRET = "the-secret-before-it-was-rotated-thirty-two-plus";
const NAME = "authjs.session-token";
const SECURE_NAME = "__Secure-authjs.session-token";
const session = { sub: "0b6f1f5e-2f6b-4c3e-9d55-6a1f0f7a5b11", sid: "5d7e2c1a-8b3f-4e6d-a9c2-1f4b7e8d9a30" };

const issue = (options: { secret?: string; salt?: string; maxAge?: number } = {}) =>
  encode({ token: session, secret: options.secret ?? SECRET, salt: options.salt ?? NAME, maxAge: options.maxAge });

const request = (cookie: string, extra: Record<string, string> = {}) => new Headers({ cookie, ...extra });

/** The token with one character of its ciphertext changed. */
function tampered(token: string): string {
  const parts = token.split(".");
  const text = parts[3]!;
  const at = Math.floor(text.length / 2);
  parts[3] = `${text.slice(0, at)}${text[at] === "A" ? "B" : "A"}${text.slice(at + 1)}`;
  return parts.join(".");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe("reading the session cookie", () => {
  it("opens a cookie Auth.js issued, giving its account and session, as Auth.js's own decoding does", async () => {
    vi.stubEnv("AUTH_URL", "http://localhost:3000");
    const token = await issue();
    expect(await sessionFromCookie(request(`other=1; ${NAME}=${token}`), SECRET)).toEqual({ userId: session.sub, sessionId: session.sid });
    const ours = await decodeSessionToken({ token, secret: SECRET, salt: NAME });
    expect(ours).toEqual(await decode({ token, secret: SECRET, salt: NAME }));
  });

  it("treats a tampered cookie as no session", async () => {
    vi.stubEnv("AUTH_URL", "http://localhost:3000");
    const token = await issue();
    expect(await sessionFromCookie(request(`${NAME}=${tampered(token)}`), SECRET)).toBeNull();
    expect(await sessionFromCookie(request(`${NAME}=not-a-token`), SECRET)).toBeNull();
  });

  it("treats an expired cookie as no session", async () => {
    vi.stubEnv("AUTH_URL", "http://localhost:3000");
    const expired = await issue({ maxAge: -60 });
    expect(await sessionFromCookie(request(`${NAME}=${expired}`), SECRET)).toBeNull();
  });

  it("stops opening a cookie once it expires, though it opened moments before", async () => {
    vi.stubEnv("AUTH_URL", "http://localhost:3000");
    vi.useFakeTimers({ toFake: ["Date"] });
    const token = await issue({ maxAge: 60 });
    expect(await sessionFromCookie(request(`${NAME}=${token}`), SECRET)).not.toBeNull();
    expect(await sessionFromCookie(request(`${NAME}=${token}`), SECRET)).not.toBeNull();
    vi.setSystemTime(Date.now() + 2 * 60 * 1000);
    expect(await sessionFromCookie(request(`${NAME}=${token}`), SECRET)).toBeNull();
  });

  it("treats a cookie sealed with another secret, or for another cookie's name, as no session", async () => {
    vi.stubEnv("AUTH_URL", "http://localhost:3000");
    expect(await sessionFromCookie(request(`${NAME}=${await issue({ secret: OLD_SECRET })}`), SECRET)).toBeNull();
    expect(await sessionFromCookie(request(`${NAME}=${await issue({ salt: "authjs.pkce.code_verifier" })}`), SECRET)).toBeNull();
  });

  it("opens a cookie sealed with a rotated-out secret while that secret is still listed, as Auth.js does", async () => {
    vi.stubEnv("AUTH_URL", "http://localhost:3000");
    const old = await issue({ secret: OLD_SECRET });
    expect(await sessionFromCookie(request(`${NAME}=${old}`), [SECRET, OLD_SECRET])).toEqual({ userId: session.sub, sessionId: session.sid });
    expect(await sessionFromCookie(request(`${NAME}=${await issue()}`), [SECRET, OLD_SECRET])).not.toBeNull();
    // Once the old secret is dropped, its cookies open nothing, though they opened before.
    expect(await sessionFromCookie(request(`${NAME}=${old}`), SECRET)).toBeNull();
  });

  it("reads the __Secure- cookie on an https site, and only that one", async () => {
    vi.stubEnv("AUTH_URL", "https://roundtable.example.gov.uk");
    const secure = await issue({ salt: SECURE_NAME });
    expect(await sessionFromCookie(request(`${SECURE_NAME}=${secure}`), SECRET)).toEqual({ userId: session.sub, sessionId: session.sid });
    expect(await sessionFromCookie(request(`${NAME}=${await issue()}`), SECRET)).toBeNull();
  });

  it("takes the session from the cookie only, never from an Authorization header", async () => {
    vi.stubEnv("AUTH_URL", "http://localhost:3000");
    const token = await issue();
    expect(await sessionFromCookie(request("", { authorization: `Bearer ${token}` }), SECRET)).toBeNull();
    expect(await sessionFromCookie(request("theme=dark", { authorization: `Bearer ${token}` }), SECRET)).toBeNull();
  });

  it("decides secure cookie names by AUTH_URL, or without it by the forwarded protocol", () => {
    expect(usesSecureCookies(new Headers({ "x-forwarded-proto": "http" }), "https://site.example")).toBe(true);
    expect(usesSecureCookies(new Headers({ "x-forwarded-proto": "https" }), "http://localhost:3000")).toBe(false);
    expect(usesSecureCookies(new Headers({ "x-forwarded-proto": "http" }), "")).toBe(false);
    expect(usesSecureCookies(new Headers(), "")).toBe(true);
  });
});
