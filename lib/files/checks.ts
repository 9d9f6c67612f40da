import { fileTypeFromBuffer } from "file-type";
import sanitizeFilename from "sanitize-filename";
import { AppError, badRequest } from "@/lib/errors";

// What a file is, decided from its bytes, never from its name or what the browser claimed.

/** Types people share in a library, by the type found in the bytes, with the name endings each may carry. */
const ACCEPTED: Record<string, { label: string; extensions: string[] }> = {
  "application/pdf": { label: "PDF", extensions: ["pdf"] },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { label: "Word document", extensions: ["docx"] },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { label: "Excel spreadsheet", extensions: ["xlsx"] },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": { label: "PowerPoint presentation", extensions: ["pptx"] },
  "application/vnd.oasis.opendocument.text": { label: "OpenDocument text", extensions: ["odt"] },
  "application/vnd.oasis.opendocument.spreadsheet": { label: "OpenDocument spreadsheet", extensions: ["ods"] },
  "application/vnd.oasis.opendocument.presentation": { label: "OpenDocument presentation", extensions: ["odp"] },
  "image/png": { label: "PNG image", extensions: ["png"] },
  "image/jpeg": { label: "JPEG image", extensions: ["jpg", "jpeg"] },
  "image/gif": { label: "GIF image", extensions: ["gif"] },
  "image/webp": { label: "WebP image", extensions: ["webp"] },
};
/** Plain text has no signature in its bytes: it is accepted under these endings when it is clean UTF-8. */
const TEXT: Record<string, string> = { txt: "text/plain", csv: "text/csv", md: "text/plain" };

export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"];
export const ACCEPTED_EXTENSIONS = [...Object.values(ACCEPTED).flatMap((a) => a.extensions), ...Object.keys(TEXT)];

export type CheckedFile = { name: string; contentType: string; label: string };

/**
 * A file name that is safe to store and offer for download: no folders ("../../etc/passwd" is
 * "passwd"), no control or reserved characters, no leading dots, at most 150 characters.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  let name = sanitizeFilename(base.normalize("NFC"), { replacement: "" })
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+/, "")
    .trim();
  if (name.length > 150) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = name.slice(0, 150 - ext.length) + ext;
  }
  return name || "file";
}

const extensionOf = (name: string) => (name.includes(".") ? name.split(".").pop()!.toLowerCase() : "");

/** Throws a 413 for a file over the limit, and a 400 for an empty one. */
export function checkSize(size: number, maxBytes: number) {
  if (size === 0) throw badRequest("Please check the file.", { file: ["The file is empty."] });
  if (size > maxBytes) {
    throw new AppError(413, "The file is too big.", { file: [`The file is too big. Files can be up to ${Math.round(maxBytes / 1024 / 1024)} MB.`] });
  }
}

/**
 * Finds the file's type in its bytes and checks the name agrees: a program renamed
 * "minutes.pdf" is refused, and so is a web page or SVG picture (they can carry scripts).
 */
export async function checkFileType(bytes: Uint8Array, rawName: string, { imagesOnly = false } = {}): Promise<CheckedFile> {
  const name = cleanFileName(rawName);
  const ext = extensionOf(name);
  const found = await fileTypeFromBuffer(bytes);
  const refuse = (message: string) => badRequest("Please check the file.", { file: [message] });
  if (found) {
    const accepted = ACCEPTED[found.mime];
    if (!accepted || (imagesOnly && !IMAGE_TYPES.includes(found.mime))) {
      throw refuse(imagesOnly ? "Choose a PNG, JPEG, GIF or WebP image." : `Files of this kind (${found.ext}) cannot be shared here. Share PDF, Word, Excel, PowerPoint, OpenDocument, image or text files.`);
    }
    if (!accepted.extensions.includes(ext)) {
      throw refuse(`The file is called “${name}” but it is a ${accepted.label}. Rename it to end in .${accepted.extensions[0]}, or choose another file.`);
    }
    return { name, contentType: found.mime, label: accepted.label };
  }
  const textType = TEXT[ext];
  if (!imagesOnly && textType && isPlainText(bytes)) return { name, contentType: textType, label: "text file" };
  if (imagesOnly) throw refuse("Choose a PNG, JPEG, GIF or WebP image.");
  if (ext === "svg" || ext === "html" || ext === "htm" || ext === "xml") throw refuse("Web pages and SVG pictures cannot be shared here, as they can carry scripts. Save it as a PDF instead.");
  throw refuse("We could not tell what kind of file this is from its contents. Share PDF, Word, Excel, PowerPoint, OpenDocument, image or text files.");
}

/** Clean UTF-8 text with no control characters but tabs and line ends. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text);
}
