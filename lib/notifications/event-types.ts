import type { MembershipRole } from "@/lib/db/schema";

// What happened, as the code that made it happen says it: the events that `notify` records.

type Base = { actorId: string | null; communityId: string };
type OnPost = Base & { postId: string };

export type NotificationEvent =
  /** A post anyone in the community can read: watchers and the people it mentions. */
  | (OnPost & { type: "post.published"; mentions?: string[] })
  /** A post held for approval: the community's facilitators. */
  | (OnPost & { type: "post.pending" })
  /** A reply: the post's author (an answer, for a question), the author of the reply it answers, mentions, followers. */
  | (OnPost & { type: "comment.created"; commentId: string; replyToId?: string | null; mentions?: string[] })
  /** People newly mentioned by an edit. */
  | (OnPost & { type: "mentioned"; commentId?: string | null; mentions: string[] })
  | (OnPost & { type: "answer.accepted"; commentId: string })
  /** A helpful mark on a post, or on one of its replies. */
  | (OnPost & { type: "helpful"; commentId?: string | null })
  | (Base & { type: "join.requested" })
  | (Base & { type: "join.decided"; subjectUserId: string; approved: boolean })
  | (Base & { type: "invited"; subjectUserId: string })
  | (Base & { type: "role.changed"; subjectUserId: string; role: MembershipRole })
  /** A facilitator hid, restored, deleted, edited, moved, approved or rejected someone's post or reply. */
  | (OnPost & {
      type: "content.moderated";
      commentId?: string | null;
      subjectUserId: string;
      action: ModerationAction;
      reason?: string | null;
      /** The post's title when it happened: a deleted post cannot be looked up. */
      title: string;
    })
  | (OnPost & { type: "reported"; commentId?: string | null })
  /** An event's attendees, as the event's own code chose them in the same transaction (see lib/events/tell.ts). */
  | (OnPost & { type: "event.changed"; recipients: string[]; changed: ("time" | "place")[] })
  | (OnPost & { type: "event.cancelled"; recipients: string[]; reason: string })
  | (OnPost & { type: "event.place"; recipients: string[] })
  | (OnPost & { type: "event.reminder"; recipients: string[] });

export type ModerationAction = "hide" | "restore" | "delete" | "edit" | "move" | "approve" | "reject";
export type EventType = NotificationEvent["type"];
