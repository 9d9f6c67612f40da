import { beforeAll, describe, expect, it, vi } from "vitest";
import { joinCommunity, leaveCommunity } from "@/lib/communities/membership";
import { countQueries } from "@/lib/db/query-count";
import { banMember } from "@/lib/moderation/people";
import { signedInFileRoute } from "@/lib/http/file-route";
import type { MaybeViewer, Viewer } from "@/lib/policy";
import { search } from "@/lib/search";
import { appErrorOf } from "@/test/support/errors";
import { inDays, makeEvent } from "@/test/support/events";
import { addMembership, makeUser } from "@/test/support/factories";
import { communityWith } from "@/test/support/posts";
import { calendarFeed, eventCalendarFile, resetCalendarFeed } from "./calendar";
import { listCommunityEvents, nextCommunityEvents, upcomingEventsForMember } from "./lists";
import { getEventPage } from "./page";

// No session: whoever calls a route here is signed out.
vi.mock("@/lib/auth", () => ({ readSession: async () => null }));

// Every way out of the events domain, for every actor: pages, lists, home, search, the
// calendar file and the calendar feed. A private community's events never appear to anyone
// outside it; the place and the joining link of any event never reach someone who is not a
// member of its community.

const ORIGIN = "https://roundtable.example";
const secret = /zebracorn/i;
const openDetails = /Room 7 of the annexe|open-secret-link/;

const actors: Record<string, MaybeViewer> = {};
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const slugs: Record<string, string> = {};

beforeAll(async () => {
  const owner = await makeUser({ name: "Owner" });
  const insider = await makeUser({ name: "Insider" });
  const member = await makeUser({ name: "Open member" });
  const leaver = await makeUser({ name: "Leaver" });
  const banned = await makeUser({ name: "Banned" });
  Object.assign(actors, {
    anonymous: null,
    suspended: await makeUser({ status: "suspended" }),
    admin: await makeUser({ siteRole: "admin" }),
    nonMember: await makeUser({ name: "Nobody special" }),
    member,
    insider,
    leaver,
    banned,
  });
  slugs.open = await communityWith(owner, "Open forum", [member, leaver, banned]);
  slugs.private = await communityWith(owner, "Zebracorn board", [], "private");
  slugs.restricted = await communityWith(owner, "Restricted forum", [], "restricted");
  const privateEvent = await makeEvent(owner, slugs.private, { title: "Zebracorn away-day", body: "<p>Zebracorn restructure</p>", place: "Zebracorn House", joiningUrl: "https://zebracorn.example/join", date: inDays(7) });
  const restrictedEvent = await makeEvent(owner, slugs.restricted, { title: "Zebracorn casework", body: "<p>Zebracorn cases</p>", date: inDays(8) });
  const openEvent = await makeEvent(owner, slugs.open, { title: "Open workshop on commissioning", body: "<p>Commissioning workshop for everyone</p>", place: "Room 7 of the annexe", joiningUrl: "https://meet.example/open-secret-link", date: inDays(9) });
  Object.assign(ids, { private: privateEvent.eventId, restricted: restrictedEvent.eventId, open: openEvent.eventId });
  for (const slug of [slugs.private, slugs.restricted]) {
    const { getCommunityPage } = await import("@/lib/communities/page");
    const { community } = await getCommunityPage(owner, slug);
    await addMembership(community.id, insider.id);
    await addMembership(community.id, leaver.id);
  }
  await banMember(owner, slugs.open, { userId: banned.id, reason: "Spam" });
  for (const [name, actor] of Object.entries(actors)) {
    if (actor && actor.status === "active") tokens[name] = (await resetCalendarFeed(actor, ORIGIN)).url.split("/calendar/")[1]!.replace(".ics", "");
  }
  // The leaver saw everything, set up their feed, then left both closed communities.
  await leaveCommunity(leaver as Viewer, slugs.private);
  await leaveCommunity(leaver as Viewer, slugs.restricted);
});

const signedIn = () => Object.entries(actors).filter((e): e is [string, Viewer] => e[1] !== null);
const outsiders = ["admin", "insider"];

describe("events never leak", () => {
  it("a private or restricted community's events exist only for its members and admins", async () => {
    for (const [name, viewer] of signedIn()) {
      for (const which of ["private", "restricted"] as const) {
        const slug = slugs[which]!;
        if (outsiders.includes(name)) {
          expect((await getEventPage(viewer, slug, ids[which]!, {})).event.title).toMatch(secret);
          continue;
        }
        const reads = [() => getEventPage(viewer, slug, ids[which]!, {}), () => eventCalendarFile(viewer, ids[which]!, ORIGIN), () => listCommunityEvents(viewer, slug, {})];
        for (const [i, read] of reads.entries()) {
          const error = await appErrorOf(read);
          // Not found, as an event that never existed; a restricted community is listed, so its
          // event list says it is for members. Suspended accounts read nothing at all.
          const expected = name === "suspended" ? 403 : which === "restricted" && i === 2 ? 403 : 404;
          expect(error.status, `${name} ${which} ${i}`).toBe(expected);
          expect(error.message).not.toMatch(secret);
        }
      }
    }
  });

  it("home, community pages, search and the feed show nothing of them to anyone else", async () => {
    for (const [name, viewer] of signedIn()) {
      if (outsiders.includes(name) || name === "suspended") continue;
      const seen = JSON.stringify([
        await upcomingEventsForMember(viewer),
        // Banned from the open community: refused, in words that name nothing secret.
        await listCommunityEvents(viewer, slugs.open!, {}).catch((error: Error) => error.message),
        // What came back, without the words searched for.
        { ...(await search(viewer, { q: "zebracorn" })), query: null },
        { ...(await search(viewer, { q: "away-day casework restructure" })), query: null },
        await calendarFeed(tokens[name]!, ORIGIN),
      ]);
      expect(seen, name).not.toMatch(secret);
    }
    expect(JSON.stringify({ ...(await search(actors.insider as Viewer, { q: "zebracorn" })), query: null })).toMatch(secret);
  });

  it("the place and joining link of an open community's event reach its members only", async () => {
    for (const [name, viewer] of signedIn()) {
      if (name === "suspended" || name === "banned") continue;
      const isMember = ["member", "leaver", "admin"].includes(name);
      const page = await getEventPage(viewer, slugs.open!, ids.open!, {});
      const file = await eventCalendarFile(viewer, ids.open!, ORIGIN);
      const lists = [await listCommunityEvents(viewer, slugs.open!, {}), await nextCommunityEvents(viewer, page.community.id), await search(viewer, { q: "commissioning workshop" })];
      expect(JSON.stringify(lists), name).not.toMatch(openDetails);
      expect(openDetails.test(JSON.stringify(page)), name).toBe(isMember);
      expect(file.body.includes("open-secret-link"), name).toBe(isMember);
      expect(page.event.title).toBe("Open workshop on commissioning");
    }
    // Search finds the event, with when it starts, and nothing of where.
    const hit = (await search(actors.nonMember as Viewer, { q: "commissioning workshop" })).posts!.items[0]!;
    expect(hit.event?.startsAt).toBeInstanceOf(Date);
    expect(JSON.stringify(hit)).not.toMatch(openDetails);
  });

  it("the feed carries only the member's own communities, and forgets one the moment they leave it", async () => {
    const feed = (name: string) => calendarFeed(tokens[name]!, ORIGIN);
    expect(await feed("member")).toContain("open-secret-link");
    expect(await feed("insider")).toContain("zebracorn.example/join");
    expect(await feed("nonMember")).not.toContain("BEGIN:VEVENT");
    const leaverFeed = await feed("leaver");
    expect(leaverFeed).not.toMatch(secret);
    expect(leaverFeed).toContain("Open workshop on commissioning");
    await leaveCommunity(actors.member as Viewer, slugs.open!);
    expect(await feed("member")).not.toContain("BEGIN:VEVENT");
    await joinCommunity(actors.member as Viewer, { slug: slugs.open! });
    // Banned: nothing, although the ban left their membership row in place.
    expect(await feed("banned")).not.toContain("BEGIN:VEVENT");
    // A suspended account's feed, or a token that was reset, is a 404 like any unknown address.
    const old = tokens.member!;
    await resetCalendarFeed(actors.member as Viewer, ORIGIN);
    expect((await appErrorOf(() => calendarFeed(old, ORIGIN))).status).toBe(404);
    expect((await appErrorOf(() => calendarFeed("not-a-real-token-at-all-000", ORIGIN))).status).toBe(404);
  });

  it("a feed fetch is two queries, however many events it carries", async () => {
    const one = await countQueries(() => calendarFeed(tokens.insider!, ORIGIN));
    for (let i = 0; i < 5; i++) await makeEvent(actors.admin as Viewer, slugs.private!, { title: `Board ${i}`, date: inDays(20 + i) });
    const six = await countQueries(() => calendarFeed(tokens.insider!, ORIGIN));
    expect(six.result.match(/BEGIN:VEVENT/g)).toHaveLength(one.result.match(/BEGIN:VEVENT/g)!.length + 5);
    expect([one.count, six.count]).toEqual([2, 2]);
  });

  it("signed out, the calendar file's route answers 401 before anything is read", async () => {
    const route = signedInFileRoute<{ id: string }>(async (_request, viewer, { id }) => ({ ...(await eventCalendarFile(viewer, id, ORIGIN)), contentType: "text/calendar" }));
    const response = await route(new Request("http://roundtable.test/x"), { params: Promise.resolve({ id: ids.private! }) });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toMatch(secret);
  });
});
