import { z } from "zod";
import { documentStatuses } from "@/lib/db/schema";
import { htmlToText, plainTextToHtml, sanitizeRichText } from "@/lib/content/sanitize";
import { badRequest } from "@/lib/errors";
import { optionalText, requiredText } from "@/lib/validation";

export const DOCUMENT_TITLE_MAX = 200;
/** A document may be longer than a post: about 75,000 words. */
export const DOCUMENT_BODY_MAX_BYTES = 500 * 1024;
export const NOTE_MAX = 300;

const uuid = z.uuid("That link is not valid.");
const optionalUuid = z.union([z.literal("").transform(() => null), z.uuid()]).optional().transform((v) => v ?? null);
const keyField = z.string().trim().max(100).optional().transform((k) => k || null);
const formatField = z.enum(["html", "plain"]).catch("plain");

export const newDocumentSchema = z.object({
  title: requiredText("a title", DOCUMENT_TITLE_MAX),
  body: z.string().optional().default(""),
  bodyFormat: formatField,
  folderId: optionalUuid,
  idempotencyKey: keyField,
});

export const saveDocumentSchema = z.object({
  title: requiredText("a title", DOCUMENT_TITLE_MAX),
  body: z.string().optional().default(""),
  bodyFormat: formatField,
  /** The revision the editor started from. */
  baseRevisionId: uuid,
  note: optionalText("the note", NOTE_MAX),
  editKey: keyField,
});

export const draftSchema = z.object({
  title: z.string().max(1000).optional().default(""),
  body: z.string().optional().default(""),
  baseRevisionId: uuid,
  editKey: keyField,
});

export const statusSchema = z
  .object({
    status: z.enum(documentStatuses, { error: "Choose a status." }),
    deadline: z.string().trim().optional().default(""),
  })
  .transform((value, ctx) => {
    if (value.status !== "out_for_comment") return { status: value.status, deadline: null };
    const date = new Date(`${value.deadline}T23:59:59Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value.deadline) || Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", path: ["deadline"], message: "Enter the date comments close, like 2026-03-31." });
      return z.NEVER;
    }
    return { status: value.status, deadline: date };
  });

export const folderSchema = z.object({ name: requiredText("a folder name", 100) });

export const commentSchema = z.object({
  body: z.string({ error: "Write your comment." }),
  bodyFormat: formatField,
  quote: z.string().max(1000, "Quote at most 1,000 characters of the passage.").optional().transform((q) => q?.replace(/\s+/g, " ").trim() || null),
  idempotencyKey: keyField,
});

/** Clean HTML and its words from what a form sent; a body over the limit is refused beside its field. */
export function cleanDocumentBody(raw: string, format: "html" | "plain", { required = false, field = "body" } = {}) {
  if (Buffer.byteLength(raw, "utf8") > DOCUMENT_BODY_MAX_BYTES) {
    throw badRequest("Please check the highlighted fields.", { [field]: ["The text is too long. Keep it under 500 KB, about 75,000 words."] });
  }
  const html = sanitizeRichText(format === "html" ? raw : plainTextToHtml(raw));
  const text = htmlToText(html);
  if (required && !text) throw badRequest("Please check the highlighted fields.", { [field]: ["Write something first."] });
  return { html, text };
}
