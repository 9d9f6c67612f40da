// Statements a server sends again and again go as named (prepared) statements: each connection
// parses one once, and PostgreSQL may keep a generic plan for it, which saves planning a long
// statement on every request. A text is named the second time it is seen, and at most
// `maxNamed` texts in all, so one-off texts never pile up on a connection.
//
// PostgreSQL keeps a generic plan only when it costs about as much as planning each time. A
// LIMIT given as a parameter is unknown to a generic plan, which then expects a tenth of the
// rows and is judged too dear: so whole-number limits are written into the text instead, for
// the first few limits each statement is sent with (a page size a reader may choose would
// otherwise make a text for every size).
// Statements whose best plan depends on the words sought (full-text and pattern searches) are
// left as they are, unnamed: one kept plan cannot suit both a rare word and a common one.

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown; submit?: unknown };
type Queryable = { query: (config: unknown, ...rest: unknown[]) => unknown };
type Statement = { text: string; values: unknown[] };

/** Searches by words or patterns: each is planned for its own words, every time. */
export const plannedPerValue = (text: string) => /@@|similarity\(|\bi?like\b|~\*|<->|<%|%>/i.test(text);

/** Decides the name a statement's text is sent under, or none (sent unnamed, as before). */
export function statementNamer({ maxNamed = 200, maxSeen = 500, limitsPerStatement = 3 } = {}) {
  const names = new Map<string, string>();
  const seenOnce = new Set<string>();
  const refused = new Set<string>();
  const limitTexts = new Map<string, Set<string>>();
  let count = 0;

  const nameFor = (text: string): string | undefined => {
    const name = names.get(text);
    if (name) return name;
    if (names.size >= maxNamed || refused.has(text)) return undefined;
    if (!seenOnce.has(text)) {
      if (seenOnce.size >= maxSeen) seenOnce.clear();
      seenOnce.add(text);
      return undefined;
    }
    seenOnce.delete(text);
    count += 1;
    names.set(text, `rt_${count}`);
    return `rt_${count}`;
  };

  return {
    /** The statement to send: limits written in while this text has few variants, and its name. */
    prepare(text: string, values: unknown[]): Statement & { name?: string } {
      const literal = withLiteralLimits(text, values);
      let statement: Statement = { text, values };
      if (literal.text !== text) {
        let variants = limitTexts.get(text);
        if (!variants && limitTexts.size < maxSeen) limitTexts.set(text, (variants = new Set()));
        if (variants && (variants.has(literal.text) || variants.size < limitsPerStatement)) {
          variants.add(literal.text);
          statement = literal;
        }
      }
      return { ...statement, name: nameFor(statement.text) };
    },
    /** A named statement the server will no longer run as prepared (its result type changed): never name it again. */
    refuse(text: string) {
      names.delete(text);
      refused.add(text);
    },
  };
}

export type StatementNamer = ReturnType<typeof statementNamer>;

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/**
 * The statement with each `limit $n` whose value is a whole number written as that number, and
 * the other parameters renumbered. A parameter that also appears elsewhere is left as it is.
 */
export function withLiteralLimits(text: string, values: readonly unknown[]): Statement {
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

// "cached plan must not change result type" (a column's type changed under a running server)
// and "prepared statement does not exist": the prepared copy is unusable; send the text unnamed from now on.
const UNUSABLE = new Set(["0A000", "26000"]);

/**
 * Sends a pooled client's statements through the namer. Calls that name their own, pass plain
 * text, stream (a cursor) or search by words are left alone.
 */
export function nameRepeatedStatements(client: Queryable, namer: StatementNamer) {
  const query = client.query.bind(client);
  client.query = (config: unknown, ...rest: unknown[]) => {
    const c = config as QueryConfig | null;
    if (!c || typeof c !== "object" || typeof c.text !== "string" || c.name || typeof c.submit === "function" || plannedPerValue(c.text)) {
      return query(config, ...rest);
    }
    const text = c.text;
    const [second, ...after] = rest;
    const valuesInConfig = !Array.isArray(second);
    const values = valuesInConfig ? c.values : second;
    if (values !== undefined && !Array.isArray(values)) return query(config, ...rest);
    const statement = namer.prepare(text, values ?? []);
    const sent = valuesInConfig
      ? query({ ...c, text: statement.text, values: values && statement.values, name: statement.name }, ...rest)
      : query({ ...c, text: statement.text, name: statement.name }, statement.values, ...after);
    if (statement.name && sent instanceof Promise) {
      return sent.catch((error: { code?: string }) => {
        if (error?.code && UNUSABLE.has(error.code)) namer.refuse(statement.text);
        throw error;
      });
    }
    return sent;
  };
}
