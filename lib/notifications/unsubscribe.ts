import { createHmac, timingSafeEqual } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { digestSettings, notificationKinds, type NotificationKind } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { siteOrigin } from "@/lib/http/site-url";
import { personSeesCommunity } from "@/lib/policy";
import { kinds } from "./kinds";
import { isUuid } from "@/lib/validation";

// One-click unsubscribe (RFC 8058) without signing in: each email carries a link signed for
// its recipient and for what it stops (one kind, one community, or the digest). Nobody can
// make one for someone else, and it works for nothing but what it names.

export type UnsubscribeScope = { kind: NotificationKind } | { communityId: string } | { digest: true };


const scopeText = (scope: UnsubscribeScope) => ("kind" in scope ? `kind:${scope.kind}` : "communityId" in scope ? `community:${scope.communityId}` : "digest");

const mac = (payload: string) => createHmac("sha256", env().authSecret).update(`unsubscribe:${payload}`).digest("base64url").slice(0, 32);

export function unsubscribeToken(userId: string, scope: UnsubscribeScope): string {
  const payload = `${userId}.${scopeText(scope)}`;
  return `${Buffer.from(payload).toString("base64url")}.${mac(payload)}`;
}

/** The page that asks before unsubscribing, and the address mail clients post to in one click. */
export function unsubscribeLinks(userId: string, scope: UnsubscribeScope) {
  const token = unsubscribeToken(userId, scope);
  const origin = siteOrigin();
  return { page: `${origin}/unsubscribe/${token}`, oneClick: `${origin}/api/unsubscribe/${token}` };
}

/** Reads a token; a forged, altered or malformed one is a 404. */
export function readUnsubscribeToken(token: string): { userId: string; scope: UnsubscribeScope } {
  const [encoded, given] = token.split(".");
  if (!encoded || !given || token.length > 300) throw notFound("This unsubscribe link is not valid.");
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const expected = Buffer.from(mac(payload));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw notFound("This unsubscribe link is not valid.");
  const [userId, what, id] = payload.split(/[.:]/);
  if (!userId || !isUuid(userId)) throw notFound("This unsubscribe link is not valid.");
  if (what === "kind" && notificationKinds.includes(id as NotificationKind)) return { userId, scope: { kind: id as NotificationKind } };
  if (what === "community" && id && isUuid(id)) return { userId, scope: { communityId: id } };
  if (what === "digest") return { userId, scope: { digest: true } };
  throw notFound("This unsubscribe link is not valid.");
}

/** What the link stops, in words, naming a community only if its owner may still see it. */
export async function describeUnsubscribe(token: string): Promise<{ what: string }> {
  const { userId, scope } = readUnsubscribeToken(token);
  if ("kind" in scope) return { what: `emails about this: ${kinds[scope.kind].label.toLowerCase()}` };
  if ("digest" in scope) return { what: "your email digest" };
  const db = await getDb();
  const [row] = await selectRows<{ name: string }>(
    db,
    sql`select c.name from communities c join users u on u.id = ${userId}
      where c.id = ${scope.communityId} and ${personSeesCommunity({ id: sql`u.id`, status: sql`u.status`, siteRole: sql`u.site_role`, emailVerified: sql`u.email_verified` }, sql`c.id`)}`,
  );
  return { what: row ? `emails about ${row.name}` : "emails about this community" };
}

/** Stops what the token names, for its owner. Doing it twice changes nothing more. */
export async function unsubscribe(token: string): Promise<{ what: string }> {
  const { what } = await describeUnsubscribe(token);
  const { userId, scope } = readUnsubscribeToken(token);
  const db = await getDb();
  if ("kind" in scope) {
    await db.execute(sql`insert into email_preferences (user_id, kind, delivery) select id, ${scope.kind}, 'never' from users where id = ${userId}
      on conflict (user_id, kind) do update set delivery = 'never'`);
  } else if ("communityId" in scope) {
    await db.execute(sql`insert into community_watches (user_id, community_id, emails)
      select u.id, c.id, false from users u, communities c where u.id = ${userId} and c.id = ${scope.communityId}
      on conflict (user_id, community_id) do update set emails = false, updated_at = now()`);
  } else {
    await db.update(digestSettings).set({ frequency: "off", nextDigestAt: null }).where(eq(digestSettings.userId, userId));
  }
  return { what };
}
