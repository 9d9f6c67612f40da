// Statements a server sends again and again go as named (prepared) statements: each connection
// parses one once, and PostgreSQL may keep a generic plan for it, which saves planning a long
// statement on every request. A text is named the second time it is seen, and at most
// `maxNamed` texts in all, so one-off texts never pile up on a connection.
//
// PostgreSQL keeps a generic plan only when it costs about as much as planning each time. A
// LIMIT given as a parameter is unknown to a generic plan, which then expects a tenth of the
// rows and is judged too dear: so whole-number limits are written into the text instead.
// Statements whose best plan depends on the words sought (full-text and pattern searches) are
// left unnamed: one kept plan cannot suit both a rare word and a common one.

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown };
type Queryable = { query: (config: unknown, ...rest: unknown[]) => unknown };

/** Decides the name a statement's text is sent under, or none (sent unnamed, as before). */
export function statementNamer({ maxNamed = 300, maxSeen = 500 } = {}) {
  const names = new Map<string, string>();
  const seenOnce = new Set<string>();
  return (text: string): string | undefined => {
    const name = names.get(text);
    if (name) return name;
    if (names.size >= maxNamed) return undefined;
    if (!seenOnce.has(text)) {
      if (seenOnce.size >= maxSeen) seenOnce.clear();
      seenOnce.add(text);
      return undefined;
    }
    seenOnce.delete(text);
    const next = `rt_${names.size + 1}`;
    names.set(text, next);
    return next;
  };
}

/** Searches by words or patterns: each is planned for its own words, every time. */
export const plannedPerValue = (text: string) => /@@|similarity\(|\bi?like\b|~\*|<->|<%|%>/i.test(text);

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/**
 * The statement with each `limit $n` whose value is a whole number written as that number, and
 * the other parameters renumbered. A parameter that also appears elsewhere is left as it is.
 */
export function withLiteralLimits(text: string, values: readonly unknown[]): { text: string; values: unknown[] } {
  const uses = new Map<number, number>();
  for (const [, n] of text.matchAll(/\$(\d+)\b/g)) uses.set(Number(n), (uses.get(Number(n)) ?? 0) + 1);
  const literal = new Set<number>();
  for (const [, n] of text.matchAll(/\blimit \$(\d+)\b/gi)) {
    if (uses.get(Number(n)) === 1 && isCount(values[Number(n) - 1])) literal.add(Number(n));
  }
  if (literal.size === 0) return { text, values: [...values] };
  const kept: unknown[] = [];
  const renumbered = new Map<number, number>();
  values.forEach((value, i) => {
    if (literal.has(i + 1)) return;
    kept.push(value);
    renumbered.set(i + 1, kept.length);
  });
  const out = text.replace(/\$(\d+)\b/g, (token, n: string) => {
    const index = Number(n);
    if (literal.has(index)) return String(values[index - 1]);
    return renumbered.has(index) ? `$${renumbered.get(index)}` : token;
  });
  return { text: out, values: kept };
}

/** Sends a pooled client's statements with literal limits, and its repeated ones by name. Calls that name their own are left alone. */
export function nameRepeatedStatements(client: Queryable, nameFor: (text: string) => string | undefined) {
  const query = client.query.bind(client);
  client.query = (config: unknown, ...rest: unknown[]) => {
    const c = config as QueryConfig | null;
    if (!c || typeof c !== "object" || typeof c.text !== "string" || c.name || plannedPerValue(c.text)) return query(config, ...rest);
    const [values, ...after] = rest;
    if (Array.isArray(values)) {
      const statement = withLiteralLimits(c.text, values);
      return query({ ...c, text: statement.text, name: nameFor(statement.text) }, statement.values, ...after);
    }
    if (Array.isArray(c.values)) {
      const statement = withLiteralLimits(c.text, c.values);
      return query({ ...c, ...statement, name: nameFor(statement.text) }, ...rest);
    }
    return query({ ...c, name: nameFor(c.text) }, ...rest);
  };
}
