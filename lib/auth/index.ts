import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import { attachInvitationsToUser } from "@/lib/communities/answer-invitations";
import { getDb } from "@/lib/db/client";
import { accounts, sessions, users, verificationTokens } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { verifyCredentials } from "@/lib/users/credentials";
import { authLogger } from "./logger";
import { allowSignIn, sendSignInLink } from "./sign-in-rules";

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

/** The client's address as the platform's proxy reports it: the first X-Forwarded-For entry. */
function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "unknown";
}

function config(): NextAuthConfig {
  const e = env();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      id: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: async (credentials, request) => {
        try {
          return await verifyCredentials(credentials, clientIp(request));
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
        sendVerificationRequest: ({ identifier, url }) => sendSignInLink(identifier, url),
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
    });
  }
  return {
    secret: e.authSecret,
    trustHost: true,
    adapter: lazyAdapter(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    logger: authLogger,
    providers,
    events: {
      // Accounts made by single sign-on or an emailed link pick up invitations sent earlier.
      createUser: async ({ user }) => {
        if (user.id && user.email) await attachInvitationsToUser(await getDb(), { id: user.id, email: user.email });
      },
    },
    callbacks: {
      signIn: ({ user, account }) => allowSignIn(user, account?.provider),
      jwt: ({ token, user }) => {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session: ({ session, token }) => {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());

/** The providers that are switched on, for the sign-in page. */
export function enabledSignInMethods() {
  const e = env();
  return {
    emailLink: Boolean(e.SMTP_URL) || !e.isProduction,
    oidc: e.oidcEnabled ? { id: "oidc", name: e.AUTH_OIDC_NAME } : null,
  };
}
