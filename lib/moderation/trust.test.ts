import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitationFor } from "@/lib/communities/answer-invitations";
import { setMemberRole } from "@/lib/communities/members";
import { joinCommunity } from "@/lib/communities/membership";
import { createCommunity } from "@/lib/communities/mutations";
import { inviteToCommunity } from "@/lib/communities/send-invitations";
import type { Viewer } from "@/lib/policy";
import { getPostPage } from "@/lib/posts/thread";
import { createComment, editPost } from "@/lib/posts/mutations";
import { appErrorOf } from "@/test/support/errors";
import { makeUser } from "@/test/support/factories";
import { makePost, postInput } from "@/test/support/posts";
import { approvePost, movePost } from "./content";
import { createReport, getModerationQueue } from "./reports";
import { updateModerationSettings } from "./settings";

// Findings about moderation: reports left behind by a move, moves that made private writing
// public, and edits that slipped past pre-moderation. Each test failed before the fix.

let owner: Viewer;
let facilitator: Viewer;
let author: Viewer;
let reader: Viewer;
beforeAll(async () => {
  owner = await makeUser({ name: "Ona Owner" });
  facilitator = await makeUser({ name: "Fez Facilitator" });
  author = await makeUser({ name: "Ada Author" });
  reader = await makeUser({ name: "Rex Reader" });
});

/** A private community with the facilitator, author and reader in it; the owner owns it. */
async function privateCommunity(name: string) {
  const { slug } = await createCommunity(owner, { name, visibility: "private" });
  for (const who of [facilitator, author, reader]) {
    await inviteToCommunity(owner, slug, { invitee: who.email });
    await acceptInvitationFor(who, slug);
  }
  await setMemberRole(owner, slug, { userId: facilitator.id, role: "facilitator" });
  return slug;
}

describe("moving a post", () => {
  it("takes its reports with it: the old community's facilitators stop seeing what was reported", async () => {
    const { slug: from } = await createCommunity(facilitator, { name: "Reported here", visibility: "open" });
    const { slug: to } = await createCommunity(facilitator, { name: "Moved to here", visibility: "open" });
    for (const who of [author, reader]) await joinCommunity(who, { slug: from });
    const { postId } = await makePost(author, from, { title: "Names a resident" });
    await createReport(reader, { postId, reason: "confidential", details: "It names a resident." });
    expect((await getModerationQueue(facilitator, from)).reports.map((r) => r.postTitle)).toEqual(["Names a resident"]);
    await movePost(facilitator, postId, { destination: to });
    expect((await getModerationQueue(facilitator, from)).reports).toEqual([]);
    expect((await getModerationQueue(facilitator, to)).reports.map((r) => r.details)).toEqual(["It names a resident."]);
  });

  it("never makes private writing more public on a facilitator's say; an owner must confirm", async () => {
    const from = await privateCommunity("Private to start with");
    const { slug: open } = await createCommunity(facilitator, { name: "Open to everyone", visibility: "open" });
    await joinCommunity(owner, { slug: open });
    await setMemberRole(facilitator, open, { userId: owner.id, role: "facilitator" });
    const { postId } = await makePost(author, from, { title: "Said in confidence" });
    await createComment(reader, postId, { body: "<p>So did I</p>", bodyFormat: "html" });
    const byFacilitator = await appErrorOf(() => movePost(facilitator, postId, { destination: open, confirmWider: "yes" }));
    expect([byFacilitator.status, byFacilitator.message]).toEqual([403, "People who cannot read it here could read it there, so only an owner of this community can move it."]);
    const unconfirmed = await appErrorOf(() => movePost(owner, postId, { destination: open }));
    expect(unconfirmed.message).toMatch(/Confirm that you want to move it/);
    await movePost(owner, postId, { destination: open, confirmWider: "yes" });
    expect((await getPostPage(reader, open, postId, {})).post.title).toBe("Said in confidence");
  });
});

describe("pre-moderation", () => {
  it("sends an approved post back for approval when its author edits it", async () => {
    const { slug } = await createCommunity(facilitator, { name: "Held edits", visibility: "open" });
    await joinCommunity(author, { slug });
    await updateModerationSettings(facilitator, slug, { premoderation: "everyone", premoderationDays: "7" });
    const held = await makePost(author, slug, { title: "Harmless at first" });
    await approvePost(facilitator, held.postId);
    await editPost(author, held.postId, postInput({ title: "Something else entirely" }));
    expect((await getPostPage(author, slug, held.postId, {})).post.status).toBe("pending");
    expect((await getModerationQueue(facilitator, slug)).pending.map((p) => p.title)).toEqual(["Something else entirely"]);
    expect((await appErrorOf(() => getPostPage(reader, slug, held.postId, {}))).status).toBe(404);
  });
});
