import { type CommunityTarget, isActive, managesCommunity, mine, notArchived, readsCommunity } from "./community-rules";
import { isLive, readsPost, type PostTarget } from "./post-rules";
import { must, rule } from "./rule";
import { isAdmin, wrote, type Viewer } from "./viewer-rules";

// Who may see and do what with a community's events. An event is carried by a post of kind
// `event`: whoever reads that post reads the event (hidden, pending and deleted posts, archived
// and closed communities all behave as for posts). Time matters too: nobody answers an event
// that is over or cancelled, so the target carries the moment the decision is made.

/** A community and its setting for who may arrange events, for `event.create`. */
export type EventCreateTarget = CommunityTarget & { allowMemberEvents: boolean };

/** An event with its post and community, as a decision needs it, decided at `now`. */
export type EventTarget = PostTarget & {
  event: { organiserId: string | null; startsAt: Date; endsAt: Date; cancelledAt: Date | null };
  now: Date;
};

/** One action from an event's notes. */
export type EventActionTarget = EventTarget & { action: { ownerId: string | null } };

const isMember = (_v: Viewer, t: CommunityTarget) => isActive(mine(t));
const isOrganiser = (v: Viewer, t: EventTarget) => wrote(v, t.event.organiserId);
const notCancelled = (_v: Viewer, t: EventTarget) => t.event.cancelledAt === null;
const notOver = (_v: Viewer, t: EventTarget) => t.now < t.event.endsAt;
const live = (_v: Viewer, t: EventTarget) => isLive(t.post);
const notLive = (_v: Viewer, t: EventTarget) =>
  t.post.status === "pending" ? "This event is waiting for a facilitator's approval." : "A facilitator has hidden this event.";

/** Reads the event and is a member of its community, or a site admin: sees where it is and who is going. SQL twin: `eventDetailsVisible`. */
export function seesEventDetails(v: Viewer, t: EventTarget): boolean {
  return readsPost(v, t) && (isAdmin(v) || isMember(v, t));
}

/** Runs the event: its organiser while still a member, the community's facilitators, and site admins. */
export function organisesEvent(v: Viewer, t: EventTarget): boolean {
  return readsPost(v, t) && (managesCommunity(v, t) || (isOrganiser(v, t) && isMember(v, t)));
}

const ARCHIVED = "This community is archived, so its events cannot change.";
const ORGANISERS = "Only the organiser and the facilitators can change this event.";
const CANCELLED = "This event has been cancelled.";

export const eventRules = {
  "event.create": rule<EventCreateTarget>(
    must(notArchived, "This community is archived, so it takes no new events."),
    must(readsCommunity, "Only members of this community can arrange events here."),
    must(
      (v, t) => managesCommunity(v, t) || (isMember(v, t) && t.allowMemberEvents),
      (v, t) => (isMember(v, t) ? "In this community, events are arranged by the facilitators." : "Only members of this community can arrange events here."),
    ),
  ),
  "event.read": rule<EventTarget>(must(readsPost, "We could not find that page.", 404)),
  /** The place, the joining link and who is going. */
  "event.seeDetails": rule<EventTarget>(
    must(readsPost, "We could not find that page.", 404),
    must(seesEventDetails, "The place, the joining link and who is going are shown to members of this community."),
  ),
  "event.rsvp": rule<EventTarget>(
    must(readsPost, "We could not find that page.", 404),
    must(notArchived, "This community is archived, so its events take no replies."),
    must(live, notLive),
    must(notCancelled, CANCELLED),
    must(notOver, "This event is over."),
    must(isMember, "Only members of this community can reply to its events."),
  ),
  "event.edit": rule<EventTarget>(
    must(organisesEvent, ORGANISERS),
    must(notArchived, ARCHIVED),
    must(notCancelled, `${CANCELLED} It cannot be changed.`),
    must(notOver, "This event is over, so its time and place cannot change."),
  ),
  "event.cancel": rule<EventTarget>(
    must(organisesEvent, "Only the organiser and the facilitators can cancel this event."),
    must(notArchived, ARCHIVED),
    must(notCancelled, "This event has already been cancelled."),
    must(notOver, "This event is over, so it cannot be cancelled."),
  ),
  /** The agenda before, and the notes and their actions after; at any time, until it is cancelled. */
  "event.write": rule<EventTarget>(must(organisesEvent, ORGANISERS), must(notArchived, ARCHIVED), must(notCancelled, CANCELLED)),
  /** Members' notes to the organisers, and earlier versions of the agenda and notes. */
  "event.organise": rule<EventTarget>(must(organisesEvent, "Only the organiser and the facilitators see this.")),
  "action.tick": rule<EventActionTarget>(
    must(readsPost, "We could not find that page.", 404),
    must(notArchived, ARCHIVED),
    must((v, t) => wrote(v, t.action.ownerId), "Only the person this action is for can tick it off."),
  ),
  "action.reassign": rule<EventActionTarget>(
    must(organisesEvent, "Only the organiser and the facilitators can give an action to someone else."),
    must(notArchived, ARCHIVED),
  ),
};
