import type { Faker } from "@faker-js/faker";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { comments, eventActions, eventDocumentVersions, eventRsvps, events, posts, type communities, type memberships, type RsvpResponse } from "@/lib/db/schema";
import { instantOf, wallClock } from "@/lib/events/time";
import type { UserRow } from "./people";

// The demo's events. Adult and Children's services meets in person twice a year: its last
// meeting has notes and actions (one done, one still open, for the demo facilitator), the next
// has an agenda and answers, and a small workshop in between has a waiting list. Policy and
// performance holds an online briefing the demo member is going to.

type CommunityRow = typeof communities.$inferInsert & { id: string };
type MembershipRow = typeof memberships.$inferInsert;
type World = { now: number; bySlug: (slug: string) => CommunityRow; memberships: MembershipRow[]; people: Map<string, UserRow>; demo: UserRow[] };

const DAY = 24 * 60 * 60 * 1000;
const ZONE = "Europe/London";

/** A London wall-clock time `days` from now. */
function londonAt(now: number, days: number, hour: number, minute = 0): Date {
  const [year, month, day] = wallClock(new Date(now + days * DAY), ZONE).date.split("-").map(Number) as [number, number, number];
  return instantOf({ year, month, day }, { hour, minute }, ZONE) ?? new Date(now + days * DAY);
}

const p = (...lines: string[]) => lines.map((line) => `<p>${line}</p>`).join("");
const list = (tag: "ol" | "ul", ...items: string[]) => `<${tag}>${items.map((i) => `<li>${i}</li>`).join("")}</${tag}>`;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

export async function seedEvents(db: Db, f: Faker, world: World) {
  const { now, demo } = world;
  const [, facilitator, member] = demo as [UserRow, UserRow, UserRow];
  const membersOf = (slug: string) =>
    world.memberships.filter((m) => m.communityId === world.bySlug(slug).id && m.status === "active").map((m) => world.people.get(m.userId)!);
  const acs = world.bySlug("adult-and-childrens-services");
  const acsPeople = f.helpers.shuffle(membersOf("adult-and-childrens-services").filter((u) => u.id !== facilitator.id));
  const pap = world.bySlug("policy-and-performance");

  const postRows: (typeof posts.$inferInsert)[] = [];
  const eventRows: (typeof events.$inferInsert)[] = [];
  const rsvpRows: (typeof eventRsvps.$inferInsert)[] = [];
  const versionRows: (typeof eventDocumentVersions.$inferInsert)[] = [];
  const actionRows: (typeof eventActions.$inferInsert)[] = [];
  const commentRows: (typeof comments.$inferInsert)[] = [];

  const arrange = (spec: {
    community: CommunityRow;
    organiser: UserRow;
    title: string;
    body: string;
    format: "in_person" | "online" | "hybrid";
    place?: string;
    joiningUrl?: string;
    startsAt: Date;
    hours: number;
    capacity?: number;
    arrangedDaysBefore: number;
    answers: [UserRow, RsvpResponse, string?][];
    agenda?: string;
    notes?: string;
  }) => {
    const id = crypto.randomUUID();
    const createdAt = new Date(spec.startsAt.getTime() - spec.arrangedDaysBefore * DAY);
    postRows.push({ id, communityId: spec.community.id, authorId: spec.organiser.id, kind: "event", title: spec.title, bodyHtml: spec.body, bodyText: text(spec.body), createdAt, lastActivityAt: createdAt });
    const counted = (r: RsvpResponse) => spec.answers.filter((a) => a[1] === r).length;
    eventRows.push({
      id,
      communityId: spec.community.id,
      organiserId: spec.organiser.id,
      format: spec.format,
      place: spec.place ?? "",
      joiningUrl: spec.joiningUrl ?? "",
      startsAt: spec.startsAt,
      endsAt: new Date(spec.startsAt.getTime() + spec.hours * 3600_000),
      timeZone: ZONE,
      capacity: spec.capacity ?? null,
      goingCount: counted("going"),
      waitingCount: counted("waiting"),
      maybeCount: counted("maybe"),
      queueCounter: spec.answers.length,
      agendaHtml: spec.agenda ?? "",
      notesHtml: spec.notes ?? "",
      createdAt,
      updatedAt: createdAt,
    });
    spec.answers.forEach(([person, response, note], i) =>
      rsvpRows.push({ eventId: id, userId: person.id, response, note: note ?? "", queuePosition: i + 1, respondedAt: new Date(createdAt.getTime() + (i + 1) * 3600_000) }),
    );
    for (const [document, html, daysAfter] of [["agenda", spec.agenda, 2], ["notes", spec.notes, spec.arrangedDaysBefore + 2]] as const) {
      if (!html) continue;
      // The first draft, then the version everyone sees.
      versionRows.push({ eventId: id, document, bodyHtml: html.replace(/<li>[^<]*<\/li><\/(ol|ul)>$/, "</$1>"), editorId: spec.organiser.id, createdAt: new Date(createdAt.getTime() + daysAfter * DAY) });
      versionRows.push({ eventId: id, document, bodyHtml: html, editorId: spec.organiser.id, createdAt: new Date(createdAt.getTime() + (daysAfter + 1) * DAY) });
    }
    return { id, createdAt };
  };

  const past = arrange({
    community: acs,
    organiser: facilitator,
    title: "Autumn meeting: moving from children's to adults' services",
    body: p("Our half-yearly meeting, hosted this time by Castlemere. We will share how each council handles young people moving from children's to adults' services, and agree what to work on before spring."),
    format: "in_person",
    place: "Council Chamber, Castlemere Guildhall, Market Square. Step-free entrance on Church Lane.",
    startsAt: londonAt(now, -150, 10),
    hours: 5.5,
    arrangedDaysBefore: 45,
    answers: acsPeople.slice(0, 8).map((u) => [u, "going"] as [UserRow, RsvpResponse]),
    agenda: list("ol", "Welcome and introductions", "Transitions at 16: what each council does now", "Lunch", "Case discussion: a young person with complex needs", "What we will work on before spring"),
    notes:
      p("Nine councils were represented. Most start planning transitions at 16, two at 14. Everyone found the joint assessment tool from Northfield useful.") +
      list("ul", "Agreed to compare transition protocols before the spring meeting.", "Agreed to invite the new safeguarding partnership lead to speak."),
  });
  actionRows.push(
    { eventId: past.id, description: "Share Northfield's joint assessment tool with the group", ownerId: acsPeople[0]!.id, dueOn: wallClock(new Date(now - 120 * DAY), ZONE).date, doneAt: new Date(now - 125 * DAY), createdById: facilitator.id },
    { eventId: past.id, description: "Invite the safeguarding partnership lead to the spring meeting", ownerId: facilitator.id, dueOn: wallClock(new Date(now + 14 * DAY), ZONE).date, createdById: facilitator.id },
  );

  const next = arrange({
    community: acs,
    organiser: facilitator,
    title: "Spring meeting: early help and the new safeguarding partnership",
    body: p("Our spring meeting, in person in Northfield with a link for those who cannot travel. Bring one example of early help that worked, and one that did not."),
    format: "hybrid",
    place: "Room 2.14, Northfield Civic Centre, Station Road",
    joiningUrl: "https://meet.example.gov.uk/acs-spring",
    startsAt: londonAt(now, 42, 10),
    hours: 5,
    arrangedDaysBefore: 30,
    answers: [
      ...acsPeople.slice(0, 6).map((u, i) => [u, "going", i === 1 ? "I will join online." : undefined] as [UserRow, RsvpResponse, string?]),
      [acsPeople[6]!, "maybe"],
      [acsPeople[7]!, "maybe"],
      [acsPeople[8]!, "not_going", "Inspection week, sorry."],
    ],
    agenda: list("ol", "Welcome", "Actions from the autumn meeting", "The new safeguarding partnership: what changes for us", "Early help: what worked, what did not", "Comparing transition protocols"),
  });
  commentRows.push(
    { postId: next.id, authorId: acsPeople[2]!.id, bodyHtml: p("Could we also cover how the partnership will share data with schools?"), bodyText: "Could we also cover how the partnership will share data with schools?", createdAt: new Date(next.createdAt.getTime() + 3 * DAY) },
    { postId: next.id, authorId: facilitator.id, bodyHtml: p("Good idea: I have asked the partnership lead to bring their data-sharing agreement."), bodyText: "Good idea: I have asked the partnership lead to bring their data-sharing agreement.", createdAt: new Date(next.createdAt.getTime() + 4 * DAY) },
  );

  arrange({
    community: acs,
    organiser: facilitator,
    title: "Workshop: writing a transitions protocol",
    body: p("A small working session to draft a shared transitions protocol from the examples we collected. Places are limited so that everyone can take part."),
    format: "online",
    joiningUrl: "https://meet.example.gov.uk/acs-protocol",
    startsAt: londonAt(now, 20, 14),
    hours: 2,
    capacity: 4,
    arrangedDaysBefore: 14,
    answers: acsPeople.slice(0, 6).map((u, i) => [u, i < 4 ? "going" : "waiting"] as [UserRow, RsvpResponse]),
  });

  const papPeople = f.helpers.shuffle(membersOf("policy-and-performance").filter((u) => u.id !== member.id && u.id !== facilitator.id)).slice(0, 30);
  arrange({
    community: pap,
    organiser: facilitator,
    title: "Online briefing: the new local outcomes framework",
    body: p("A one-hour briefing on the draft local outcomes framework, with time for questions. Slides will be shared here afterwards."),
    format: "online",
    joiningUrl: "https://meet.example.gov.uk/outcomes-briefing",
    startsAt: londonAt(now, 12, 13),
    hours: 1,
    arrangedDaysBefore: 10,
    answers: [[member, "going"], ...papPeople.map((u, i) => [u, i % 5 === 4 ? "maybe" : "going"] as [UserRow, RsvpResponse])],
  });

  await db.transaction(async (tx) => {
    await tx.insert(posts).values(postRows);
    await tx.insert(events).values(eventRows);
    await tx.insert(eventRsvps).values(rsvpRows);
    await tx.insert(eventDocumentVersions).values(versionRows);
    await tx.insert(eventActions).values(actionRows);
    await tx.insert(comments).values(commentRows);
    await tx.execute(sql`update posts p set comment_count = (select count(*) from comments c where c.post_id = p.id), last_activity_at = greatest(p.last_activity_at, coalesce((select max(c.created_at) from comments c where c.post_id = p.id), p.last_activity_at)) where p.kind = 'event'`);
    await tx.execute(sql`update communities c set post_count = (select count(*) from posts p where p.community_id = c.id and p.status = 'published' and p.hidden_at is null and p.deleted_at is null) where c.id in (${acs.id}, ${pap.id})`);
  });
  return { events: eventRows.length };
}
