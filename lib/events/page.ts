import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { eventRsvps, memberships, users, type RsvpResponse } from "@/lib/db/schema";
import { activeMembership, decide, type EventActionTarget, type Viewer } from "@/lib/policy";
import { getPostPage, PostElsewhere } from "@/lib/posts/thread";
import { readerTimeZone } from "@/lib/users/profile";
import { listEventActions } from "./action-items";
import { eventPath, loadAuthorizedEvent } from "./load";
import { listAttendees } from "./rsvp";
import { eventTimes, wallClock } from "./time";
import { nameLineColumns } from "@/lib/people/columns";

// Everything the event page shows, limited to what this viewer may see: the place and the
// joining link only for members, the notes to the organisers only for them.

const eventActions = {
  seeDetails: "event.seeDetails",
  rsvp: "event.rsvp",
  edit: "event.edit",
  cancel: "event.cancel",
  write: "event.write",
  organise: "event.organise",
} as const;

export type EventState = "upcoming" | "happening" | "over" | "cancelled";

export function eventState(event: { startsAt: Date; endsAt: Date; cancelledAt: Date | null }, now = new Date()): EventState {
  if (event.cancelledAt) return "cancelled";
  if (now >= event.endsAt) return "over";
  return now >= event.startsAt ? "happening" : "upcoming";
}

/** The event page: the event, the viewer's answer, who is going, agenda, notes, actions and the discussion. */
export async function getEventPage(viewer: Viewer, slug: string, eventId: string, query: unknown) {
  const db = await getDb();
  const { event, post, community, target } = await loadAuthorizedEvent(db, viewer, eventId, "event.read");
  if (community.slug !== slug) throw new PostElsewhere(eventPath(community.slug, event.id));
  const { allowed, refusals } = decide(viewer, target, eventActions);
  const [zone, [mine], attendees, actions, organiser, members, thread] = await Promise.all([
    readerTimeZone(viewer, db),
    db
      .select({ response: eventRsvps.response, note: eventRsvps.note, promotedAt: eventRsvps.promotedAt, respondedAt: eventRsvps.respondedAt, queuePosition: eventRsvps.queuePosition })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.userId, viewer.id))),
    allowed.seeDetails ? listAttendees(db, event.id, { withNotes: allowed.organise }) : Promise.resolve([]),
    listEventActions(db, event.id),
    event.organiserId ? db.select(nameLineColumns(viewer)).from(users).where(eq(users.id, event.organiserId)) : Promise.resolve([]),
    // Whom an action may be given to: the community's members.
    allowed.write || allowed.organise
      ? db
          .select({ id: users.id, name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(activeMembership({ communityId: community.id }))
          .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
          .limit(1000)
      : Promise.resolve([]),
    getPostPage(viewer, slug, event.id, query, { forEvent: true, page: true }),
  ]);
  const actionAllowed = (ownerId: string | null) => {
    const actionTarget: EventActionTarget = { ...target, action: { ownerId } };
    return decide(viewer, actionTarget, { tick: "action.tick", reassign: "action.reassign" }).allowed;
  };
  return {
    community: { id: community.id, slug: community.slug, name: community.name },
    event: {
      id: event.id,
      title: post.title,
      descriptionHtml: post.bodyHtml,
      format: event.format,
      // Only for members: everyone else gets nothing, not even an empty field to wonder about.
      ...(allowed.seeDetails ? { place: event.place, joiningUrl: event.joiningUrl } : {}),
      times: eventTimes(event, zone),
      state: eventState(event),
      capacity: event.capacity,
      goingCount: event.goingCount,
      waitingCount: event.waitingCount,
      maybeCount: event.maybeCount,
      cancelledReason: event.cancelledAt ? event.cancelledReason : null,
      detailsChangedAt: event.detailsChangedAt,
      agendaHtml: event.agendaHtml,
      notesHtml: event.notesHtml,
      pending: post.status === "pending",
      hidden: post.hiddenAt !== null,
      organiser: organiser[0] ?? null,
      /** As the edit form takes them, on the event's own clock. */
      form: {
        start: wallClock(event.startsAt, event.timeZone),
        end: wallClock(event.endsAt, event.timeZone),
        timeZone: event.timeZone,
      },
    },
    myAnswer: mine
      ? {
          response: mine.response as RsvpResponse,
          note: mine.note,
          promoted: mine.promotedAt !== null,
          changedSinceAnswered: event.detailsChangedAt !== null && event.detailsChangedAt > mine.respondedAt,
          // Waiting lists are served in arrival order: how many are ahead.
          waitingAhead: mine.response === "waiting" ? attendees.filter((a) => a.response === "waiting" && a.queuePosition < mine.queuePosition).length : 0,
        }
      : null,
    attendees: attendees.map(({ queuePosition: _q, ...a }) => a),
    actions: actions.map((a) => ({ ...a, allowed: actionAllowed(a.ownerId), mine: a.ownerId === viewer.id })),
    members,
    thread,
    allowed,
    refusals,
  };
}
