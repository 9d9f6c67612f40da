import fc from "fast-check";

// What an attacker sends: strings at the edges of Unicode and size, wrongly typed values, and
// objects built to pollute prototypes. Shared by the fuzzing of server actions and routes.

/** Strings that have broken parsers, databases and templates before. */
export const edgeStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF",
  "\u202Eevil\u202C",
  "\u200B\u200D\uFEFF",
  "e\u0301\u0301\u0301\u0301",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "𝕏".repeat(1000),
  "\r\n\r\n",
  "%00%ff%",
  "NaN",
  "-1",
  "1e309",
  "99999999999999999999999",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "' or '1'='1' --",
  "'; drop table users; --",
  "../../../../etc/passwd",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "2030-02-31",
  "31/2/2030",
  "25:99",
  "x".repeat(70_000),
  "ü".repeat(300_000),
];

export const nastyString = (known: string[] = []) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...edgeStrings) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 80 }) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,40}$/) },
    ...(known.length ? [{ weight: 4, arbitrary: fc.constantFrom(...known) }] : []),
  );

/** Objects whose keys try to reach Object.prototype through merges and assignments. */
export const pollutingObjects = [
  JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
  JSON.parse('{"a": {"__proto__": {"polluted": "yes"}}, "__proto__.polluted": "yes"}') as unknown,
];

/** Any value at all, as a server action's arguments or a JSON body may carry. */
export const anyValue = (known: string[] = []) =>
  fc.oneof(
    nastyString(known),
    fc.constantFrom(...pollutingObjects),
    fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: false, withMap: true, withSet: true, withDate: true, withTypedArray: true }),
    fc.dictionary(nastyString(known), nastyString(known), { maxKeys: 6 }),
  );

/** Field names the forms and routes read, so that fuzzed values reach past the first check. */
export const fieldNames = [
  "slug", "postId", "commentId", "documentId", "eventId", "actionId", "userId", "id", "token", "email", "password",
  "name", "title", "body", "bodyFormat", "kind", "tags", "visibility", "role", "reason", "note", "status", "watch",
  "pinned", "locked", "suspend", "archived", "done", "digest", "description", "parent", "parentSlug", "folderId",
  "baseRevisionId", "idempotencyKey", "replyToId", "quote", "response", "format", "place", "joiningUrl", "date",
  "startTime", "endTime", "timeZone", "capacity", "premoderation", "premoderationDays", "level", "q", "cursor",
  "limit", "sort", "filter", "period", "callbackUrl", "linkEmail", "jobTitle", "organisation", "bio", "to",
  "__proto__", "constructor",
];

/** A form's fields: known names mostly, with the odd stranger, and values that may be real ids. */
export const formFields = (known: string[]) =>
  fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...fieldNames) }, { weight: 1, arbitrary: nastyString() }), nastyString(known)), {
    maxLength: 12,
  });

/** Prototype pollution leaves a mark on every object; none must appear. */
export function expectNoPollution() {
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined || (Object.prototype as Record<string, unknown>).polluted !== undefined) {
    throw new Error("Object.prototype was polluted");
  }
}
