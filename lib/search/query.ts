import { z } from "zod";
import { postKinds } from "@/lib/db/schema";

export const QUERY_MAX = 500;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined)
    .catch(undefined);

const isoDate = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return undefined;
    const date = new Date(`${value}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "Enter a date like 2026-03-31." });
      return z.NEVER;
    }
    return date;
  });

export const searchSchema = z.object({
  q: z
    .string()
    .max(QUERY_MAX, `Search for ${QUERY_MAX} characters or fewer.`)
    .optional()
    .default("")
    .transform((q) => q.replace(/[\u0000-\u001f]/g, " ").trim()),
  /** What to search: everything, or one kind of thing. */
  type: z.enum(["all", "posts", "documents", "communities", "people"]).catch("all"),
  /** A community's slug: its posts and those of its sub-communities. */
  community: optionalText(200),
  kind: z.enum(postKinds).optional().catch(undefined),
  author: z.uuid().optional().catch(undefined),
  tag: optionalText(30).transform((t) => t?.toLowerCase()),
  answered: z.enum(["yes", "no"]).optional().catch(undefined),
  from: isoDate,
  to: isoDate,
  sort: z.enum(["relevance", "newest"]).catch("relevance"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).catch(20),
});

export type SearchQuery = z.output<typeof searchSchema>;
