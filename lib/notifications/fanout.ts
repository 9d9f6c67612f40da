import { type SQL, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { notificationKinds, type NotificationKind } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { type Batching, kinds } from "./kinds";
import { recipientsQuery, type EventRow } from "./recipients";

// Turns recorded events into notifications, and notifications into waiting emails. One event
// at a time, each in its own transaction holding the event's row (FOR UPDATE SKIP LOCKED, so
// overlapping runs take different events), and at most RECIPIENTS_PER_STEP people per
// transaction: a post watched by 5,000 people is several short steps, never one long one.

export const RECIPIENTS_PER_STEP = 500;

const person = { id: sql`u.id`, status: sql`u.status`, siteRole: sql`u.site_role`, emailVerified: sql`u.email_verified` };
const kindCase = (value: (kind: NotificationKind) => SQL, type: string) =>
  sql`(case b.kind ${sql.join(
    notificationKinds.map((k) => sql`when ${k}::notification_kind then ${value(k)}`),
    sql` `,
  )} end)::${sql.raw(type)}`;

/** How long an email waits for more of the same before it goes, in seconds: EMAIL_BATCH_SECONDS (two minutes unless set). */
const batchSeconds = (batching: Batching): number => (batching === "single" ? 0 : env().EMAIL_BATCH_SECONDS);

function batchKey(e: EventRow, kind: NotificationKind): string {
  const batching = kinds[kind].batching;
  if (batching === "post" && e.postId) return `post:${e.postId}`;
  if (batching === "community" && e.communityId) return `community:${e.communityId}`;
  return `note:${e.id}`;
}

/** Whether and how each recipient's notification is emailed: their choice for the kind, or its default. */
function emailState(): SQL {
  const delivery = sql`coalesce(ep.delivery, ${kindCase((k) => sql`${kinds[k].defaultDelivery}`, "email_delivery")})`;
  const emailable = kindCase((k) => sql`${kinds[k].emailable}`, "boolean");
  return sql`(case when not ${emailable} or cw.emails = false then 'none'
    when ${delivery} = 'immediately' then 'pending' when ${delivery} = 'digest' then 'digest' else 'none' end)::notification_email_state`;
}

const kindsWhere = (test: (kind: NotificationKind) => boolean) =>
  sql`(${sql.join(notificationKinds.filter(test).map((k) => sql`${k}`), sql`, `)})`;

/** Mutes: a muted community silences what is not addressed to the member; a muted post silences all but moderation and facilitators' tasks. */
function notMuted(e: EventRow): SQL {
  const community = sql`(b.kind in ${kindsWhere((k) => kinds[k].direct)} or cw.level is distinct from 'muted')`;
  if (!e.postId) return community;
  return sql`${community} and (b.kind in ${kindsWhere((k) => k === "moderation" || kinds[k].forFacilitators)}
    or not exists (select 1 from post_follows pm where pm.post_id = ${e.postId} and pm.user_id = b.user_id and pm.level = 'muted'))`;
}

/** One step of one event: up to `limit` recipients. Returns how many were looked at and the last, for the cursor. */
async function fanOutStep(tx: Db, e: EventRow, limit: number) {
  const { best, mayHear, grouped } = recipientsQuery(e, e.fanoutCursor ?? null, limit, person);
  const { mentions: _m, replyToId: _r, recipients: _p, ...data } = e.data;
  const groupKey = grouped ? `helpful:${e.postId}:${e.commentId ?? "post"}` : null;
  const conflict = grouped
    ? sql`on conflict (user_id, group_key) where read_at is null and group_key is not null do update set
        actor_id = excluded.actor_id, actor_ids = notifications.actor_ids || excluded.actor_ids,
        updated_at = now(), email_state = excluded.email_state
        where not (excluded.actor_id = any(notifications.actor_ids)) and cardinality(notifications.actor_ids) < 50`
    : sql`on conflict do nothing`;
  const [row] = await selectRows<{ scanned: number; last: string | null; made: number }>(
    tx,
    sql`with best as (${best}),
    ok as (
      select b.user_id, b.kind, ${emailState()} as email_state,
        ${kindCase((k) => sql`${batchKey(e, k)}`, "text")} as email_batch,
        ${kindCase((k) => sql`${batchSeconds(kinds[k].batching)}`, "int")} as wait
      from best b
      join users u on u.id = b.user_id
      left join email_preferences ep on ep.user_id = b.user_id and ep.kind = b.kind
      left join community_watches cw on cw.user_id = b.user_id and cw.community_id = ${e.communityId}
      where b.user_id is distinct from ${e.actorId}::uuid and ${mayHear} and ${notMuted(e)}
    ),
    made as (
      insert into notifications (user_id, kind, event_id, actor_id, actor_ids, community_id, post_id, comment_id, data, group_key, email_state, email_batch)
      select ok.user_id, ok.kind, ${grouped ? null : e.id}::uuid, ${e.actorId}::uuid,
        case when ${e.actorId}::uuid is null then '{}'::uuid[] else array[${e.actorId}::uuid] end,
        ${e.communityId}::uuid, ${e.postId}::uuid, ${e.commentId}::uuid, ${JSON.stringify(data)}::jsonb, ${groupKey}, ok.email_state,
        case when ok.email_state = 'pending' then ok.email_batch end
      from ok
      ${conflict}
      returning user_id, email_state, email_batch
    ),
    queued as (
      insert into email_outbox (user_id, batch_key, send_after)
      select distinct made.user_id, made.email_batch, now() + make_interval(secs => ok.wait)
      from made join ok on ok.user_id = made.user_id
      where made.email_state = 'pending'
      on conflict (user_id, batch_key) where status = 'pending' do nothing
      returning 1
    )
    select (select count(*)::int from best) as scanned, (select max(user_id::text) from best) as last,
      ((select count(*) from made) + 0 * (select count(*) from queued))::int as made`,
  );
  return { scanned: row?.scanned ?? 0, last: row?.last ?? null, made: row?.made ?? 0 };
}

/**
 * Fans out waiting events until none are left, `maxSteps` steps have run, or the deadline
 * passes. Each step commits on its own; a crash loses at most one step, which is redone.
 */
export async function fanOutEvents(options: { maxSteps?: number; deadline?: number; recipientsPerStep?: number } = {}) {
  const { maxSteps = 100, deadline = Infinity, recipientsPerStep = RECIPIENTS_PER_STEP } = options;
  const db = await getDb();
  let steps = 0;
  let notified = 0;
  // An event whose step fails is set aside for this run, so that one bad event never holds up the rest.
  const failed: string[] = [];
  while (steps < maxSteps && Date.now() < deadline) {
    let current: string | null = null;
    try {
      const done = await db.transaction(async (tx) => {
        const [e] = await selectRows<EventRow & { fanoutCursor: string | null }>(
          tx,
          sql`select id, type, actor_id as "actorId", community_id as "communityId", post_id as "postId", comment_id as "commentId",
              subject_user_id as "subjectUserId", data, fanout_cursor as "fanoutCursor"
            from notification_events where processed_at is null
              ${failed.length ? sql`and id <> all(${`{${failed.join(",")}}`}::uuid[])` : sql``}
            order by created_at limit 1 for update skip locked`,
        );
        if (!e) return null;
        current = e.id;
        const step = await fanOutStep(tx, e, recipientsPerStep);
        const finished = step.scanned < recipientsPerStep;
        await tx.execute(sql`update notification_events set attempts = attempts + 1,
          fanout_cursor = ${step.last}::uuid, processed_at = ${finished ? sql`now()` : sql`null`} where id = ${e.id}`);
        return step;
      });
      if (!done) break;
      steps += 1;
      notified += done.made;
    } catch (error) {
      if (!current) throw error;
      failed.push(current);
      await giveUpAfterRepeatedFailures(db, current, error);
    }
  }
  return { steps, notified };
}

/** Counts a failed attempt; after MAX_ATTEMPTS the event is closed, with its error logged once. */
const MAX_ATTEMPTS = 5;
async function giveUpAfterRepeatedFailures(db: Db, eventId: string, error: unknown) {
  const [row] = await selectRows<{ attempts: number }>(
    db,
    sql`update notification_events set attempts = attempts + 1,
      processed_at = case when attempts + 1 >= ${MAX_ATTEMPTS} then now() end
      where id = ${eventId} returning attempts`,
  );
  console.error(`Notification event ${eventId} failed (attempt ${row?.attempts ?? "?"} of ${MAX_ATTEMPTS}):`, error);
}
