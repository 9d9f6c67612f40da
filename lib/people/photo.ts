import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { profiles, users } from "@/lib/db/schema";
import { badRequest, notFound } from "@/lib/errors";
import { checkFileType, checkSize } from "@/lib/files/checks";
import { loadSharp } from "@/lib/files/sharp";
import type { SentFile } from "@/lib/http/file-route";
import { assertActiveViewer, authorize, findablePeople, sharesCommunityWith, type Viewer } from "@/lib/policy";
import { objectStore } from "@/lib/storage";
import { fieldVisibility } from "./columns";
import { PHOTO_MAX_MB } from "./photo-limits";
import { isUuid } from "@/lib/validation";

// A member's photo: checked on its bytes, turned the right way up, cropped square around what
// matters in it and re-encoded (which also drops location and camera data), then kept in the
// private store. It is served only to viewers the member lets see it.

const SIDE = 256;
const PHOTO_ERROR = { photo: ["We could not read this picture. Try a JPEG or PNG photo."] };

async function squarePhoto(bytes: Uint8Array): Promise<Uint8Array> {
  const sharp = await loadSharp();
  try {
    const out = await sharp(bytes, { limitInputPixels: 50_000_000, animated: false })
      .rotate()
      .resize(SIDE, SIDE, { fit: "cover", position: sharp.strategy.attention })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
    return new Uint8Array(out);
  } catch {
    throw badRequest("Please check the photo.", PHOTO_ERROR);
  }
}

/** Replaces the member's photo with a square copy of the picture given. */
export async function savePhoto(viewer: Viewer, file: unknown): Promise<void> {
  assertActiveViewer(viewer);
  if (!(file instanceof Blob) || file.size === 0) throw badRequest("Please check the photo.", { photo: ["Choose a photo."] });
  const maxBytes = PHOTO_MAX_MB * 1024 * 1024;
  if (file.size > maxBytes) throw badRequest("Please check the photo.", { photo: [`The photo must be ${PHOTO_MAX_MB} MB or smaller.`] });
  const raw = new Uint8Array(await file.arrayBuffer());
  checkSize(raw.length, maxBytes);
  const name = "name" in file && typeof file.name === "string" ? file.name : "photo";
  try {
    await checkFileType(raw, name, { imagesOnly: true });
  } catch {
    throw badRequest("Please check the photo.", { photo: ["Choose a JPEG, PNG, GIF or WebP picture."] });
  }
  const square = await squarePhoto(raw);
  const key = `photos/${viewer.id}/${randomUUID()}.jpg`;
  const store = await objectStore();
  await store.put(key, square, "image/jpeg");
  const old = await replaceKey(viewer.id, key);
  if (old) await store.delete(old);
}

/** Takes the member's photo away: their initials show again. */
export async function removePhoto(viewer: Viewer): Promise<void> {
  assertActiveViewer(viewer);
  const old = await replaceKey(viewer.id, null);
  if (old) await (await objectStore()).delete(old);
}

async function replaceKey(userId: string, key: string | null): Promise<string | null> {
  const db = await getDb();
  const [row] = await selectRows<{ old: string | null }>(
    db,
    sql`with old as (select photo_key from profiles where user_id = ${userId} for update)
      insert into profiles (user_id, photo_key) values (${userId}, ${key})
      on conflict (user_id) do update set photo_key = excluded.photo_key, updated_at = now()
      returning (select photo_key from old) as old`,
  );
  return row?.old ?? null;
}

/** The photo, for viewers its owner lets see it; for anyone else it does not exist. */
export async function openPhoto(viewer: Viewer, personId: string): Promise<SentFile> {
  assertActiveViewer(viewer);
  if (!isUuid(personId)) throw notFound();
  const db = await getDb();
  const [row] = await db
    .select({ key: profiles.photoKey, visibility: sql<"everyone" | "communities" | "nobody">`${fieldVisibility.photo}`, shares: sql<boolean>`${sharesCommunityWith(viewer, users.id)}` })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(sql`${users.id} = ${personId} and ${findablePeople(viewer, users)}`);
  if (!row?.key) throw notFound();
  authorize(viewer, "profile.seeField", { personId, visibility: row.visibility, sharesCommunity: row.shares });
  const stored = await (await objectStore()).get(row.key);
  if (!stored) throw notFound();
  return { body: stored.bytes, contentType: "image/jpeg", name: "photo.jpg", inline: true, etag: `"${row.key.split("/").pop()}"` };
}
