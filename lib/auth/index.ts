import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import { headers } from "next/headers";
import type { Adapter } from "next-auth/adapters";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import { getDb } from "@/lib/db/client";
import { accounts, sessions, users, verificationTokens } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { clientAddress, rateLimitNetwork, requestClient } from "@/lib/http/client-address";
import { safeReturnPath } from "@/lib/http/return-path";
import { verifyCredentials } from "@/lib/users/credentials";
import { authLogger } from "./logger";
import { endSession, startSession } from "@/lib/users/sessions";
import { afterSignIn, allowSignIn, sendSignInLink } from "./sign-in-rules";
import { decodeSessionToken, sessionFromCookie, type CookieSession } from "./session-cookie";

declare module "next-auth" {
  interface Session {
    /** The `user_sessions` row this browser is signed in with. */
    sessionId?: string;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

/** The adapter's methods, each opening the database on first use rather than at import. */
function lazyAdapter(): Adapter {
  let adapter: Promise<Adapter> | undefined;
  const real = () =>
    (adapter ??= getDb().then((db) =>
      DrizzleAdapter(db, {
        usersTable: users as never,
        accountsTable: accounts as never,
        sessionsTable: sessions as never,
        verificationTokensTable: verificationTokens as never,
      }),
    ));
  const methods = [
    "createUser",
    "getUser",
    "getUserByEmail",
    "getUserByAccount",
    "updateUser",
    "deleteUser",
    "linkAccount",
    "unlinkAccount",
    "createSession",
    "getSessionAndUser",
    "updateSession",
    "deleteSession",
    "createVerificationToken",
    "useVerificationToken",
  ] as const;
  return Object.fromEntries(
    methods.map((name) => [
      name,
      async (...args: unknown[]) =>
        ((await real())[name] as (...a: unknown[]) => unknown)(...args),
    ]),
  ) as Adapter;
}

/** Signals a rate-limited sign-in to the sign-in form, with the wait in its message. */
export class TooManySignIns extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly wait: string) {
    super(wait);
  }
}

/** Where Auth.js may send a browser after signing in or out: a path on this site, on its public address. */
function sameSiteRedirect(url: string, baseUrl: string): string {
  const site = env().siteUrl;
  if (url.startsWith(site) || url.startsWith(baseUrl)) {
    const { pathname, search, hash } = new URL(url);
    return `${site}${safeReturnPath(`${pathname}${search}${hash}`)}`;
  }
  return `${site}${safeReturnPath(url)}`;
}

function config(): NextAuthConfig {
  const e = env();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      id: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: async (credentials, request) => {
        try {
          return await verifyCredentials(credentials, rateLimitNetwork(clientAddress(request.headers)));
        } catch (error) {
          if (isAppError(error) && error.status === 429) throw new TooManySignIns(error.message);
          throw error;
        }
      },
    }),
  ];
  if (e.SMTP_URL || !e.isProduction) {
    providers.push(
      Nodemailer({
        id: "email",
        server: e.SMTP_URL ?? "smtp://localhost:25",
        from: e.MAIL_FROM,
        maxAge: 15 * 60,
        sendVerificationRequest: ({ identifier, url, request }) => sendSignInLink(identifier, url, request),
      }),
    );
  }
  if (e.oidcEnabled) {
    providers.push({
      id: "oidc",
      name: e.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_ID,
      clientSecret: e.AUTH_OIDC_SECRET,
      // Linking to an existing account by address is decided in allowSignIn: only when the
      // provider vouches for the address (email_verified), never on the address alone.
      allowDangerousEmailAccountLinking: true,
    });
  }
  return {
    secret: e.authSecret,
    trustHost: true,
    adapter: lazyAdapter(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    // The same decoding (keys derived once) as readSession below; Auth.js's own encoding.
    jwt: { decode: decodeSessionToken },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    logger: authLogger,
    providers,
    events: {
      signIn: afterSignIn,
      // Signing out ends the session itself, not just the cookie.
      signOut: async (message) => {
        if ("token" in message) await endSession(message.token?.sid);
      },
    },
    callbacks: {
      signIn: allowSignIn,
      redirect: ({ url, baseUrl }) => sameSiteRedirect(url, baseUrl),
      jwt: async ({ token, user }) => {
        if (user?.id) {
          token.sub = user.id;
          token.sid = await startSession(user.id, await requestClient());
        }
        return token;
      },
      session: ({ session, token }) => {
        if (token.sub) session.user.id = token.sub;
        session.sessionId = token.sid;
        return session;
      },
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth(() => config());

/**
 * The session this request's cookie names (its account and session row), or null. Reads the
 * cookie only; the caller confirms with the database that the session is still open.
 */
export async function readSession(): Promise<CookieSession | null> {
  return sessionFromCookie(await headers(), env().authSecret);
}

/** The providers that are switched on, for the sign-in page. */
export function enabledSignInMethods() {
  const e = env();
  return {
    emailLink: Boolean(e.SMTP_URL) || !e.isProduction,
    oidc: e.oidcEnabled ? { id: "oidc", name: e.AUTH_OIDC_NAME } : null,
  };
}
