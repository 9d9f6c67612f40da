import { hkdf } from "@panva/hkdf";
import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";
import { getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";

// Reading the Auth.js session cookie on every request. Auth.js's own session action (auth())
// derives the key from the secret again on each call, runs the callbacks and encrypts a fresh
// token that a server component cannot set anyway. Here the cookie is only decrypted, with
// the key derived once per secret and cookie name, in exactly the way @auth/core/jwt derives
// it (a test checks the two agree), and a token already opened is remembered until it expires,
// so a browser's next request decrypts nothing. Auth.js keeps signing in and out and issuing
// the cookie; whether the session is still open is the database's answer on every request.

/** The session a request's cookie names, before the database confirms it is still open. */
export type CookieSession = { userId: string; sessionId: string | undefined };

/** The clock tolerance, in seconds, that Auth.js allows a token's expiry. */
const CLOCK_TOLERANCE = 15;

type DerivedKey = { key: Uint8Array; kid: string };

/** One key per content encryption, secret and salt (the cookie's name): a handful in all. */
const derivedKeys = new Map<string, Promise<DerivedKey>>();
const MAX_KEYS = 32;

const KEY_LENGTH: Record<string, number> = { "A256CBC-HS512": 64, A256GCM: 32 };

function derivedKey(enc: string, secret: string, salt: string): Promise<DerivedKey> {
  const length = KEY_LENGTH[enc];
  if (!length) return Promise.reject(new Error("Unsupported JWT content encryption"));
  const id = JSON.stringify([enc, salt, secret]);
  let found = derivedKeys.get(id);
  if (!found) {
    found = (async () => {
      const key = await hkdf("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length);
      const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, `sha${key.byteLength << 3}` as "sha256");
      return { key, kid };
    })();
    if (derivedKeys.size >= MAX_KEYS) derivedKeys.clear();
    derivedKeys.set(id, found);
  }
  return found;
}

/**
 * Decodes a token Auth.js issued, as @auth/core/jwt's decode does (the same algorithms, clock
 * tolerance and choice among rotated secrets by the token's key id), with cached keys.
 */
export async function decodeSessionToken({ token, secret, salt }: JWTDecodeParams) {
  if (!token) return null;
  const secrets = Array.isArray(secret) ? secret : [secret];
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      for (const each of secrets) {
        const derived = await derivedKey(enc, each, salt);
        if (kid === undefined || kid === derived.kid) return derived.key;
      }
      throw new Error("no matching decryption secret");
    },
    { clockTolerance: CLOCK_TOLERANCE, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"] },
  );
  return payload;
}

/** Tokens this process has opened, with their contents: bounded, oldest forgotten first. */
const opened = new Map<string, JWT>();
const MAX_OPENED = 1000;

/** decodeSessionToken, remembering what each token held: the exact token string, under the same secrets and name. */
async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  const secrets = Array.isArray(params.secret) ? params.secret : [params.secret];
  const id = `${params.salt}\n${secrets.join("\n")}\n${params.token}`;
  const known = opened.get(id);
  if (known) {
    if (typeof known.exp === "number" && known.exp > Date.now() / 1000 - CLOCK_TOLERANCE) return known;
    opened.delete(id);
    return null;
  }
  const payload = await decodeSessionToken(params);
  if (payload && typeof payload.exp === "number") {
    if (opened.size >= MAX_OPENED) opened.delete(opened.keys().next().value!);
    opened.set(id, payload);
  }
  return payload;
}

/**
 * Whether Auth.js names its cookies for HTTPS (`__Secure-` prefix): by the site's address in
 * AUTH_URL, or without one by the request's forwarded protocol, as Auth.js decides it.
 */
export function usesSecureCookies(headers: Headers, authUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL): boolean {
  if (authUrl) return new URL(authUrl).protocol === "https:";
  return (headers.get("x-forwarded-proto") ?? "https").replace(/:$/, "") === "https";
}

/**
 * The session a request's cookie holds, or null when there is none, or it is tampered with,
 * expired, or sealed with a secret no longer configured. Only the cookie is read: never a
 * bearer token.
 */
export async function sessionFromCookie(headers: Headers, secret: string | string[]): Promise<CookieSession | null> {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const token = await getToken({
    req: { headers: { cookie } },
    secret,
    secureCookie: usesSecureCookies(headers),
    decode: decodeRemembered,
    logger: { debug: () => undefined, error: () => undefined, warn: () => undefined },
  });
  if (!token || typeof token.sub !== "string") return null;
  return { userId: token.sub, sessionId: typeof token.sid === "string" ? token.sid : undefined };
}
