import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "@/lib/library/documents";
import { createComment } from "@/lib/posts/mutations";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { addMembership, makeCommunity, makeUser } from "@/test/support/factories";
import { makePost } from "@/test/support/posts";
import { listCommunityExports, listExports, openExport, requestCommunityExport, runExportWork } from "./export";
import { saveProfile } from "./profile";

// A facilitator's export of their community, against a real database: it holds the community
// and the sub-communities under it that the facilitator reads, and nothing from anywhere else
// (the community above it, a private sub-community they are not in, another community); its
// members show only what each lets the facilitator see; and only its owner may download it.

let facilitator: Viewer, member: Viewer, stranger: Viewer, admin: Viewer, parentFacilitator: Viewer, insider: Viewer;
const slugs: Record<string, string> = {};

const everyoneSees = { contactPreference: "welcome", organisationVisibility: "everyone", areaOfWorkVisibility: "everyone", expertiseVisibility: "everyone", bioVisibility: "everyone", regionVisibility: "everyone", photoVisibility: "everyone", contactVisibility: "everyone" };

beforeAll(async () => {
  [facilitator, member, stranger, admin, parentFacilitator, insider] = await Promise.all([
    makeUser({ name: "Fran Facilitator" }),
    makeUser({ name: "Mo Member" }),
    makeUser({ name: "Stan Stranger" }),
    makeUser({ name: "Ada Admin", siteRole: "admin" }),
    makeUser({ name: "Pat Parent" }),
    makeUser({ name: "Ivy Insider" }),
  ]);
  const parent = await makeCommunity({ name: "Parent council network" });
  const top = await makeCommunity({ name: "Hedgerow practice", parent });
  const openSub = await makeCommunity({ name: "Hedgerow surveys", parent: top });
  const sharedSub = await makeCommunity({ name: "Hedgerow leads", visibility: "private", parent: top });
  const hiddenSub = await makeCommunity({ name: "Quagga board", visibility: "private", parent: top });
  const elsewhere = await makeCommunity({ name: "Quagga elsewhere" });
  for (const [name, c] of Object.entries({ parent, top, openSub, sharedSub, hiddenSub, elsewhere })) slugs[name] = c.slug;
  await addMembership(parent.id, parentFacilitator.id, "active", "facilitator");
  for (const person of [facilitator, member, insider]) await addMembership(parent.id, person.id);
  await addMembership(top.id, facilitator.id, "active", "facilitator");
  await addMembership(top.id, member.id);
  await addMembership(top.id, insider.id);
  await addMembership(openSub.id, facilitator.id);
  await addMembership(sharedSub.id, facilitator.id, "active", "owner");
  await addMembership(hiddenSub.id, insider.id, "active", "owner");
  await addMembership(elsewhere.id, insider.id, "active", "owner");
  await saveProfile(member, { name: "Mo Member", jobTitle: "Quagga keeper", organisation: "Hedgeshire Council", ...everyoneSees, jobTitleVisibility: "nobody", organisationVisibility: "communities" });

  await makePost(parentFacilitator, slugs.parent!, { title: "Quagga news from the network" });
  const kept = await makePost(member, slugs.top!, { title: "Laying a hedge" });
  await createComment(facilitator, kept.postId, { body: "<p>Thanks for the tips.</p>", bodyFormat: "html" });
  await makePost(facilitator, slugs.openSub!, { title: "Survey season" });
  await makePost(facilitator, slugs.sharedSub!, { title: "Leads meeting notes" });
  const secret = await makePost(insider, slugs.hiddenSub!, { title: "Quagga plans" });
  await createComment(insider, secret.postId, { body: "<p>Quagga follow-up.</p>", bodyFormat: "html" });
  await makePost(insider, slugs.elsewhere!, { title: "Quagga elsewhere post" });
  await createDocument(facilitator, slugs.top!, { title: "Hedge laying guide", body: "<p>Step one.</p>", bodyFormat: "html" });
  await createDocument(insider, slugs.hiddenSub!, { title: "Quagga strategy", body: "<p>Quagga.</p>", bodyFormat: "html" });
});

async function openArchive(viewer: Viewer, id: string) {
  const zip = await JSZip.loadAsync((await openExport(viewer, id)).body as Uint8Array);
  const json = await zip.file("roundtable-export/data.json")!.async("string");
  return { data: JSON.parse(json), everything: json + (await zip.file("roundtable-export/index.html")!.async("string")) };
}

describe("a facilitator's export of their community", () => {
  it("runs as a job and holds the community and the sub-communities they read, and nothing outside that", async () => {
    const { id, created } = await requestCommunityExport(facilitator, slugs.top!);
    expect(created).toBe(true);
    expect((await requestCommunityExport(facilitator, slugs.top!)).created).toBe(false);
    // It is not the member's own export, and their own is not this.
    expect(await listExports(facilitator)).toEqual([]);
    expect((await listCommunityExports(facilitator, slugs.top!))[0]).toMatchObject({ id, status: "queued" });
    await runExportWork();
    expect((await listCommunityExports(facilitator, slugs.top!))[0]).toMatchObject({ id, status: "ready", progress: 100 });

    const { data, everything } = await openArchive(facilitator, id);
    expect(data.community.name).toBe("Hedgerow practice");
    expect(data.communities.map((c: { name: string }) => c.name)).toEqual(["Hedgerow practice", "Hedgerow leads", "Hedgerow surveys"]);
    expect(data.posts.map((p: { title: string }) => p.title).sort()).toEqual(["Laying a hedge", "Leads meeting notes", "Survey season"]);
    expect(data.replies.map((r: { body: string; author: string }) => [r.body, r.author])).toEqual([["Thanks for the tips.", "Fran Facilitator"]]);
    expect(data.documents.map((d: { title: string }) => d.title)).toEqual(["Hedge laying guide"]);
    // Nothing from the parent, the private sub-community they are not in, or another community.
    expect(everything).not.toMatch(/quagga/i);
  });

  it("lists its members with only the fields each lets the facilitator see, and never an email address", async () => {
    const [ready] = await listCommunityExports(facilitator, slugs.top!);
    const { data, everything } = await openArchive(facilitator, ready!.id);
    expect(data.members.map((m: { name: string }) => m.name)).toEqual(["Fran Facilitator", "Ivy Insider", "Mo Member"]);
    const mo = data.members.find((m: { name: string }) => m.name === "Mo Member");
    expect(mo).toMatchObject({ role: "member", jobTitle: null, organisation: "Hedgeshire Council" });
    expect(everything).not.toContain("@");
  });

  it("is for that community's facilitators and site admins: anyone else is refused, and a community they cannot see is a 404", async () => {
    expect((await appErrorOf(() => requestCommunityExport(member, slugs.top!))).status).toBe(403);
    expect((await appErrorOf(() => requestCommunityExport(parentFacilitator, slugs.top!))).status).toBe(403);
    expect((await appErrorOf(() => requestCommunityExport(facilitator, slugs.hiddenSub!))).status).toBe(404);
    expect((await appErrorOf(() => listCommunityExports(stranger, slugs.top!))).status).toBe(403);
    expect((await requestCommunityExport(admin, slugs.hiddenSub!)).created).toBe(true);
  });

  it("downloads only for its owner, and only while they may still export the community", async () => {
    const [ready] = await listCommunityExports(facilitator, slugs.top!);
    for (const other of [member, admin, parentFacilitator]) expect((await appErrorOf(() => openExport(other, ready!.id))).status).toBe(404);
    const top = await makeCommunity();
    await addMembership(top.id, stranger.id, "active", "facilitator");
    const { id } = await requestCommunityExport(stranger, top.slug);
    await runExportWork();
    await addMembership(top.id, stranger.id, "active", "member");
    expect((await appErrorOf(() => openExport(stranger, id))).status).toBe(404);
  });
});
