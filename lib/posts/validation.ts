import { z } from "zod";
import { writtenPostKinds } from "@/lib/db/schema";
import { htmlToText, plainTextToHtml, sanitizeRichText } from "@/lib/content/sanitize";
import { badRequest } from "@/lib/errors";
import { requiredText } from "@/lib/validation";

export const TITLE_MAX = 200;
export const BODY_MAX_BYTES = 100 * 1024;
export const TAGS_MAX = 5;
export const TAG_MAX = 30;

/** Tags typed as "housing, Social Value" become ["housing", "social-value"]. */
export function parseTags(raw: string): string[] {
  const tags = raw
    .split(",")
    .map((tag) =>
      tag
        .trim()
        .toLowerCase()
        .replace(/\s+/g, "-")
        .replace(/[^a-z0-9-]/g, "")
        .replace(/-+/g, "-")
        .replace(/^-|-$/g, ""),
    )
    .filter(Boolean);
  return [...new Set(tags)];
}

const tagsField = z
  .string()
  .max(1000, "Tags are too long.")
  .optional()
  .default("")
  .transform(parseTags)
  .refine((tags) => tags.length <= TAGS_MAX, `Use up to ${TAGS_MAX} tags.`)
  .refine((tags) => tags.every((tag) => tag.length <= TAG_MAX), `Keep each tag to ${TAG_MAX} characters or fewer.`);

const bodyField = z.string({ error: "Write something in the body." });
const formatField = z.enum(["html", "plain"]).catch("plain");
const keyField = z.string().trim().max(100).optional().transform((k) => k || null);

export const postInputSchema = z.object({
  kind: z.enum(writtenPostKinds, { error: "Choose whether this is a discussion, a question or an article." }),
  title: requiredText("a title", TITLE_MAX),
  body: bodyField,
  bodyFormat: formatField,
  tags: tagsField,
  idempotencyKey: keyField,
});

export const commentInputSchema = z.object({
  body: bodyField,
  bodyFormat: formatField,
  replyToId: z.uuid().optional().or(z.literal("").transform(() => undefined)),
  idempotencyKey: keyField,
});

export type CleanBody = { html: string; text: string };

/**
 * Turns what the form sent into clean HTML and its plain text. Bodies over 100 KB, and
 * bodies with no words, are refused with a message for the body field.
 */
export function cleanBody(raw: string, format: "html" | "plain"): CleanBody {
  if (Buffer.byteLength(raw, "utf8") > BODY_MAX_BYTES) {
    throw badRequest("Please check the highlighted fields.", {
      body: ["The text is too long. Keep it under 100 KB, about 15,000 words."],
    });
  }
  const html = sanitizeRichText(format === "html" ? raw : plainTextToHtml(raw));
  const text = htmlToText(html);
  if (!text) throw badRequest("Please check the highlighted fields.", { body: ["Write something in the body."] });
  return { html, text };
}
