import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { emailTokens, type EmailTokenPurpose } from "@/lib/db/schema";

// Links mailed to an address: confirm it, reset a password, or move an account to it. Each
// works once, for a short time, and only the newest of a kind works. The database keeps only a
// hash, so a copy of the table opens nothing.

/** How long each kind of link works, in minutes. */
export const TOKEN_MINUTES: Record<EmailTokenPurpose, number> = {
  verify_email: 24 * 60,
  reset_password: 30,
  change_email: 24 * 60,
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const newToken = () => randomBytes(32).toString("base64url");
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{40,60}$/;

/** Makes a link's token for `email`, and retires any earlier one of the same kind for the account. */
export async function issueEmailToken(db: Db, userId: string, purpose: EmailTokenPurpose, email: string): Promise<string> {
  const token = newToken();
  await db
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
  await db.insert(emailTokens).values({
    userId,
    purpose,
    email,
    tokenHash: hashToken(token),
    expiresAt: sql`now() + make_interval(mins => ${TOKEN_MINUTES[purpose]})`,
  });
  return token;
}

export type EmailToken = { id: string; userId: string; email: string };

const usable = (token: string, purpose: EmailTokenPurpose) =>
  and(eq(emailTokens.tokenHash, hashToken(token)), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, sql`now()`));

/** The link's details while it can still be used, without using it (for the page it opens). */
export async function peekEmailToken(db: Db, token: string, purpose: EmailTokenPurpose): Promise<EmailToken | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db.select({ id: emailTokens.id, userId: emailTokens.userId, email: emailTokens.email }).from(emailTokens).where(usable(token, purpose));
  return row ?? null;
}

/** Uses the link: exactly one caller gets its details, however many race. */
export async function useEmailToken(db: Db, token: string, purpose: EmailTokenPurpose): Promise<EmailToken | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(usable(token, purpose))
    .returning({ id: emailTokens.id, userId: emailTokens.userId, email: emailTokens.email });
  return row ?? null;
}

/** Removes links that were used or expired more than a day ago. Run by the scheduled clean-up. */
export async function pruneEmailTokens(db: Db): Promise<number> {
  const gone = await db
    .delete(emailTokens)
    .where(sql`coalesce(${emailTokens.usedAt}, ${emailTokens.expiresAt}) < now() - interval '1 day'`)
    .returning({ id: emailTokens.id });
  return gone.length;
}
