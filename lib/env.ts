import { z } from "zod";

const DEV_AUTH_SECRET = "development-only-secret-not-for-production-use";
/** Where links in email point in development when AUTH_URL is not set. */
const DEV_SITE_URL = "http://localhost:3000";

/** An optional variable: unset and blank both mean "not set". */
function optional<T extends z.ZodType>(inner: T) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    inner.optional(),
  );
}
const optionalString = optional(z.string().trim());

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: optional(
      z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://"),
    ),
    DATABASE_DRIVER: optional(z.enum(["pglite", "pg", "neon"])),
    DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"]).default("on"),
    PGLITE_DIR: z.string().default(".data/pglite"),
    /** A dumped embedded database that a new one starts as a copy of (the test suite's migrated template). */
    PGLITE_TEMPLATE: optionalString,
    NEON_WS_PROXY: optionalString,
    AUTH_SECRET: optionalString,
    AUTH_URL: optional(z.url()),
    SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")),
    MAIL_FROM: z.string().default("Roundtable <no-reply@roundtable.localhost>"),
    ALLOWED_EMAIL_DOMAINS: optionalString,
    AUTH_OIDC_ISSUER: optional(z.url()),
    AUTH_OIDC_ID: optionalString,
    AUTH_OIDC_SECRET: optionalString,
    AUTH_OIDC_NAME: z.string().default("your organisation"),
    CRON_SECRET: optionalString,
    /** The domain whose reply+<token>@ addresses reach the inbound-mail route. Without it, emails offer no reply by email. */
    REPLY_EMAIL_DOMAIN: optional(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$|^localhost$/, "must be a domain name, like reply.example.gov.uk")),
    /** The secret the inbound-mail service sends with each message. Without it, the route is a 404. */
    INBOUND_EMAIL_SECRET: optionalString,
    /** Where file bytes are kept: in Postgres (the default, no other service) or S3-compatible storage. */
    FILE_STORAGE: optional(z.enum(["postgres", "s3"])),
    S3_BUCKET: optionalString,
    S3_REGION: z.string().default("auto"),
    S3_ENDPOINT: optional(z.url()),
    S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false"),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    /** The largest file a member may upload, in megabytes. */
    FILE_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
    /** "off" only for automated end-to-end tests, which act faster than any person. */
    RATE_LIMITS: z.enum(["on", "off"]).default("on"),
    /** How many proxies in front of the app append to X-Forwarded-For; 0 when nothing is. */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** How long an email about a post or a community waits for more of the same before it goes, in seconds. */
    EMAIL_BATCH_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    /** Days between asking to delete an account and its deletion; signing in meanwhile cancels it. */
    ACCOUNT_DELETION_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(14),
    /** Who runs this site and answers for members' data, for the privacy notice. */
    PRIVACY_CONTROLLER: optionalString,
    /** Where to ask about personal data: an email address or a web address. */
    PRIVACY_CONTACT: optionalString,
    /** "on" keeps mail in a table shown at /dev/outbox: development on the embedded database only. */
    DEV_OUTBOX: z.enum(["on", "off"]).default("off"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && (!env.AUTH_SECRET || env.AUTH_SECRET.length < 32)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "must be set to at least 32 random characters in production",
      });
    }
    if ((env.FILE_STORAGE === "s3" || (!env.FILE_STORAGE && env.S3_BUCKET)) && !env.S3_BUCKET) {
      ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "must be set when FILE_STORAGE is s3" });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({ code: "custom", path: [env.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID"], message: "is needed too: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together" });
    }
    if (env.NODE_ENV === "production" && !env.AUTH_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_URL"],
        message: "must be set in production to the site's public address, such as https://roundtable.example.gov.uk: links in email are built from it",
      });
    }
    const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_ID, env.AUTH_OIDC_SECRET].filter(Boolean);
    if (oidc.length > 0 && oidc.length < 3) {
      ctx.addIssue({
        code: "custom",
        path: [env.AUTH_OIDC_ISSUER ? (env.AUTH_OIDC_ID ? "AUTH_OIDC_SECRET" : "AUTH_OIDC_ID") : "AUTH_OIDC_ISSUER"],
        message: "is needed too: set AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET together",
      });
    }
  });

export type Env = z.infer<typeof schema> & {
  authSecret: string;
  /** The site's public origin, for every link in every email: AUTH_URL, never a request's Host. */
  siteUrl: string;
  allowedEmailDomains: string[];
  oidcEnabled: boolean;
  isProduction: boolean;
  fileStorage: "postgres" | "s3";
};

export class EnvError extends Error {}

/** Parses the environment. Throws an EnvError whose message is one line naming the variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = issue.path.join(".") || "environment";
    throw new EnvError(`Invalid environment: ${name} ${issue.message}`);
  }
  const env = result.data;
  return {
    ...env,
    authSecret: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    siteUrl: new URL(env.AUTH_URL ?? DEV_SITE_URL).origin,
    allowedEmailDomains: (env.ALLOWED_EMAIL_DOMAINS ?? "")
      .split(",")
      .map((domain) => domain.trim().toLowerCase().replace(/^@/, ""))
      .filter(Boolean),
    oidcEnabled: Boolean(env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET),
    isProduction: env.NODE_ENV === "production",
    fileStorage: env.FILE_STORAGE ?? (env.S3_BUCKET ? "s3" : "postgres"),
  };
}

let cached: Env | undefined;

/** The validated environment, parsed once per process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
