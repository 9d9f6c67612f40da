import type { Delivery, NotificationKind } from "@/lib/db/schema";

// Every kind of notification: what the settings page calls it, how it is emailed unless the
// member chooses otherwise, and how its emails gather. A new kind is a row here, a value in
// the schema's enum, and a sentence in describe.ts.

export type Batching =
  /** One email per post for what happens on it within a few minutes. */
  | "post"
  /** One email per community (facilitators' tasks) within a few minutes. */
  | "community"
  /** Its own email, at once. */
  | "single";

export type KindInfo = {
  /** For the settings page: "Email me about …". */
  label: string;
  /** Whether it may be emailed at all (an invitation is already emailed with its link). */
  emailable: boolean;
  defaultDelivery: Delivery;
  batching: Batching;
  /** Addressed to the member personally: it still comes when they mute the community. */
  direct: boolean;
  /** A facilitator's task: only whoever looks after the community at that moment hears of it, or sees it. */
  forFacilitators: boolean;
};

const kind = (label: string, defaultDelivery: Delivery, batching: Batching, extra: Partial<KindInfo> = {}): KindInfo => ({
  label,
  emailable: true,
  defaultDelivery,
  batching,
  direct: true,
  forFacilitators: false,
  ...extra,
});

export const kinds: Record<NotificationKind, KindInfo> = {
  reply_to_post: kind("Replies to your posts", "immediately", "post"),
  reply_to_reply: kind("Replies to your replies", "immediately", "post"),
  mention: kind("When someone mentions you", "immediately", "post"),
  answer: kind("Answers to your questions", "immediately", "post"),
  answer_accepted: kind("When your reply is chosen as the answer", "immediately", "post"),
  helpful: kind("When someone finds your post or reply helpful", "digest", "post"),
  join_decided: kind("Answers to your requests to join", "immediately", "single"),
  invitation: kind("Invitations to join a community", "never", "single", { emailable: false }),
  role_changed: kind("Changes to your role in a community", "immediately", "single"),
  moderation: kind("When a facilitator acts on your post or reply", "immediately", "single"),
  new_post: kind("New posts in communities you watch", "immediately", "post", { direct: false }),
  followed_reply: kind("Replies on posts you follow", "digest", "post", { direct: false }),
  join_request: kind("Requests to join communities you look after", "immediately", "community", { forFacilitators: true }),
  report: kind("Reports in communities you look after", "immediately", "community", { forFacilitators: true }),
  post_pending: kind("Posts waiting for your approval", "immediately", "community", { forFacilitators: true }),
  event_changed: kind("Changes to the time or place of events you are going to", "immediately", "single"),
  event_cancelled: kind("Events you are going to being cancelled", "immediately", "single"),
  event_place: kind("A place coming free for you at an event", "immediately", "single"),
  event_reminder: kind("Reminders the day before events you are going to", "immediately", "single"),
};

/** Kinds a member may choose how to receive by email, in the order the settings page lists them. */
export const emailableKinds = (Object.keys(kinds) as NotificationKind[]).filter((k) => kinds[k].emailable);

export const deliveryLabels: Record<Delivery, string> = {
  immediately: "Email me straight away",
  digest: "Put it in my digest",
  never: "Do not email me",
};
