import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getCommunityPage } from "@/lib/communities/page";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { communities, users } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { getModerationQueue } from "@/lib/moderation/reports";
import type { Viewer } from "@/lib/policy";
import { getCommunityFeed, getHomeFeed } from "@/lib/posts/feeds";
import { loadAccount } from "@/lib/users/account";
import { myOpenActions, upcomingEventsForMember, listCommunityEvents } from "@/lib/events/lists";
import { getEventPage } from "@/lib/events/page";
import { seedDemo } from "./demo";
import { demoAccounts } from "./people";

// The demo data is what a new member and a new facilitator meet first: it must be varied and
// give a facilitator something to do.

const viewers: Record<"admin" | "facilitator" | "member", Viewer> = {} as never;

beforeAll(async () => {
  const db = await getDb();
  await seedDemo(db, { people: 300 });
  for (const [i, role] of (["admin", "facilitator", "member"] as const).entries()) {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoAccounts[i]!.email));
    const account = await loadAccount(row!.id);
    if (!account) throw new Error(`The demo account ${demoAccounts[i]!.email} was not seeded.`);
    viewers[role] = account;
  }
}, 300_000);

const repeats = (titles: string[]) => titles.filter((title, i) => titles.indexOf(title) !== i);

describe("the demo data", () => {
  it("gives every post its own title", async () => {
    const rows = await selectRows<{ title: string; n: number }>(await getDb(), sql`select title, count(*)::int as n from posts group by title having count(*) > 1`);
    expect(rows).toEqual([]);
  });

  it("repeats no title on any page of any feed, for each demo account", async () => {
    const slugs = (await (await getDb()).select({ slug: communities.slug }).from(communities)).map((c) => c.slug);
    for (const [role, viewer] of Object.entries(viewers)) {
      let pages = 0;
      for (const slug of slugs) {
        let cursor: string | undefined;
        do {
          const feed = await getCommunityFeed(viewer, slug, { cursor }).catch((error: unknown) => {
            if (isAppError(error)) return null;
            throw error;
          });
          if (!feed) break;
          expect(repeats([...feed.pinned, ...feed.items].map((p) => p.title)), `${role} on ${slug}`).toEqual([]);
          cursor = feed.nextCursor ?? undefined;
          pages++;
        } while (cursor);
      }
      let cursor: string | undefined;
      do {
        const home = await getHomeFeed(viewer, { cursor });
        expect(repeats(home.items.map((p) => p.title)), `${role} at home`).toEqual([]);
        cursor = home.nextCursor ?? undefined;
      } while (cursor);
      expect(pages, role).toBeGreaterThan(10);
    }
  });

  it("has replies that talk to one another, never the same words twice in a thread", async () => {
    const rows = await selectRows<{ post_id: string; body_text: string }>(await getDb(), sql`select post_id, body_text from comments`);
    const threads = new Map<string, string[]>();
    for (const row of rows) threads.set(row.post_id, [...(threads.get(row.post_id) ?? []), row.body_text]);
    for (const replies of threads.values()) expect(repeats(replies)).toEqual([]);
    expect(rows.some((r) => /^(Thanks|I agree with|\+1 to what)/.test(r.body_text))).toBe(true);
  });

  it("gives the demo facilitator reports, a post to approve and requests to join, where they moderate", async () => {
    const { facilitator, member } = viewers;
    const policy = await getModerationQueue(facilitator, "policy-and-performance");
    expect(policy.reports.map((r) => r.reason).sort()).toEqual(["confidential", "offensive"]);
    const innovation = await getModerationQueue(facilitator, "innovation");
    expect(innovation.pending).toHaveLength(1);
    expect(innovation.reports.map((r) => r.reason)).toEqual(["spam"]);
    const restricted = await getCommunityPage(facilitator, "adult-and-childrens-services");
    expect(restricted.allowed.manageRequests).toBe(true);
    expect(restricted.requests.map((r) => r.name)).toContain("Grace Adeyemi");
    expect(restricted.requests).toHaveLength(3);
    // The demo member posts without waiting for approval anywhere they belong.
    const [held] = await selectRows<{ n: number }>(
      await getDb(),
      sql`select count(*)::int as n from posts where author_id = ${member.id} and status = 'pending'`,
    );
    expect(held!.n).toBe(0);
  });

  it("has four sub-communities in Innovation, one private, so a member outside it sees three", async () => {
    expect((await getCommunityPage(viewers.facilitator, "innovation")).subCommunities).toHaveLength(4);
    expect((await getCommunityPage(viewers.member, "innovation")).subCommunities).toHaveLength(3);
  });

  it("counts only the posts members can read", async () => {
    const rows = await selectRows<{ slug: string; post_count: number; readable: number }>(
      await getDb(),
      sql`select c.slug, c.post_count, (select count(*)::int from posts p where p.community_id = c.id and p.status = 'published' and p.hidden_at is null) as readable from communities c`,
    );
    for (const row of rows) expect(row.post_count, row.slug).toBe(row.readable);
  });

  it("carries a community's meetings: a past one with notes and actions, the next with an agenda, a workshop with a waiting list, an online briefing", async () => {
    const { facilitator, member } = viewers;
    const acs = await listCommunityEvents(facilitator, "adult-and-childrens-services", {});
    expect(acs.upcoming.map((e) => [e.format, e.capacity, e.goingCount, e.waitingCount])).toEqual([
      ["online", 4, 4, 2],
      ["hybrid", null, 6, 0],
    ]);
    expect(acs.past.map((e) => [e.hasNotes, e.openActions])).toEqual([[true, 1]]);
    const next = await getEventPage(facilitator, "adult-and-childrens-services", acs.upcoming[1]!.id, {});
    expect(next.event.agendaHtml).toContain("safeguarding partnership");
    expect(next.thread.comments).toHaveLength(2);
    expect((await myOpenActions(facilitator)).map((a) => a.description)).toEqual(["Invite the safeguarding partnership lead to the spring meeting"]);
    // The demo member has only asked to join: none of it is theirs to see, but the briefing is.
    expect((await upcomingEventsForMember(member)).map((e) => [e.title, e.myResponse])).toEqual([["Online briefing: the new local outcomes framework", "going"]]);
    expect((await getCommunityPage(member, "adult-and-childrens-services")).allowed.read).toBe(false);
  });
});
