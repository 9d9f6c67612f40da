import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { makeUser } from "@/test/support/factories";
import { cleanUp } from "./cleanup";
import { isScheduledCall } from "@/lib/http/cron-auth";

async function count(table: string) {
  const [row] = await selectRows<{ n: number }>(await getDb(), sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return row?.n;
}

describe("scheduled clean-up", () => {
  it("removes only what is spent, and says how much went", async () => {
    const db = await getDb();
    const user = await makeUser({ name: "Draft Keeper" });
    await db.execute(sql`insert into rate_limit_gates (key, next_allowed_at) values
      ('old-gate', now() - interval '2 hours'), ('live-gate', now() + interval '10 seconds')`);
    await db.execute(sql`insert into rate_limit_counters (key, window_start, hits) values
      ('old-count', now() - interval '3 days', 4), ('live-count', now(), 1)`);
    await db.execute(sql`insert into auth_verification_tokens (identifier, token, expires) values
      ('a@example.gov.uk', 'spent', now() - interval '1 minute'), ('b@example.gov.uk', 'live', now() + interval '1 day')`);
    await db.execute(sql`insert into drafts (user_id, key, updated_at) values
      (${user.id}, 'post:old', now() - interval '91 days'), (${user.id}, 'post:recent', now() - interval '89 days')`);

    await db.execute(sql`insert into notification_events (type, processed_at, created_at) values
      ('join.requested', now() - interval '31 days', now() - interval '31 days'), ('join.requested', now() - interval '29 days', now() - interval '29 days'),
      ('join.requested', null, now() - interval '40 days')`);
    await db.execute(sql`insert into email_outbox (user_id, batch_key, status, created_at) values
      (${user.id}, 'note:old', 'sent', now() - interval '31 days'), (${user.id}, 'note:waiting', 'pending', now() - interval '40 days')`);
    await db.execute(sql`insert into notifications (user_id, kind, read_at) values
      (${user.id}, 'moderation', now() - interval '13 months'), (${user.id}, 'moderation', now() - interval '11 months'), (${user.id}, 'moderation', null)`);
    const spent = { events: 1, emails: 1, replyAddresses: 0, notifications: 1 };

    const nothingElse = { deletedAccounts: 0, unconfirmedAccounts: 0, sessions: 0, emailLinks: 0 };
    expect(await cleanUp()).toEqual({ ok: true, removed: { ...nothingElse, rateLimitRows: 2, signInTokens: 1, drafts: 1, notifications: spent } });

    const keys = await selectRows<{ key: string }>(db, sql`
      select key from rate_limit_gates union all select key from rate_limit_counters
      union all select token from auth_verification_tokens union all select key from drafts order by 1`);
    expect(keys.map((k) => k.key)).toEqual(["live", "live-count", "live-gate", "post:recent"]);
    const none = { events: 0, emails: 0, replyAddresses: 0, notifications: 0 };
    expect(await cleanUp()).toEqual({ ok: true, removed: { ...nothingElse, rateLimitRows: 0, signInTokens: 0, drafts: 0, notifications: none } });
    // Work still to do, and recent or unread notifications, stay.
    expect([await count("notification_events"), await count("email_outbox"), await count("notifications")]).toEqual([2, 1, 2]);
    expect(await count("drafts")).toBe(1);
  });
});

describe("the scheduler's secret", () => {
  const call = (authorization?: string) =>
    new Request("http://localhost/api/cron/cleanup", { headers: authorization ? { authorization } : {} });

  it.each([
    ["the right bearer secret", "Bearer s3cret-value", "s3cret-value", true],
    ["no header", undefined, "s3cret-value", false],
    ["a wrong secret of the same length", "Bearer s3cret-valuX", "s3cret-value", false],
    ["a prefix of the secret", "Bearer s3cret", "s3cret-value", false],
    ["the secret without Bearer", "s3cret-value", "s3cret-value", false],
    ["any header when no secret is configured", "Bearer ", undefined, false],
    ["an empty header when no secret is configured", undefined, undefined, false],
  ])("%s", (_, header, secret, allowed) => {
    expect(isScheduledCall(call(header), secret)).toBe(allowed);
  });
});
