import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { replyTokens } from "@/lib/db/schema";
import { env } from "@/lib/env";

// The Reply-To address of an email about a post: a random token for that recipient and that
// post, stored only as its hash. lib/posts/reply-by-email.ts takes the replies that come back.

const TOKEN_DAYS = 90;

/** A reply address's token, as found in an address. */
export const REPLY_TOKEN = /reply\+([0-9a-f]{40})@/i;

/** How a token is stored. */
export const replyTokenHash = (token: string) => createHash("sha256").update(token.toLowerCase()).digest("hex");

/** A fresh reply address for one recipient on one post, or null when reply by email is not set up. */
export async function issueReplyAddress(db: Db, userId: string, postId: string): Promise<string | null> {
  const domain = env().REPLY_EMAIL_DOMAIN;
  if (!domain) return null;
  const token = randomBytes(20).toString("hex");
  await db.insert(replyTokens).values({ tokenHash: replyTokenHash(token), userId, postId, expiresAt: new Date(Date.now() + TOKEN_DAYS * 86_400_000) });
  return `reply+${token}@${domain}`;
}
