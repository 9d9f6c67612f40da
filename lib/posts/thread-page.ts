import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { isUuid } from "@/lib/validation";
import { THREAD_PAGE_SIZE } from "@/lib/notifications/reads";

// Which page of a thread's replies a request asks for, and the page it gets. Pages go by
// keyset on (created_at, id), served by comments_post_created_idx: the first page, the page
// after a cursor (`cursor`), the page before one (`before`), or the page that holds one reply
// (`reply`): the first page when the reply is on it, else a page that starts at the reply.
// The replies statement brings, in one round trip, the asked page (part 0), the first page
// when the asked page may turn out to be it (part 1), and the accepted answer (part 2).

export const threadSchema = z.object({
  cursor: z.string().max(500).optional(),
  before: z.string().max(500).optional(),
  reply: z
    .string()
    .optional()
    .transform((id) => (id && isUuid(id) ? id : undefined)),
  limit: z.coerce.number().int().min(1).max(200).catch(THREAD_PAGE_SIZE),
});

export type ThreadQuery = z.infer<typeof threadSchema>;
type Key = [string, string];

/** Where the asked page starts: one of the four ways in. A tampered cursor is a 400. */
export function threadPlace(q: ThreadQuery) {
  const before = q.before ? (decodeCursor(q.before, ["string", "string"]) as Key) : null;
  const after = !before && q.cursor ? (decodeCursor(q.cursor, ["string", "string"]) as Key) : null;
  const reply = !before && !after ? (q.reply ?? null) : null;
  return { after, before, reply };
}

export type ThreadPlace = ReturnType<typeof threadPlace>;

/** Whether the replies statement needs the first page too, in case the asked page is the first. */
export const needsFirstPage = (place: ThreadPlace) => place.before !== null || place.reply !== null;

type Row = { part: number; id: string; createdKey: string };

/**
 * The page from the replies statement's rows: its replies in order, the cursors of the pages
 * either side (null where there is none), and the accepted answer. A page before a cursor that
 * reaches the start is the first page, and so is the page of a reply on the first page.
 */
export function pickThreadPage<T extends Row>(rows: T[], place: ThreadPlace, limit: number) {
  const asked = rows.filter((r) => r.part === 0);
  const accepted = rows.find((r) => r.part === 2) ?? null;
  const cursorOf = (row: T | undefined) => (row ? encodeCursor([row.createdKey, row.id]) : null);
  const page = (items: T[], more: boolean, earlier: boolean) => ({ items, nextCursor: more ? cursorOf(items.at(-1)) : null, prevCursor: earlier ? cursorOf(items[0]) : null, accepted });
  const firstPage = () => {
    const first = rows.filter((r) => r.part === 1);
    return page(first.slice(0, limit), first.length > limit, false);
  };
  if (place.before) {
    // Read newest first: more than a page before the cursor means there are earlier ones still.
    if (asked.length <= limit) return firstPage();
    return page(asked.slice(0, limit).reverse(), true, true);
  }
  if (place.reply) {
    const onFirst = rows.some((r, i) => r.part === 1 && r.id === place.reply && i - rows.findIndex((f) => f.part === 1) < limit);
    if (asked.length === 0 || onFirst) return firstPage();
  }
  return page(asked.slice(0, limit), asked.length > limit, place.after !== null || place.reply !== null);
}
