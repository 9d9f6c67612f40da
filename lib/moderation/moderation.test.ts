import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { inviteToCommunity } from "@/lib/communities/send-invitations";
import { joinCommunity, requestToJoin } from "@/lib/communities/membership";
import { createCommunity } from "@/lib/communities/mutations";
import { getCommunityPage } from "@/lib/communities/page";
import { getDb } from "@/lib/db/client";
import { auditLog, communities, memberships, posts } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { createComment } from "@/lib/posts/mutations";
import { getCommunityFeed, getHomeFeed, ownUnpublishedPosts } from "@/lib/posts/feeds";
import { getPostPage, PostElsewhere } from "@/lib/posts/thread";
import { appErrorOf } from "@/test/support/errors";
import { addMembership, makeUser } from "@/test/support/factories";
import { communityWith, makePost, postInput } from "@/test/support/posts";
import { loadAccount } from "@/lib/users/account";
import { listCommunityLog, listSiteLog } from "./audit";
import { approvePost, deletePost, editPostAsModerator, hideComment, hidePost, movePost, restoreComment, restorePost, setLocked, setPinned } from "./content";
import { banMember, listBans, suspendUser, unbanMember, unsuspendUser } from "./people";
import { createReport, getModerationQueue, handleReport, listMyReports, moderationBadge } from "./reports";
import { updateModerationSettings } from "./settings";

let facilitator: Viewer;
let author: Viewer;
let reader: Viewer;
let admin: Viewer;

beforeAll(async () => {
  facilitator = await makeUser({ name: "Fay Facilitator" });
  author = await makeUser({ name: "Arlo Author" });
  reader = await makeUser({ name: "Rea Reader" });
  admin = await makeUser({ name: "Ada Admin", siteRole: "admin" });
});

const titles = (items: { title: string }[]) => items.map((i) => i.title);

describe("hiding and restoring", () => {
  it("takes a post out of every feed and count for members, and shows the author why", async () => {
    const slug = await communityWith(facilitator, "Hide and restore", [author, reader]);
    const { postId } = await makePost(author, slug, { title: "Contentious post" });
    await createComment(reader, postId, { body: "<p>Hmm</p>", bodyFormat: "html" });
    const db = await getDb();
    const count = async () => (await db.select({ n: communities.postCount }).from(communities).where(eq(communities.slug, slug)))[0]!.n;
    expect(await count()).toBe(1);
    const { message } = await hidePost(facilitator, postId, { reason: "Names a member of the public." });
    expect(message).toMatch(/Restore it to undo/);
    expect(titles((await getCommunityFeed(reader, slug, {})).items)).toEqual([]);
    expect(titles((await getHomeFeed(reader, {})).items)).not.toContain("Contentious post");
    expect(await count()).toBe(0);
    expect((await appErrorOf(() => getPostPage(reader, slug, postId, {}))).status).toBe(404);
    const forAuthor = await getPostPage(author, slug, postId, {});
    expect(forAuthor.post).toMatchObject({ hidden: true, hiddenReason: "Names a member of the public." });
    expect(await ownUnpublishedPosts(author, (await getCommunityFeed(author, slug, {})).community.id)).toEqual([
      expect.objectContaining({ title: "Contentious post", hiddenReason: "Names a member of the public." }),
    ]);
    expect((await getPostPage(facilitator, slug, postId, {})).post.hidden).toBe(true);
    expect((await appErrorOf(() => createReport(reader, { postId, reason: "spam" }))).status).toBe(404);
    await restorePost(facilitator, postId);
    expect(titles((await getCommunityFeed(reader, slug, {})).items)).toEqual(["Contentious post"]);
    expect(await count()).toBe(1);
  });

  it("hides a reply from members and from the reply count", async () => {
    const slug = await communityWith(facilitator, "Hide a reply", [author, reader]);
    const { postId } = await makePost(author, slug);
    const reply = await createComment(reader, postId, { body: "<p>Rude</p>", bodyFormat: "html" });
    await hideComment(facilitator, reply.commentId, { reason: "Personal attack" });
    const seen = await getPostPage(author, slug, postId, {});
    expect(seen.comments).toEqual([]);
    expect(seen.post.commentCount).toBe(0);
    expect((await getPostPage(reader, slug, postId, {})).comments.map((c) => c.hidden)).toEqual([true]);
    expect((await getPostPage(facilitator, slug, postId, {})).comments.map((c) => c.hidden)).toEqual([true]);
    await restoreComment(facilitator, reply.commentId);
    expect((await getPostPage(author, slug, postId, {})).post.commentCount).toBe(1);
  });

  it("needs a reason, and is refused to members", async () => {
    const slug = await communityWith(facilitator, "Reasons needed", [author, reader]);
    const { postId } = await makePost(author, slug);
    expect((await appErrorOf(() => hidePost(facilitator, postId, { reason: "  " }))).fieldErrors?.reason?.[0]).toMatch(/Enter a reason/);
    expect((await appErrorOf(() => hidePost(reader, postId, { reason: "x" }))).status).toBe(403);
  });
});

describe("pinning, locking, editing, deleting and moving", () => {
  it("pins to the top, locks and unlocks", async () => {
    const slug = await communityWith(facilitator, "Pins and locks", [author]);
    const old = await makePost(author, slug, { title: "Ground rules" });
    await makePost(author, slug, { title: "Newer" });
    await setPinned(facilitator, old.postId, true);
    expect(titles((await getCommunityFeed(author, slug, {})).pinned)).toEqual(["Ground rules"]);
    await setLocked(facilitator, old.postId, true);
    expect((await appErrorOf(() => createComment(author, old.postId, { body: "<p>x</p>", bodyFormat: "html" }))).status).toBe(403);
    await setLocked(facilitator, old.postId, false);
    expect((await createComment(author, old.postId, { body: "<p>x</p>", bodyFormat: "html" })).created).toBe(true);
  });

  it("edits someone else's post with a logged reason, keeping the earlier version", async () => {
    const slug = await communityWith(facilitator, "Moderator edits", [author]);
    const { postId } = await makePost(author, slug, { title: "Phone number inside" });
    expect((await appErrorOf(() => editPostAsModerator(facilitator, postId, postInput({ reason: "" })))).fieldErrors?.reason).toBeDefined();
    await editPostAsModerator(facilitator, postId, postInput({ title: "Contact details removed", reason: "Removed a personal phone number." }));
    const log = await listCommunityLog(facilitator, slug, {});
    expect(log.items[0]).toMatchObject({ action: "edit", actorName: "Fay Facilitator", reason: "Removed a personal phone number.", targetLabel: "Phone number inside" });
  });

  it("moves a post with its replies; the old address sends on only those who can read the new home", async () => {
    const from = await communityWith(facilitator, "Move from", [author, reader]);
    const { slug: to } = await createCommunity(facilitator, { name: "Move to (private)", visibility: "private" });
    const { slug: elsewhere } = await createCommunity(reader, { name: "Not theirs", visibility: "open" });
    const { postId } = await makePost(author, from, { title: "Belongs elsewhere" });
    await createComment(reader, postId, { body: "<p>Reply travels too</p>", bodyFormat: "html" });
    expect((await appErrorOf(() => movePost(facilitator, postId, { destination: elsewhere }))).status).toBe(403);
    await movePost(facilitator, postId, { destination: to });
    const moved = await getPostPage(facilitator, to, postId, {});
    expect(moved.comments.map((c) => c.bodyHtml)).toEqual(["<p>Reply travels too</p>"]);
    await expect(getPostPage(facilitator, from, postId, {})).rejects.toBeInstanceOf(PostElsewhere);
    expect((await appErrorOf(() => getPostPage(reader, from, postId, {}))).status).toBe(404);
    const db = await getDb();
    const counts = await db.select({ slug: communities.slug, n: communities.postCount }).from(communities).where(sql`${communities.slug} in (${from}, ${to})`);
    expect(Object.fromEntries(counts.map((c) => [c.slug, c.n]))).toEqual({ [from]: 0, [to]: 1 });
  });

  it("deletes: the author their own, a facilitator any with a reason", async () => {
    const slug = await communityWith(facilitator, "Deleting posts", [author, reader]);
    const mine = await makePost(author, slug);
    const theirs = await makePost(reader, slug);
    expect((await appErrorOf(() => deletePost(author, theirs.postId, {}))).status).toBe(403);
    await deletePost(author, mine.postId, {});
    expect((await appErrorOf(() => deletePost(facilitator, theirs.postId, {}))).fieldErrors?.reason).toBeDefined();
    await deletePost(facilitator, theirs.postId, { reason: "Duplicate" });
    expect((await getCommunityFeed(reader, slug, {})).items).toEqual([]);
  });
});

describe("reports", () => {
  it("go once per item to the queue, where a facilitator resolves them and the reporter sees it", async () => {
    const slug = await communityWith(facilitator, "Reported", [author, reader]);
    const { postId } = await makePost(author, slug, { title: "Reported post" });
    const db = await getDb();
    const [row] = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, slug));
    expect((await appErrorOf(() => createReport(reader, { postId, reason: "other" }))).fieldErrors?.details?.[0]).toMatch(/what is wrong/);
    await createReport(reader, { postId, reason: "confidential", details: "Names a family." });
    expect((await appErrorOf(() => createReport(reader, { postId, reason: "spam" }))).status).toBe(409);
    expect((await appErrorOf(() => createReport(author, { postId, reason: "spam" }))).status).toBe(403);
    expect(await moderationBadge(facilitator, row!.id)).toBe(1);
    expect(await moderationBadge(reader, row!.id)).toBe(0);
    const queue = await getModerationQueue(facilitator, slug);
    expect(queue.reports).toEqual([expect.objectContaining({ reason: "confidential", details: "Names a family.", reporterName: "Rea Reader", postTitle: "Reported post" })]);
    expect((await appErrorOf(() => getModerationQueue(reader, slug))).status).toBe(403);
    await handleReport(facilitator, slug, "resolved", { reportId: queue.reports[0]!.id, note: "Hidden and author contacted." });
    expect(await listMyReports(reader)).toEqual([expect.objectContaining({ status: "resolved", postId })]);
    expect(await moderationBadge(facilitator, row!.id)).toBe(0);
    expect((await appErrorOf(() => handleReport(facilitator, slug, "dismissed", { reportId: queue.reports[0]!.id }))).status).toBe(404);
  });
});

describe("the moderation badge", () => {
  it("counts requests to join, for the facilitators who answer them", async () => {
    const { slug } = await createCommunity(facilitator, { name: "Badge requests", visibility: "restricted" });
    const [row] = await (await getDb()).select({ id: communities.id }).from(communities).where(eq(communities.slug, slug));
    expect(await moderationBadge(facilitator, row!.id)).toBe(0);
    await requestToJoin(reader, slug, { message: "I run the early help team." });
    expect(await moderationBadge(facilitator, row!.id)).toBe(1);
    expect(await moderationBadge(reader, row!.id)).toBe(0);
  });
});

describe("pre-moderation", () => {
  it("holds posts from recent joiners until a facilitator approves them", async () => {
    const slug = await communityWith(facilitator, "Held posts", [author, reader]);
    await updateModerationSettings(facilitator, slug, { premoderation: "new_members", premoderationDays: "7" });
    const held = await makePost(author, slug, { title: "Awaiting approval" });
    expect(held.pending).toBe(true);
    expect(titles((await getCommunityFeed(reader, slug, {})).items)).toEqual([]);
    expect((await appErrorOf(() => getPostPage(reader, slug, held.postId, {}))).status).toBe(404);
    expect((await getPostPage(author, slug, held.postId, {})).post.status).toBe("pending");
    expect((await getModerationQueue(facilitator, slug)).pending.map((p) => p.title)).toEqual(["Awaiting approval"]);
    expect((await makePost(facilitator, slug, { title: "Facilitators are not held" })).pending).toBe(false);
    const db = await getDb();
    await db.update(memberships).set({ joinedAt: sql`now() - interval '30 days'` }).where(eq(memberships.userId, reader.id));
    expect((await makePost(reader, slug, { title: "Long-standing member" })).pending).toBe(false);
    await approvePost(facilitator, held.postId);
    expect(titles((await getCommunityFeed(reader, slug, {})).items)).toContain("Awaiting approval");
  });

  it("refuses bad settings with messages", async () => {
    const slug = await communityWith(facilitator, "Bad settings", []);
    const error = await appErrorOf(() => updateModerationSettings(facilitator, slug, { premoderation: "sometimes", premoderationDays: "0" }));
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["premoderation", "premoderationDays"]);
  });
});

describe("bans and suspensions", () => {
  it("keep a banned member out, from joining, asking or being invited, until the ban ends", async () => {
    const slug = await communityWith(facilitator, "Banning", [author, reader]);
    const { message } = await banMember(facilitator, slug, { userId: reader.id, reason: "Repeated personal attacks", until: "2099-01-01" });
    expect(message).toMatch(/banned until 2099-01-01/);
    expect((await getCommunityPage(facilitator, slug)).community.memberCount).toBe(2);
    expect((await appErrorOf(() => joinCommunity(reader, { slug }))).status).toBe(403);
    expect((await appErrorOf(() => requestToJoin(reader, slug, {}))).status).toBe(403);
    // By name the facilitator is told; by address the answer is the one anyone gets, and nothing is sent.
    expect((await appErrorOf(() => inviteToCommunity(facilitator, slug, { invitee: "Rea Reader" }))).status).toBe(409);
    expect(await inviteToCommunity(facilitator, slug, { invitee: reader.email })).toEqual({ message: "Invitation sent to that address." });
    expect((await appErrorOf(() => joinCommunity(reader, { slug }))).status).toBe(403);
    expect(await listBans(facilitator, slug)).toEqual([expect.objectContaining({ name: "Rea Reader", reason: "Repeated personal attacks" })]);
    expect((await appErrorOf(() => banMember(author, slug, { userId: facilitator.id, reason: "x" }))).status).toBe(403);
    const db = await getDb();
    await db.update(memberships).set({ bannedUntil: sql`now() - interval '1 minute'` }).where(eq(memberships.userId, reader.id));
    expect((await joinCommunity(reader, { slug })).joined).toBe(true);
  });

  it("lift a ban on request, and facilitators cannot ban other facilitators", async () => {
    const slug = await communityWith(facilitator, "Unbanning", [author, reader]);
    await banMember(facilitator, slug, { userId: author.id, reason: "Spam" });
    await unbanMember(facilitator, slug, { userId: author.id });
    expect((await joinCommunity(author, { slug })).joined).toBe(true);
    const [community] = await (await getDb()).select().from(communities).where(eq(communities.slug, slug));
    await addMembership(community!.id, reader.id, "active", "facilitator");
    const peer = (await loadAccount(reader.id))!;
    expect((await appErrorOf(() => banMember(peer, slug, { userId: facilitator.id, reason: "x" }))).status).toBe(403);
    expect((await appErrorOf(() => banMember(facilitator, slug, { userId: author.id, reason: "x", until: "2001-01-01" }))).fieldErrors?.until?.[0]).toMatch(/future/);
  });

  it("suspend an account everywhere, by site admins only", async () => {
    const target = await makeUser({ name: "To Suspend" });
    expect((await appErrorOf(() => suspendUser(facilitator, { userId: target.id, reason: "x" }))).status).toBe(403);
    await suspendUser(admin, { userId: target.id, reason: "Compromised account" });
    expect((await loadAccount(target.id))?.status).toBe("suspended");
    await unsuspendUser(admin, { userId: target.id });
    expect((await loadAccount(target.id))?.status).toBe("active");
    const log = await listSiteLog(admin, {});
    expect(log.items.slice(0, 2).map((e) => e.action)).toEqual(["unsuspend", "suspend"]);
    expect((await appErrorOf(() => listSiteLog(facilitator, {}))).status).toBe(403);
  });
});

describe("the audit log", () => {
  it("records who did what, when and why, and cannot be changed or deleted", async () => {
    const slug = await communityWith(facilitator, "Logged", [author]);
    const { postId } = await makePost(author, slug, { title: "Logged post" });
    await hidePost(facilitator, postId, { reason: "Checking" });
    await restorePost(facilitator, postId);
    const log = await listCommunityLog(facilitator, slug, {});
    expect(log.items.map((e) => [e.action, e.actorName, e.targetLabel, e.reason])).toEqual([
      ["restore", "Fay Facilitator", "Logged post", null],
      ["hide", "Fay Facilitator", "Logged post", "Checking"],
    ]);
    expect((await appErrorOf(() => listCommunityLog(author, slug, {}))).status).toBe(403);
    const db = await getDb();
    await expect(db.update(auditLog).set({ reason: "rewritten" })).rejects.toThrow();
    await expect(db.delete(auditLog)).rejects.toThrow();
    const after = await listCommunityLog(facilitator, slug, {});
    expect(after.items.map((e) => e.reason)).toEqual([null, "Checking"]);
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(posts).where(eq(posts.id, postId)))[0]!.n).toBe(1);
  });
});
