import { badRequest } from "@/lib/errors";
import { loadSharp } from "./sharp";

// Images shown inside posts and documents are decoded and encoded again: resized to fit a
// page, turned the right way up, and stripped of what rode along in the file (location, camera,
// anything hidden after the picture).

/** The longest side of an image as stored. */
export const IMAGE_MAX_SIDE = 1600;
/** Pictures bigger than this are refused before decoding (a "decompression bomb" is tiny on disk). */
const MAX_PIXELS = 50_000_000;

export type ProcessedImage = { bytes: Uint8Array; contentType: string; width: number; height: number };

export async function processImage(bytes: Uint8Array, contentType: string): Promise<ProcessedImage> {
  const sharp = await loadSharp();
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, animated: false })
      .rotate()
      .resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: "inside", withoutEnlargement: true });
    const encoded =
      contentType === "image/jpeg" ? image.jpeg({ quality: 82, mozjpeg: true })
      : contentType === "image/webp" ? image.webp({ quality: 82 })
      : image.png();
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data), contentType: contentType === "image/jpeg" || contentType === "image/webp" ? contentType : "image/png", width: info.width, height: info.height };
  } catch {
    throw badRequest("Please check the file.", { file: ["We could not read this image. Try saving it again as a PNG or JPEG."] });
  }
}
