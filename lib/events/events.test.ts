import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { joinCommunity, leaveCommunity } from "@/lib/communities/membership";
import { createCommunity } from "@/lib/communities/mutations";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { updateModerationSettings } from "@/lib/moderation/settings";
import type { Viewer } from "@/lib/policy";
import { createComment, editPost } from "@/lib/posts/mutations";
import { getPostPage, PostElsewhere } from "@/lib/posts/thread";
import { updateTimeZone } from "@/lib/users/profile";
import { appErrorOf } from "@/test/support/errors";
import { addMembership, makeUser } from "@/test/support/factories";
import { linesFor } from "@/test/support/notifications";
import { eventInput, makeEvent } from "@/test/support/events";
import { communityWith, postInput } from "@/test/support/posts";
import { addEventAction, reassignEventAction, setEventActionDone } from "./action-items";
import { eventCalendarFile } from "./calendar";
import { documentHistory, saveEventDocument } from "./documents";
import { cancelEvent, createEvent, editEvent } from "./mutations";
import { getEventPage } from "./page";
import { respondToEvent } from "./rsvp";

/** Parses a calendar file with ical.js, registering the zones it describes. */
export function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const vevents = calendar.getAllSubcomponents("vevent");
  return { calendar, vevents, events: vevents.map((v) => new ICAL.Event(v)) };
}

let facilitator: Viewer;
let member: Viewer;
let traveller: Viewer;
let slug = "";

beforeAll(async () => {
  facilitator = await makeUser({ name: "Fiona Facilitator" });
  member = await makeUser({ name: "Mo Member" });
  traveller = await makeUser({ name: "Tara Traveller" });
  slug = await communityWith(facilitator, "Adult services meeting", [member, traveller]);
  await updateTimeZone(traveller, { timeZone: "America/New_York" });
});

describe("arranging an event", () => {
  it("facilitators arrange events; members only once the facilitators allow it", async () => {
    const refused = await appErrorOf(() => createEvent(member, slug, eventInput()));
    expect([refused.status, refused.message]).toEqual([403, "In this community, events are arranged by the facilitators."]);
    await updateModerationSettings(facilitator, slug, { premoderation: "off", premoderationDays: "7", allowMemberEvents: "true" });
    const made = await createEvent(member, slug, eventInput({ title: "A member's workshop" }));
    expect(made.pending).toBe(false);
    await updateModerationSettings(facilitator, slug, { premoderation: "off", premoderationDays: "7", allowMemberEvents: "false" });
  });

  it("says what is wrong beside each field", async () => {
    const error = await appErrorOf(() =>
      createEvent(facilitator, slug, eventInput({ title: "", date: "31/2/2030", startTime: "25:00", format: "online", joiningUrl: "http://insecure.example", capacity: "0" })),
    );
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["capacity", "date", "joiningUrl", "startTime", "title"]);
    const backwards = await appErrorOf(() => createEvent(facilitator, slug, eventInput({ startTime: "14:00", endTime: "13:00" })));
    expect(backwards.fieldErrors?.endTime?.[0]).toMatch(/end must be after the start/);
    // 01:30 on the day the clocks go forward never happens in London.
    const gap = await appErrorOf(() => createEvent(facilitator, slug, eventInput({ date: "31/3/2030", startTime: "01:30", endTime: "03:00" })));
    expect(gap.fieldErrors?.startTime?.[0]).toMatch(/clocks go forward/);
  });

  it("the same submit twice makes one event", async () => {
    const key = `key-${Date.now()}`;
    const first = await createEvent(facilitator, slug, eventInput({ idempotencyKey: key }));
    const again = await createEvent(facilitator, slug, eventInput({ idempotencyKey: key }));
    expect(again.eventId).toBe(first.eventId);
  });
});

describe("times across the clocks changing", () => {
  // In 2030 the clocks go forward on 31 March and back on 27 October.
  const cases = [
    { date: "30/3/2030", utc: "2030-03-30T10:00:00.000Z", london: "10:00", newYork: "06:00" },
    { date: "1/4/2030", utc: "2030-04-01T09:00:00.000Z", london: "10:00", newYork: "05:00" },
    { date: "26/10/2030", utc: "2030-10-26T09:00:00.000Z", london: "10:00", newYork: "05:00" },
    { date: "28/10/2030", utc: "2030-10-28T10:00:00.000Z", london: "10:00", newYork: "06:00" },
  ];
  for (const c of cases) {
    it(`10:00 London on ${c.date} is ${c.london} in London, ${c.newYork} in New York, and so in the calendar file`, async () => {
      const { eventId } = await makeEvent(facilitator, slug, { date: c.date, startTime: "10:00", endTime: "11:00" });
      const forLondon = await getEventPage(member, slug, eventId, {});
      expect(forLondon.event.times.startsAt.toISOString()).toBe(c.utc);
      expect(forLondon.event.times.whenForReader).toContain(`${c.london} to`);
      expect(forLondon.event.times.whenWhereHeld).toBeNull();
      const forTraveller = await getEventPage(traveller, slug, eventId, {});
      expect(forTraveller.event.times.whenForReader).toContain(`${c.newYork} to`);
      expect(forTraveller.event.times.whenWhereHeld).toMatch(/10:00 to 11:00 (GMT|BST) \(Europe\/London time\)/);

      // The server's own zone plays no part in the file.
      const serverZone = process.env.TZ;
      process.env.TZ = "Pacific/Auckland";
      const file = await eventCalendarFile(member, eventId, "https://roundtable.example");
      process.env.TZ = serverZone;
      const [day, month, year] = c.date.split("/");
      expect(file.body).toContain(`DTSTART;TZID=Europe/London:${year}${month!.padStart(2, "0")}${day!.padStart(2, "0")}T100000`);
      const { events } = parseCalendar(file.body);
      expect(events[0]!.startDate.toJSDate().toISOString()).toBe(c.utc);
      expect(events[0]!.startDate.zone?.tzid).toBe("Europe/London");
    });
  }
});

describe("the calendar file", () => {
  it("is valid for Outlook and Google: PUBLISH, the zone's rules, CRLF, folded lines, a UID that stays and a SEQUENCE that goes up", async () => {
    const long = "A very long description of the meeting that goes on and on, so that the line in the calendar file has to be folded. ".repeat(3);
    const { eventId } = await makeEvent(facilitator, slug, { body: `<p>${long}</p>` });
    const before = (await eventCalendarFile(member, eventId, "https://roundtable.example")).body;
    expect(before).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(before.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(before.replace(/\r\n/g, "")).not.toContain("\n");
    const parsed = parseCalendar(before);
    expect(parsed.calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(parsed.calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual(["Europe/London"]);
    expect(parsed.events[0]!.description).toContain("folded");
    expect(parsed.events[0]!.location).toContain("Committee Room 2");
    const uid = parsed.events[0]!.uid;
    expect(parsed.events[0]!.sequence).toBe(0);

    await editEvent(facilitator, eventId, eventInput({ body: `<p>${long}</p>`, startTime: "11:00", endTime: "13:00" }));
    const moved = parseCalendar((await eventCalendarFile(member, eventId, "https://roundtable.example")).body).events[0]!;
    expect([moved.uid, moved.sequence]).toEqual([uid, 1]);
    await cancelEvent(facilitator, eventId, { reason: "The room flooded." });
    const cancelled = parseCalendar((await eventCalendarFile(member, eventId, "https://roundtable.example")).body).vevents[0]!;
    expect(cancelled.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelled.getFirstPropertyValue("sequence")).toBe(2);
  });
});

describe("an event's discussion, agenda, notes and actions", () => {
  it("replies on the event go through the posts' own machinery, and its post page leads to the event", async () => {
    const { eventId } = await makeEvent(facilitator, slug);
    const reply = await createComment(member, eventId, { body: "<p>Can we add transitions to the agenda?</p>", bodyFormat: "html" });
    expect(reply.path).toBe(`/c/${slug}/events/${eventId}`);
    const page = await getEventPage(member, slug, eventId, {});
    expect(page.thread.comments.map((c) => c.bodyHtml)).toEqual(["<p>Can we add transitions to the agenda?</p>"]);
    await expect(getPostPage(member, slug, eventId, {})).rejects.toBeInstanceOf(PostElsewhere);
    const edit = await appErrorOf(() => editPost(facilitator, eventId, postInput()));
    expect(edit.message).toBe("An event is changed on its own page.");
  });

  it("keeps every version of the agenda and the notes, for the organisers to see", async () => {
    const { eventId } = await makeEvent(facilitator, slug);
    await saveEventDocument(facilitator, eventId, { document: "agenda", body: "1. Welcome", bodyFormat: "plain" });
    await saveEventDocument(facilitator, eventId, { document: "agenda", body: "<ol><li>Welcome</li><li>Transitions</li></ol><script>x</script>", bodyFormat: "html" });
    const page = await getEventPage(member, slug, eventId, {});
    expect(page.event.agendaHtml).toBe("<ol><li>Welcome</li><li>Transitions</li></ol>");
    const history = await documentHistory(facilitator, eventId, "agenda");
    expect(history.versions.map((v) => v.bodyHtml)).toEqual(["<ol><li>Welcome</li><li>Transitions</li></ol>", "<p>1. Welcome</p>"]);
    expect((await appErrorOf(() => documentHistory(member, eventId, "agenda"))).status).toBe(403);
    expect((await appErrorOf(() => saveEventDocument(member, eventId, { document: "notes", body: "Mine", bodyFormat: "plain" }))).status).toBe(403);
  });

  it("an action is ticked off by its owner only, and the facilitators may give it to someone else", async () => {
    const { eventId } = await makeEvent(facilitator, slug);
    const outsider = await makeUser();
    const notMember = await appErrorOf(() => addEventAction(facilitator, eventId, { description: "Circulate the notes", ownerId: outsider.id, dueOn: "30/4/2030" }));
    expect(notMember.fieldErrors?.ownerId).toEqual(["Choose a member of this community."]);
    const { actionId } = await addEventAction(facilitator, eventId, { description: "Circulate the notes", ownerId: member.id, dueOn: "30/4/2030" });
    const byOther = await appErrorOf(() => setEventActionDone(traveller, actionId!, true));
    expect([byOther.status, byOther.message]).toEqual([403, "Only the person this action is for can tick it off."]);
    await setEventActionDone(member, actionId!, true);
    const page = await getEventPage(member, slug, eventId, {});
    expect(page.actions.map((a) => [a.description, a.ownerName, a.dueOn, a.doneAt !== null])).toEqual([["Circulate the notes", "Mo Member", "2030-04-30", true]]);
    expect((await appErrorOf(() => reassignEventAction(member, actionId!, { ownerId: traveller.id }))).status).toBe(403);
    await reassignEventAction(facilitator, actionId!, { ownerId: traveller.id });
    expect((await appErrorOf(() => setEventActionDone(member, actionId!, false))).status).toBe(403);
    await setEventActionDone(traveller, actionId!, false);
  });
});

describe("answering", () => {
  it("a note to the organisers is seen by them only; a cancelled event takes no answers", async () => {
    const { eventId } = await makeEvent(facilitator, slug);
    await respondToEvent(member, eventId, { response: "going", note: "I use a wheelchair." });
    const forOrganiser = await getEventPage(facilitator, slug, eventId, {});
    expect(forOrganiser.attendees.map((a) => [a.name, a.response, a.note])).toEqual([["Mo Member", "going", "I use a wheelchair."]]);
    const forOther = await getEventPage(traveller, slug, eventId, {});
    expect(forOther.attendees.map((a) => [a.name, a.note])).toEqual([["Mo Member", ""]]);
    const { told } = await cancelEvent(facilitator, eventId, { reason: "" });
    expect(told).toEqual([member.id]);
    const late = await appErrorOf(() => respondToEvent(traveller, eventId, { response: "going" }));
    expect([late.status, late.message]).toEqual([403, "This event has been cancelled."]);
  });

  it("a change of time is told to those going or waiting, and shows as changed since they answered", async () => {
    const { eventId } = await makeEvent(facilitator, slug, { capacity: "1" });
    await respondToEvent(member, eventId, { response: "going" });
    await respondToEvent(traveller, eventId, { response: "going" });
    const { told } = await editEvent(facilitator, eventId, eventInput({ startTime: "14:00", endTime: "15:00", capacity: "1" }));
    expect(told).toEqual([member.id, traveller.id]);
    const page = await getEventPage(member, slug, eventId, {});
    expect(page.myAnswer?.changedSinceAnswered).toBe(true);
    // Another place lets the first person waiting in.
    const more = await editEvent(facilitator, eventId, eventInput({ startTime: "14:00", endTime: "15:00", capacity: "2" }));
    expect(more.promoted).toEqual([traveller.id]);
    expect((await getEventPage(traveller, slug, eventId, {})).myAnswer).toMatchObject({ response: "going", promoted: true });
  });

  it("changes, a place coming free and cancellation reach the attendees' notifications, and only while they may read the event", async () => {
    const { eventId } = await makeEvent(facilitator, slug, { title: "Quarterly review", capacity: "1" });
    await respondToEvent(member, eventId, { response: "going" });
    await respondToEvent(traveller, eventId, { response: "going" });
    await Promise.all([linesFor(member), linesFor(traveller)]);
    await editEvent(facilitator, eventId, eventInput({ title: "Quarterly review", startTime: "14:00", endTime: "15:00", capacity: "2" }));
    expect(await linesFor(traveller)).toEqual(["A place came free and it is yours: Quarterly review", "The time changed for an event you answered: Quarterly review"]);
    expect(await linesFor(member)).toEqual(["The time changed for an event you answered: Quarterly review"]);
    await cancelEvent(facilitator, eventId, { reason: "The room flooded." });
    expect(await linesFor(member)).toEqual(["An event you answered has been cancelled: Quarterly review"]);
  });

  it("someone who has left a private community hears nothing of its event's cancellation", async () => {
    const board = await makeUser({ name: "Bea Board" });
    const { slug: privateSlug } = await createCommunity(facilitator, { name: "Private board", visibility: "private" });
    const [community] = await selectRows<{ id: string }>(await getDb(), sql`select id from communities where slug = ${privateSlug}`);
    await addMembership(community!.id, board.id);
    const { eventId } = await makeEvent(facilitator, privateSlug, { title: "Confidential budget session" });
    await respondToEvent(board, eventId, { response: "going" });
    await editEvent(facilitator, eventId, eventInput({ title: "Confidential budget session", startTime: "15:00", endTime: "16:00" }));
    expect(await linesFor(board)).toEqual(["The time changed for an event you answered: Confidential budget session"]);
    await leaveCommunity(board, privateSlug);
    await cancelEvent(facilitator, eventId, { reason: "Postponed." });
    const lines = await linesFor(board);
    expect(lines.some((line) => line.includes("Confidential budget session"))).toBe(false);
  });

  it("the organiser stops running the event once they leave; the facilitators still do", async () => {
    const organiser = await makeUser({ name: "Olu Organiser" });
    await joinCommunity(organiser, { slug });
    await updateModerationSettings(facilitator, slug, { premoderation: "off", premoderationDays: "7", allowMemberEvents: "true" });
    const { eventId } = await makeEvent(organiser, slug);
    expect((await getEventPage(organiser, slug, eventId, {})).allowed).toMatchObject({ edit: true, write: true, organise: true });
    await leaveCommunity(organiser, slug);
    // An open community: they still read the event, but no longer run it or see where it is.
    const after = await getEventPage(organiser, slug, eventId, {});
    expect(after.allowed).toMatchObject({ edit: false, write: false, organise: false, seeDetails: false, rsvp: false });
    expect(after.event).not.toHaveProperty("place");
    expect((await getEventPage(facilitator, slug, eventId, {})).allowed.edit).toBe(true);
    await updateModerationSettings(facilitator, slug, { premoderation: "off", premoderationDays: "7", allowMemberEvents: "false" });
  });
});
