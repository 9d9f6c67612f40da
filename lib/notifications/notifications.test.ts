import { beforeAll, describe, expect, it } from "vitest";
import { joinCommunity, requestToJoin } from "@/lib/communities/membership";
import { approveRequest, declineRequest, setMemberRole } from "@/lib/communities/members";
import { createCommunity } from "@/lib/communities/mutations";
import { createReport } from "@/lib/moderation/reports";
import { hidePost } from "@/lib/moderation/content";
import type { Viewer } from "@/lib/policy";
import { createComment, setAcceptedAnswer } from "@/lib/posts/mutations";
import { toggleHelpfulComment } from "@/lib/posts/reactions";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { makeUser } from "@/test/support/factories";
import { fanOut, linesFor, mention } from "@/test/support/notifications";
import { communityWith, makePost } from "@/test/support/posts";
import { fanOutEvents } from "./fanout";
import { listNotifications, openNotification, unreadCount } from "./inbox";
import { setPostWatch } from "@/lib/posts/reactions";
import { setCommunityWatch } from "./watches";

// Who hears of what: each kind of notification, from the write that causes it, through the
// fan-out step, to the member's notifications page.

let ann: Viewer;
let ben: Viewer;
let cat: Viewer;
let dan: Viewer;
let slug: string;

beforeAll(async () => {
  ann = await makeUser({ name: "Ann Asker" });
  ben = await makeUser({ name: "Ben Helper" });
  cat = await makeUser({ name: "Cat Colleague" });
  dan = await makeUser({ name: "Dan Watcher" });
  slug = await communityWith(ann, "Housing practice", [ben, cat, dan]);
});

const reply = (who: Viewer, postId: string, body: string, replyToId?: string) =>
  createComment(who, postId, { body, bodyFormat: "html", replyToId });

describe("replies, answers and mentions", () => {
  it("tell the post's author, the author of the reply answered, the people mentioned and the followers, once each", async () => {
    const { postId } = await makePost(ann, slug, { title: "Void turnaround" });
    const first = await reply(ben, postId, "<p>We use 28 days.</p>");
    expect(await linesFor(ann)).toEqual(["Ben Helper replied to your post Void turnaround"]);
    await reply(cat, postId, `<p>Agree with Ben, and ${mention(ann)} may know more.</p>`, first.commentId);
    expect(await linesFor(ben)).toEqual(["Cat Colleague replied to your reply on Void turnaround"]);
    // Ann is mentioned and also the author and a follower: one notification, the most specific.
    expect(await linesFor(ann)).toEqual(["Cat Colleague mentioned you in Void turnaround"]);
    expect(await linesFor(cat)).toEqual([]);
  });

  it("still tell the people mentioned when a mention in the same reply names no real person", async () => {
    const { postId } = await makePost(ann, slug, { title: "Hand-written mentions" });
    await reply(ben, postId, `<p><span data-type="mention" data-id="x">@x</span> and ${mention(cat)}</p>`);
    expect(await linesFor(cat)).toEqual(["Ben Helper mentioned you in Hand-written mentions"]);
    expect(await linesFor(ann)).toEqual(["Ben Helper replied to your post Hand-written mentions"]);
  });

  it("go on past an event whose step fails, and close that event after five attempts", async () => {
    const { postId } = await makePost(ann, slug, { title: "A broken event before a good one" });
    const db = await getDb();
    const [broken] = await selectRows<{ id: string }>(
      db,
      sql`insert into notification_events (type, actor_id, community_id, post_id, data, created_at)
        select 'comment.created', ${ben.id}, community_id, id, '{"replyToId": "not-an-id"}'::jsonb, now() - interval '1 minute' from posts where id = ${postId}
        returning id`,
    );
    await reply(ben, postId, `<p>Over to ${mention(cat)}.</p>`);
    expect(await linesFor(cat)).toEqual(["Ben Helper mentioned you in A broken event before a good one"]);
    for (let i = 0; i < 5; i++) await fanOut();
    const [state] = await selectRows<{ attempts: number; closed: boolean }>(
      db,
      sql`select attempts, processed_at is not null as closed from notification_events where id = ${broken!.id}`,
    );
    expect(state).toEqual({ attempts: 5, closed: true });
    await linesFor(ann);
  });

  it("call a reply to a question an answer, and tell the one whose answer is chosen", async () => {
    const { postId } = await makePost(ann, slug, { kind: "question", title: "Which KPI for voids?" });
    const answer = await reply(ben, postId, "<p>Days void.</p>");
    expect(await linesFor(ann)).toEqual(["Ben Helper answered your question Which KPI for voids?"]);
    await setAcceptedAnswer(ann, postId, { commentId: answer.commentId });
    expect(await linesFor(ben)).toEqual(["Ann Asker chose your reply as the answer to Which KPI for voids?"]);
  });

  it("group helpful marks on one reply into one line", async () => {
    const { postId } = await makePost(ann, slug, { title: "Grouped marks" });
    const { commentId } = await reply(ben, postId, "<p>Useful tip.</p>");
    for (const who of [ann, cat, dan]) await toggleHelpfulComment(who, commentId);
    expect(await linesFor(ben)).toEqual(["Dan Watcher and 2 others found your reply helpful: Grouped marks"]);
  });

  it("land on the reply itself when followed", async () => {
    const { postId } = await makePost(ann, slug, { title: "Landing" });
    const { commentId } = await reply(ben, postId, "<p>Here.</p>");
    await linesFor(cat); // nothing for Cat, but runs the fan-out
    expect(await unreadCount(ann)).toBeGreaterThan(0);
    const { items } = await listNotifications(ann, {});
    const mine = items.find((n) => n.title === "Landing")!;
    expect(await openNotification(ann, mine.id)).toBe(`/c/${slug}/posts/${postId}?reply=${commentId}#comment-${commentId}`);
    await expect(openNotification(ben, mine.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe("watching and muting", () => {
  it("a watched community tells of every new post; a muted post or community stays quiet", async () => {
    await setCommunityWatch(dan, slug, { level: "watching" });
    const { postId } = await makePost(ann, slug, { title: "Watched news" });
    expect(await linesFor(dan)).toEqual(["Ann Asker started a new post in Housing practice: Watched news"]);
    await reply(dan, postId, "<p>Following now.</p>");
    await setPostWatch(dan, postId, "muted");
    await reply(ben, postId, "<p>More.</p>");
    expect(await linesFor(dan)).toEqual([]);
    await setPostWatch(dan, postId, "following");
    await setCommunityWatch(dan, slug, { level: "muted" });
    await reply(cat, postId, "<p>Even more.</p>");
    expect(await linesFor(dan)).toEqual([]);
    await reply(cat, postId, `<p>But ${mention(dan)} directly.</p>`);
    expect(await linesFor(dan)).toEqual(["Cat Colleague mentioned you in Watched news"]);
    await setCommunityWatch(dan, slug, { level: "normal" });
  });
});

describe("memberships", () => {
  it("tell facilitators of requests, and requesters of the answer; members of a change of role", async () => {
    const facilitator = await makeUser({ name: "Fay Facilitator" });
    const { slug: closed } = await createCommunity(facilitator, { name: "Closed circle", visibility: "restricted" });
    await requestToJoin(cat, closed, { message: "Please" });
    await requestToJoin(dan, closed, {});
    expect(await linesFor(facilitator)).toEqual(["Dan Watcher asked to join Closed circle", "Cat Colleague asked to join Closed circle"]);
    await approveRequest(facilitator, closed, { userId: cat.id });
    await declineRequest(facilitator, closed, { userId: dan.id });
    expect(await linesFor(cat)).toEqual(["Your request to join Closed circle was approved"]);
    expect(await linesFor(dan)).toEqual(["Your request to join Closed circle was not approved"]);
    await setMemberRole(facilitator, closed, { userId: cat.id, role: "facilitator" });
    expect(await linesFor(cat)).toEqual(["Fay Facilitator made you a facilitator of Closed circle"]);
  });

  it("tell facilitators of reports, and authors of what a facilitator did and why", async () => {
    const { postId } = await makePost(ben, slug, { title: "Questionable" });
    await createReport(cat, { postId, reason: "off_topic" });
    expect(await linesFor(ann)).toContain("A member reported a post in Housing practice: Questionable");
    await hidePost(ann, postId, { reason: "Off topic for this group" });
    await fanOut();
    const page = await listNotifications(ben, {});
    expect(page.items.map((n) => [n.lead, n.title, n.detail])).toContainEqual([
      "A facilitator hid your post in Housing practice:",
      "Questionable",
      "Reason: Off topic for this group",
    ]);
  });

  it("join an open community quietly", async () => {
    const newcomer = await makeUser({ name: "New Comer" });
    await joinCommunity(newcomer, { slug });
    expect(await linesFor(ann)).not.toContain(expect.stringContaining("New Comer"));
  });
});

describe("a post in a big community", () => {
  it("reaches 1,200 watchers in bounded steps, each a short transaction of at most 500 people", async () => {
    const db = await getDb();
    const bigSlug = await communityWith(ann, "Busy policy network", []);
    await db.execute(sql`
      with people as (insert into users (name, email) select 'Watcher ' || n, 'watcher' || n || '@big.example' from generate_series(1, 1200) n returning id),
      joined as (insert into memberships (community_id, user_id, status, role, joined_at)
        select c.id, p.id, 'active', 'member', now() from people p, communities c where c.slug = ${bigSlug} returning community_id, user_id)
      insert into community_watches (user_id, community_id, level) select user_id, community_id, 'watching' from joined`);
    await makePost(ann, bigSlug, { title: "Big news" });
    expect(await fanOutEvents({ maxSteps: 1 })).toEqual({ steps: 1, notified: 500 });
    const waiting = async () => (await selectRows(db, sql`select 1 from notification_events where processed_at is null`)).length;
    expect(await waiting()).toBe(1);
    expect(await fanOutEvents({ maxSteps: 10 })).toEqual({ steps: 2, notified: 700 });
    expect(await waiting()).toBe(0);
    const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from notifications n join posts p on p.id = n.post_id where p.title = 'Big news'`);
    expect(row!.n).toBe(1200);
  });
});
