import { badRequest } from "./errors";

/** An opaque keyset cursor: the sort values of the last row shown. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

type CursorShape = ("string" | "number")[];

/** Reads a cursor made by encodeCursor. A tampered cursor is a 400, never a 500. */
export function decodeCursor(cursor: string | undefined, shape: CursorShape) {
  if (!cursor) return null;
  const values = readCursor(cursor, shape);
  if (values) return values;
  throw badRequest("That page link is not valid. Go back to the first page.");
}

/** Whether a cursor, if there is one, is one that encodeCursor made for this shape. */
export function isReadableCursor(cursor: string | undefined, shape: CursorShape): boolean {
  return !cursor || readCursor(cursor, shape) !== null;
}

function readCursor(cursor: string, shape: CursorShape): (string | number)[] | null {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(values) &&
      values.length === shape.length &&
      values.every((v, i) => typeof v === shape[i])
    ) {
      return values as (string | number)[];
    }
  } catch {
    // not base64url JSON
  }
  return null;
}

/** Splits an n+1 fetch into the page and the cursor for the next one. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => (string | number)[]) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor(cursorOf(last)) : null };
}

/** Escapes % and _ so user text matches literally inside ILIKE. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
