import { type SQL, sql } from "drizzle-orm";
import type { NotificationKind } from "@/lib/db/schema";
import {
  personManagesCommunity,
  personReadsComment,
  personReadsCommunity,
  personReadsPost,
  personSeesCommunity,
  type PersonColumns,
} from "@/lib/policy";
import type { EventType } from "./event-types";
import { isUuid } from "@/lib/validation";

// Who may hear of each event: candidates by the part they play (the post's author, the people
// mentioned, the followers, the facilitators…), each with the kind of notification they get
// and a priority, so that someone who is both mentioned and followed gets one notification.
// The policy's scopes for many people at once then keep only those who may read the subject.

/** A stored event, as the fan-out reads it. */
export type EventRow = {
  id: string;
  type: EventType;
  actorId: string | null;
  communityId: string | null;
  postId: string | null;
  commentId: string | null;
  subjectUserId: string | null;
  data: Record<string, unknown>;
  /** The last recipient a previous step reached, for a fan-out in several steps. */
  fanoutCursor?: string | null;
};

/** What a recipient must be able to see, for the event to reach them. */
type Access = "post" | "comment" | "reads" | "sees" | "manages";

/** Only well-formed ids: a mention written by hand (or a forged one) must not break the step for everyone. */
const uuidArray = (ids: unknown) => {
  const list = Array.isArray(ids) ? ids.filter((id): id is string => isUuid(id)) : [];
  return sql`${`{${list.join(",")}}`}::uuid[]`;
};

const candidate = (user: SQL, kind: NotificationKind, priority: number, from = sql``) =>
  sql`select ${user} as user_id, ${kind}::notification_kind as kind, ${priority} as priority ${from}`;

const facilitators = (e: EventRow, kind: NotificationKind) =>
  candidate(sql`m.user_id`, kind, 1, sql`from memberships m where m.community_id = ${e.communityId} and m.status = 'active' and m.role in ('owner', 'facilitator')`);
const mentioned = (e: EventRow) => candidate(sql`unnest(${uuidArray(e.data.mentions)})`, "mention", 1);
const attendees = (e: EventRow, kind: NotificationKind) => candidate(sql`unnest(${uuidArray(e.data.recipients)})`, kind, 1);
const subject = (e: EventRow, kind: NotificationKind) => candidate(sql`${e.subjectUserId}::uuid`, kind, 1);
const authorOfComment = (commentId: string | null | undefined, kind: NotificationKind, priority: number) =>
  candidate(sql`rc.author_id`, kind, priority, sql`from comments rc where rc.id = ${commentId ?? null} and rc.author_id is not null`);
const authorOfPost = (e: EventRow, kind: SQL, priority: number) =>
  sql`select rp.author_id as user_id, ${kind} as kind, ${priority} as priority from posts rp where rp.id = ${e.postId} and rp.author_id is not null`;

type Plan = { candidates: SQL[]; access: Access; grouped?: boolean };

function planFor(e: EventRow): Plan {
  const onReply = e.commentId ? "comment" : "post";
  switch (e.type) {
    case "post.published":
      return {
        access: "post",
        candidates: [mentioned(e), candidate(sql`cw.user_id`, "new_post", 5, sql`from community_watches cw where cw.community_id = ${e.communityId} and cw.level = 'watching'`)],
      };
    case "post.pending":
      return { access: "manages", candidates: [facilitators(e, "post_pending")] };
    case "comment.created":
      return {
        access: "comment",
        candidates: [
          mentioned(e),
          authorOfComment(e.data.replyToId as string | undefined, "reply_to_reply", 2),
          authorOfPost(e, sql`(case when rp.kind = 'question' then 'answer' else 'reply_to_post' end)::notification_kind`, 3),
          candidate(sql`pf.user_id`, "followed_reply", 5, sql`from post_follows pf where pf.post_id = ${e.postId} and pf.level = 'following'`),
        ],
      };
    case "mentioned":
      return { access: onReply, candidates: [mentioned(e)] };
    case "answer.accepted":
      return { access: "comment", candidates: [authorOfComment(e.commentId, "answer_accepted", 1)] };
    case "helpful":
      return {
        access: onReply,
        grouped: true,
        candidates: [e.commentId ? authorOfComment(e.commentId, "helpful", 1) : authorOfPost(e, sql`'helpful'::notification_kind`, 1)],
      };
    case "join.requested":
      return { access: "manages", candidates: [facilitators(e, "join_request")] };
    case "join.decided":
      return { access: "sees", candidates: [subject(e, "join_decided")] };
    case "invited":
      return { access: "sees", candidates: [subject(e, "invitation")] };
    case "role.changed":
      return { access: "reads", candidates: [subject(e, "role_changed")] };
    case "content.moderated":
      return { access: "reads", candidates: [subject(e, "moderation")] };
    case "reported":
      return { access: "manages", candidates: [facilitators(e, "report")] };
    case "event.changed":
      return { access: "post", candidates: [attendees(e, "event_changed")] };
    case "event.cancelled":
      return { access: "post", candidates: [attendees(e, "event_cancelled")] };
    case "event.place":
      return { access: "post", candidates: [attendees(e, "event_place")] };
    case "event.reminder":
      return { access: "post", candidates: [attendees(e, "event_reminder")] };
  }
}

/** The condition that the person may see what the event is about, from the policy. */
function mayHear(e: EventRow, access: Access, person: PersonColumns): SQL {
  switch (access) {
    case "post":
      return personReadsPost(person, e.postId!);
    case "comment":
      return personReadsComment(person, e.commentId!);
    case "reads":
      return personReadsCommunity(person, e.communityId!);
    case "sees":
      return personSeesCommunity(person, e.communityId!);
    case "manages":
      return personManagesCommunity(person, e.communityId!);
  }
}

/**
 * The event's recipients after `cursor` in user id order, at most `limit` of them before the
 * access check: rows of (user_id, kind), the actor left out, each person once at their most
 * specific kind. `last` is the highest user id looked at, the next cursor.
 */
export function recipientsQuery(e: EventRow, cursor: string | null, limit: number, person: PersonColumns) {
  const plan = planFor(e);
  const union = sql.join(plan.candidates, sql` union all `);
  const best = sql`select distinct on (c.user_id) c.user_id, c.kind from (${union}) c
    where c.user_id is not null ${cursor ? sql`and c.user_id > ${cursor}::uuid` : sql``}
    order by c.user_id, c.priority limit ${limit}`;
  return { best, mayHear: mayHear(e, plan.access, person), grouped: plan.grouped ?? false };
}
