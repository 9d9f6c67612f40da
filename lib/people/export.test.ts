import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { leaveCommunity } from "@/lib/communities/membership";
import { getDb } from "@/lib/db/client";
import { communities } from "@/lib/db/schema";
import { createComment } from "@/lib/posts/mutations";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { addMembership, makeUser } from "@/test/support/factories";
import { communityWith, makePost } from "@/test/support/posts";
import { listExports, openExport, requestExport, runExportWork } from "./export";
import { saveProfile } from "./profile";

// A member's export: everything they wrote where they still belong, their settings, and
// nothing from a community they left; only they can download it.

let member: Viewer, other: Viewer;

beforeAll(async () => {
  const owner = await makeUser({ name: "Owner" });
  member = await makeUser({ name: "Exporting Member" });
  other = await makeUser({ name: "Someone Else" });
  const openSlug = await communityWith(owner, "Open forum", [member]);
  const privateSlug = await communityWith(owner, "Zebracorn board", [], "private");
  const db = await getDb();
  const [board] = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, privateSlug));
  await addMembership(board!.id, member.id);
  await saveProfile(member, { name: "Exporting Member", expertise: "hedgerows", contactPreference: "welcome", jobTitleVisibility: "nobody", organisationVisibility: "everyone", areaOfWorkVisibility: "everyone", expertiseVisibility: "everyone", bioVisibility: "everyone", regionVisibility: "everyone", photoVisibility: "everyone", contactVisibility: "everyone" });
  const kept = await makePost(member, openSlug, { title: "Our <b>approach</b> to hedgerows" });
  await createComment(member, kept.postId, { body: "<p>And a follow-up.</p>", bodyFormat: "html" });
  await makePost(member, privateSlug, { title: "Zebracorn plans" });
  await leaveCommunity(member, privateSlug);
});

describe("a member's data export", () => {
  it("runs as a job and holds what they wrote and their settings, as JSON and a readable page", async () => {
    const { id } = await requestExport(member);
    expect((await requestExport(member)).created).toBe(false);
    expect((await listExports(member))[0]).toMatchObject({ id, status: "queued" });
    await runExportWork();
    expect((await listExports(member))[0]).toMatchObject({ id, status: "ready", progress: 100 });
    const file = await openExport(member, id);
    const zip = await JSZip.loadAsync(file.body as Uint8Array);
    const data = JSON.parse(await zip.file("roundtable-export/data.json")!.async("string"));
    expect(data.posts.map((p: { title: string }) => p.title)).toEqual(["Our <b>approach</b> to hedgerows"]);
    expect(data.replies.map((r: { body: string }) => r.body)).toEqual(["And a follow-up."]);
    expect(data.profile).toMatchObject({ name: "Exporting Member", expertise: "hedgerows", whoSees: { jobTitle: "nobody" } });
    expect(data.communities.map((c: { name: string }) => c.name)).toEqual(["Open forum"]);
    const html = await zip.file("roundtable-export/index.html")!.async("string");
    expect(html).toContain("Our &lt;b&gt;approach&lt;/b&gt; to hedgerows");
    expect(html).not.toContain("<script");
    const everything = JSON.stringify(data) + html;
    expect(everything).not.toMatch(/zebracorn/i);
  });

  it("is a 404 to anyone but its owner", async () => {
    const [mine] = await listExports(member);
    expect((await appErrorOf(() => openExport(other, mine!.id))).status).toBe(404);
    expect(await listExports(other)).toEqual([]);
    expect((await appErrorOf(() => openExport(member, "not-an-id"))).status).toBe(404);
  });
});
