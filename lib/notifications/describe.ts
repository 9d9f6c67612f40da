import type { NotificationKind } from "@/lib/db/schema";
import { kinds } from "./kinds";
import { replyLink } from "@/lib/posts/reply-link";

// What a notification says, in plain words, to someone who may still see its subject; and what
// it says to someone who no longer may: no title, no community name, no link. The page, the
// email and the digest all use these.

/** A notification row with what the reader may see of its subject, worked out by the policy's scopes. */
export type SeenRow = {
  id: string;
  kind: NotificationKind;
  readAt: Date | null;
  updatedAt: Date;
  actorName: string | null;
  actorCount: number;
  data: Record<string, unknown>;
  postId: string | null;
  commentId: string | null;
  postTitle: string | null;
  postKind: string | null;
  communityName: string | null;
  communitySlug: string | null;
  /** The reader may read the post (and the reply), see the community, read it, or look after it. */
  postOk: boolean;
  commentOk: boolean;
  communitySeen: boolean;
  communityRead: boolean;
  manages: boolean;
};

export type Described = {
  id: string;
  kind: NotificationKind;
  unread: boolean;
  at: Date;
  /** The sentence before the title, such as "Ann Smith replied to your post". */
  lead: string;
  /** The post's title, only when the reader may see it. */
  title: string | null;
  /** A line of detail: a facilitator's reason. */
  detail: string | null;
  /** Where it leads, inside the site; null when the reader may no longer see its subject. */
  path: string | null;
  /** Which post it is about, when the reader may see it: for threading emails. */
  postId: string | null;
};

const roleWords: Record<string, string> = { owner: "an owner", facilitator: "a facilitator", member: "a member" };
const moderationWords: Record<string, string> = {
  hide: "hid",
  restore: "restored",
  delete: "deleted",
  edit: "edited",
  move: "moved",
  approve: "approved",
  reject: "did not approve",
};

/** May the reader see what this notification is about, now? */
function mayStillSee(row: SeenRow): boolean {
  const info = kinds[row.kind];
  if (info.forFacilitators) return row.manages && (!row.postId || row.postOk);
  switch (row.kind) {
    case "moderation":
    case "role_changed":
      return row.communityRead;
    case "join_decided":
    case "invitation":
      return row.communitySeen;
    default:
      return row.postOk && (!row.commentId || row.commentOk);
  }
}

function who(row: SeenRow): string {
  const name = row.actorName || "A former member";
  const others = row.actorCount - 1;
  if (others <= 0) return name;
  return `${name} and ${others === 1 ? "1 other" : `${others} others`}`;
}

function leadFor(row: SeenRow): string {
  const actor = who(row);
  const community = row.communityName ?? "a community";
  const what = row.commentId ? "reply" : "post";
  const d = row.data;
  switch (row.kind) {
    case "reply_to_post":
      return `${actor} replied to your post`;
    case "reply_to_reply":
      return `${actor} replied to your reply on`;
    case "mention":
      return `${actor} mentioned you in`;
    case "answer":
      return `${actor} answered your question`;
    case "answer_accepted":
      return `${actor} chose your reply as the answer to`;
    case "helpful":
      return `${actor} found your ${what} helpful:`;
    case "join_decided":
      return d.approved ? `Your request to join ${community} was approved` : `Your request to join ${community} was not approved`;
    case "invitation":
      return `${actor} invited you to join ${community}`;
    case "role_changed":
      return `${actor} made you ${roleWords[String(d.role)] ?? "a member"} of ${community}`;
    case "moderation":
      return `A facilitator ${moderationWords[String(d.action)] ?? "changed"} your ${what} in ${community}:`;
    case "new_post":
      return `${actor} started a new post in ${community}:`;
    case "followed_reply":
      return `${actor} replied to a post you follow:`;
    case "join_request":
      return `${actor} asked to join ${community}`;
    case "report":
      return `A member reported a ${what} in ${community}:`;
    case "post_pending":
      return `${actor}'s post in ${community} is waiting for your approval:`;
    case "event_changed":
      return `The ${(d.changed as string[] | undefined)?.join(" and ") ?? "details"} changed for an event you answered:`;
    case "event_cancelled":
      return `An event you answered has been cancelled:`;
    case "event_place":
      return `A place came free and it is yours:`;
    case "event_reminder":
      return `Tomorrow:`;
  }
}

function pathFor(row: SeenRow): string {
  const community = `/c/${row.communitySlug}`;
  switch (row.kind) {
    case "join_request":
    case "join_decided":
    case "invitation":
    case "role_changed":
      return community;
    case "report":
    case "post_pending":
      return `${community}/moderation`;
    case "event_changed":
    case "event_cancelled":
    case "event_place":
    case "event_reminder":
      return `${community}/events/${row.postId}`;
    case "moderation":
      return row.postOk ? (row.commentId && row.commentOk ? replyLink(`${community}/posts/${row.postId}`, row.commentId) : `${community}/posts/${row.postId}`) : community;
    default:
      return row.commentId ? replyLink(`${community}/posts/${row.postId}`, row.commentId) : `${community}/posts/${row.postId}`;
  }
}

/** What the reader is told when they may no longer see the subject. */
function redacted(row: SeenRow): string {
  if (row.postId) return row.commentId ? "A reply you can no longer see" : "A post you can no longer see";
  return "Something in a community you can no longer see";
}

export function describe(row: SeenRow): Described {
  const base = { id: row.id, kind: row.kind, unread: row.readAt === null, at: row.updatedAt };
  if (!mayStillSee(row)) return { ...base, lead: redacted(row), title: null, detail: null, path: null, postId: null };
  const title = row.kind === "moderation" ? String(row.data.title ?? row.postTitle ?? "") || null : row.postId ? row.postTitle : null;
  const reason = typeof row.data.reason === "string" && row.data.reason ? `Reason: ${row.data.reason}` : null;
  return { ...base, lead: leadFor(row), title, detail: reason, path: pathFor(row), postId: row.postOk ? row.postId : null };
}

/** The whole sentence, for email subjects and plain text. */
export function sentence(d: Described): string {
  return d.title ? `${d.lead.replace(/:$/, "")} “${d.title}”` : d.lead.replace(/:$/, "");
}
