import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { makeUser } from "@/test/support/factories";
import { openPhoto, removePhoto, savePhoto } from "./photo";
import { saveProfile } from "./profile";

// A member's photo: cropped square and re-encoded, and shown only to whom they choose.

let member: Viewer, stranger: Viewer;
const picture = async (width: number, height: number) =>
  new File([new Uint8Array(await sharp({ create: { width, height, channels: 3, background: "#1d4e89" } }).png().toBuffer())], "me.png", { type: "image/png" });

beforeAll(async () => {
  member = await makeUser({ name: "Pictured Member" });
  stranger = await makeUser({ name: "Stranger" });
});

describe("a member's photo", () => {
  it("is cropped square, re-encoded as JPEG, and replaced in place", async () => {
    await savePhoto(member, await picture(600, 300));
    const first = await openPhoto(stranger, member.id);
    const meta = await sharp(first.body as Uint8Array).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: "jpeg", width: 256, height: 256 });
    await savePhoto(member, await picture(300, 600));
    expect((await openPhoto(stranger, member.id)).etag).not.toBe(first.etag);
  });

  it("is shown only to whom the member chooses; otherwise it does not exist", async () => {
    await saveProfile(member, { name: "Pictured Member", contactPreference: "none", jobTitleVisibility: "everyone", organisationVisibility: "everyone", areaOfWorkVisibility: "everyone", expertiseVisibility: "everyone", bioVisibility: "everyone", regionVisibility: "everyone", photoVisibility: "communities", contactVisibility: "everyone" });
    expect((await appErrorOf(() => openPhoto(stranger, member.id))).status).toBe(404);
    expect((await openPhoto(member, member.id)).contentType).toBe("image/jpeg");
  });

  it("refuses what is not a picture, beside the field, and can be removed", async () => {
    const error = await appErrorOf(() => savePhoto(member, new File([new TextEncoder().encode("<svg onload=alert(1)>")], "me.png")));
    expect(error.fieldErrors?.photo).toEqual(["Choose a JPEG, PNG, GIF or WebP picture."]);
    await removePhoto(member);
    expect((await appErrorOf(() => openPhoto(member, member.id))).status).toBe(404);
  });
});
