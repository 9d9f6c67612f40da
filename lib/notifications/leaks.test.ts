import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommunity } from "@/lib/communities/mutations";
import { removeMember } from "@/lib/communities/members";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { addMembership, makeUser } from "@/test/support/factories";
import { fanOut, linesFor, mention, verifyAddress } from "@/test/support/notifications";
import { makePost } from "@/test/support/posts";
import { startSmtp } from "@/test/support/smtp";
import { hideComment } from "@/lib/moderation/content";
import type { Viewer } from "@/lib/policy";
import { createComment } from "@/lib/posts/mutations";
import { deliverDueEmails } from "./delivery";
import { queueDueDigests } from "./digest";
import { notify } from "./events";
import { listNotifications, openNotification } from "./inbox";

// Confidentiality, the worst bug this product could ship: a member who loses access to a
// private community hears nothing more about it, by any channel, and what they already have
// loses its titles; a mention of someone who may not read the post tells nobody.

let owner: Viewer;
let member: Viewer;
let outsider: Viewer;
let slug: string;
let communityId: string;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

beforeAll(async () => {
  smtp = await startSmtp();
  owner = await makeUser({ name: "Olive Owner" });
  member = await makeUser({ name: "Mo Member" });
  outsider = await makeUser({ name: "Otto Outsider" });
  for (const person of [owner, member, outsider]) await verifyAddress(person);
  ({ slug } = await createCommunity(owner, { name: "Zebracorn board", visibility: "private" }));
  const [row] = await selectRows<{ id: string }>(await getDb(), sql`select id from communities where slug = ${slug}`);
  communityId = row!.id;
  await addMembership(communityId, member.id);
});

afterAll(() => smtp.close());

describe("a member removed from a private community", () => {
  it("gets nothing about it from then on, and keeps no titles", async () => {
    const { postId } = await makePost(member, slug, { title: "Zebracorn restructure plan" });
    await createComment(owner, postId, { body: "<p>First thoughts on the Zebracorn plan.</p>", bodyFormat: "html" });
    await fanOut();
    // An email is waiting for the member when they are removed.
    await removeMember(owner, slug, { userId: member.id });
    await createComment(owner, postId, { body: "<p>Second thoughts.</p>", bodyFormat: "html" });
    await fanOut();

    const page = await listNotifications(member, {});
    expect(page.items.map((n) => [n.lead, n.title, n.path])).toEqual([["A reply you can no longer see", null, null]]);
    expect(JSON.stringify(page)).not.toMatch(/zebracorn|Olive/i);
    expect(await openNotification(member, page.items[0]!.id)).toBe("/notifications");

    await (await getDb()).execute(sql`update digest_settings set next_digest_at = now() - interval '1 minute'`);
    await queueDueDigests();
    await deliverDueEmails({ now: later(10), transport: smtp.transport });
    expect(smtp.to(member.email)).toEqual([]);
    // An email about the first reply had been queued for them: it was dropped when it came to be sent.
    const queued = await selectRows<{ status: string }>(await getDb(), sql`select status from email_outbox where user_id = ${member.id} and batch_key like 'post:%'`);
    expect(queued.map((q) => q.status)).toEqual(["skipped"]);
    // The owner, who still belongs, did hear of the post in their digest.
    expect(smtp.to(owner.email).map((m) => m.subject)).toContain("Your weekly digest from Roundtable");
    expect(smtp.raw.join("\n")).not.toContain(member.email);
  });
});

describe("a mention of someone who may not read the post", () => {
  it("tells nobody, even when the mention reaches the fan-out", async () => {
    const { postId } = await makePost(owner, slug, { title: "Zebracorn budget" });
    const db = await getDb();
    await db.transaction((tx) => notify(tx, { type: "mentioned", actorId: owner.id, communityId, postId, mentions: [outsider.id] }));
    await createComment(owner, postId, { body: `<p>Asking ${mention(outsider)}.</p>`, bodyFormat: "html" });
    expect(await linesFor(outsider)).toEqual([]);
  });

  it("tells nobody when the reply is hidden before the fan-out runs", async () => {
    const colleague = await makeUser({ name: "Col League" });
    await addMembership(communityId, colleague.id);
    const { postId } = await makePost(owner, slug, { title: "Zebracorn timeline" });
    const { commentId } = await createComment(owner, postId, { body: `<p>Over to ${mention(colleague)}.</p>`, bodyFormat: "html" });
    await hideComment(owner, commentId, { reason: "Posted too soon" });
    expect(await linesFor(colleague)).toEqual([]);
  });
});
