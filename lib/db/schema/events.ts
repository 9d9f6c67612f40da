import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { posts } from "./posts";
import { users } from "./users";

export const eventFormats = ["in_person", "online", "hybrid"] as const;
export const eventFormatEnum = pgEnum("event_format", eventFormats);
/** A member's answer. `waiting` asked for a place when none was left. */
export const rsvpResponses = ["going", "waiting", "maybe", "not_going"] as const;
export const rsvpResponseEnum = pgEnum("rsvp_response", rsvpResponses);
export const eventDocuments = ["agenda", "notes"] as const;
export const eventDocumentEnum = pgEnum("event_document", eventDocuments);

export const DEFAULT_TIME_ZONE = "Europe/London";

const timestamptz = (name: string) => timestamp(name, { mode: "date", withTimezone: true });

/**
 * A community's meeting. It shares its id with the post that carries its title, description
 * and discussion (a post of kind `event`), so replies, mentions and helpful marks are the
 * posts' own, and whoever may read that post may read the event.
 */
export const events = pgTable(
  "events",
  {
    id: uuid("id")
      .primaryKey()
      .references(() => posts.id, { onDelete: "cascade" }),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    organiserId: uuid("organiser_id").references(() => users.id, { onDelete: "set null" }),
    format: eventFormatEnum("format").notNull().default("in_person"),
    /** Shown only to members who read the community, never in search, feeds for others or previews. */
    place: text("place").notNull().default(""),
    joiningUrl: text("joining_url").notNull().default(""),
    startsAt: timestamptz("starts_at").notNull(),
    endsAt: timestamptz("ends_at").notNull(),
    /** The IANA zone the organiser set the times in: the .ics carries it, and pages name it when it differs from the reader's. */
    timeZone: text("time_zone").notNull().default(DEFAULT_TIME_ZONE),
    /** Places; null is no limit. */
    capacity: integer("capacity"),
    goingCount: integer("going_count").notNull().default(0),
    waitingCount: integer("waiting_count").notNull().default(0),
    maybeCount: integer("maybe_count").notNull().default(0),
    /** Hands each member asking for a place their place in the queue, under the event's row lock. */
    queueCounter: integer("queue_counter").notNull().default(0),
    /** iCalendar SEQUENCE: goes up with each change a calendar must pick up. */
    sequence: integer("sequence").notNull().default(0),
    /** When the time or the place last changed, so attendees see what changed since they answered. */
    detailsChangedAt: timestamptz("details_changed_at"),
    agendaHtml: text("agenda_html").notNull().default(""),
    notesHtml: text("notes_html").notNull().default(""),
    cancelledAt: timestamptz("cancelled_at"),
    cancelledReason: text("cancelled_reason").notNull().default(""),
    /** Set by the reminder job once the day-before reminder has gone. */
    reminderSentAt: timestamptz("reminder_sent_at"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("events_community_starts_idx").on(t.communityId, t.startsAt, t.id),
    index("events_reminder_idx").on(t.startsAt).where(sql`${t.reminderSentAt} is null and ${t.cancelledAt} is null`),
    check("events_times_check", sql`${t.endsAt} > ${t.startsAt}`),
    check("events_capacity_check", sql`${t.capacity} is null or ${t.capacity} > 0`),
    check("events_counts_check", sql`${t.goingCount} >= 0 and ${t.waitingCount} >= 0 and ${t.maybeCount} >= 0`),
  ],
);

/** One member's answer to an event. */
export const eventRsvps = pgTable(
  "event_rsvps",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    response: rsvpResponseEnum("response").notNull(),
    /** A note to the organisers: access needs, arriving late. Seen by them only. */
    note: text("note").notNull().default(""),
    /** Arrival order: the first to ask has the lowest. The waiting list is served in this order. */
    queuePosition: integer("queue_position").notNull(),
    /** When they were moved from the waiting list to going. */
    promotedAt: timestamptz("promoted_at"),
    respondedAt: timestamptz("responded_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.userId] }),
    index("event_rsvps_queue_idx").on(t.eventId, t.response, t.queuePosition),
    index("event_rsvps_user_idx").on(t.userId),
  ],
);

/** Every saved version of an event's agenda and notes, newest last; the event row holds the current one. */
export const eventDocumentVersions = pgTable(
  "event_document_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    document: eventDocumentEnum("document").notNull(),
    bodyHtml: text("body_html").notNull(),
    editorId: uuid("editor_id").references(() => users.id, { onDelete: "set null" }),
    /** The form's key: the same submit twice saves one version. */
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("event_document_versions_idx").on(t.eventId, t.document, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    uniqueIndex("event_document_versions_key").on(t.editorId, t.idempotencyKey),
  ],
);

/** Something agreed at a meeting: who does it, and by when. Its owner ticks it off. */
export const eventActions = pgTable(
  "event_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    dueOn: date("due_on", { mode: "string" }),
    doneAt: timestamptz("done_at"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("event_actions_event_idx").on(t.eventId, t.createdAt, t.id),
    index("event_actions_open_owner_idx").on(t.ownerId, t.dueOn).where(sql`${t.doneAt} is null`),
    uniqueIndex("event_actions_key").on(t.createdById, t.idempotencyKey),
  ],
);

/** A member's private calendar feed address: only its hash is kept. Resetting replaces it. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calendar_feeds_token_hash_key").on(t.tokenHash)],
);

export type EventFormat = (typeof eventFormats)[number];
export type RsvpResponse = (typeof rsvpResponses)[number];
export type EventDocument = (typeof eventDocuments)[number];
export type EventRow = typeof events.$inferSelect;
