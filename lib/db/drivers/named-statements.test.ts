import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../client";
import { selectRows } from "../rows";
import { nameRepeatedStatements, plannedPerValue, statementNamer, withLiteralLimits } from "./named-statements";

// One connection, so the statements it prepared can be read back from it.
process.env.DATABASE_POOL_MAX = "1";
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe("writing whole-number limits into the statement", () => {
  const cases: [string, unknown[], string, unknown[]][] = [
    ["select a from t where b = $1 limit $2", ["x", 20], "select a from t where b = $1 limit 20", ["x"]],
    ["select a from t where b = $1 limit $2 offset 0", [7, 0], "select a from t where b = $1 limit 0 offset 0", [7]],
    // Both lists of a two-list statement; the parameters after a limit move down.
    ["(select a from t where c = $1 limit $2) union (select a from u where c = $3 limit $4) and d = $5", ["p", 5, "q", 8, "r"], "(select a from t where c = $1 limit 5) union (select a from u where c = $2 limit 8) and d = $3", ["p", "q", "r"]],
    ["select a from t limit $1", [-1], "select a from t limit $1", [-1]],
    ["select a from t limit $1", [2.5], "select a from t limit $1", [2.5]],
    ["select a from t limit $1", ["20"], "select a from t limit $1", ["20"]],
    ["select a from t limit $1", [null], "select a from t limit $1", [null]],
    // The same parameter used elsewhere stays a parameter.
    ["select $1::int as n from t limit $1", [3], "select $1::int as n from t limit $1", [3]],
    ["select a from t where b = $1 and c = $10 limit $11", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 4], "select a from t where b = $1 and c = $10 limit 4", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ["select a from t where b = $1", [1], "select a from t where b = $1", [1]],
  ];
  for (const [text, values, expectedText, expectedValues] of cases) {
    it(`${text} ${JSON.stringify(values)}`, () => {
      expect(withLiteralLimits(text, values)).toEqual({ text: expectedText, values: expectedValues });
    });
  }
});

describe("which statements are named", () => {
  const nameOf = (namer: ReturnType<typeof statementNamer>, text: string, values: unknown[] = []) => namer.prepare(text, values).name;

  it("names a text the second time it is seen, and the same name after", () => {
    const namer = statementNamer();
    expect(nameOf(namer, "select 1")).toBeUndefined();
    const name = nameOf(namer, "select 1");
    expect(name).toMatch(/^rt_\d+$/);
    expect(nameOf(namer, "select 1")).toBe(name);
    expect(nameOf(namer, "select 2")).toBeUndefined();
    expect(nameOf(namer, "select 2")).not.toBe(name);
  });

  it("names at most so many texts, so one-off texts never pile up", () => {
    const namer = statementNamer({ maxNamed: 2, maxSeen: 10 });
    for (const text of ["a", "a", "b", "b"]) nameOf(namer, text);
    expect(nameOf(namer, "c")).toBeUndefined();
    expect(nameOf(namer, "c")).toBeUndefined();
    expect(nameOf(namer, "a")).toBeDefined();
  });

  it("forgets texts seen once when too many wait, so memory stays bounded", () => {
    const namer = statementNamer({ maxNamed: 10, maxSeen: 2 });
    for (const text of ["a", "b", "c"]) nameOf(namer, text);
    expect(nameOf(namer, "a")).toBeUndefined();
    expect(nameOf(namer, "c")).toBeDefined();
  });

  it("writes in the first few limits a statement is sent with, then keeps further ones as parameters", () => {
    const namer = statementNamer({ limitsPerStatement: 2 });
    const sent = [5, 10, 5, 99, 10].map((limit) => namer.prepare("select a from t where b = $1 limit $2", ["x", limit]));
    expect(sent.map((s) => s.text)).toEqual([
      "select a from t where b = $1 limit 5",
      "select a from t where b = $1 limit 10",
      "select a from t where b = $1 limit 5",
      "select a from t where b = $1 limit $2",
      "select a from t where b = $1 limit 10",
    ]);
    expect(sent[3]!.values).toEqual(["x", 99]);
    expect(sent[2]!.name).toBeDefined();
  });

  it("stops naming a text the server can no longer run as prepared", () => {
    const namer = statementNamer();
    nameOf(namer, "select 1");
    expect(nameOf(namer, "select 1")).toBeDefined();
    namer.refuse("select 1");
    expect(nameOf(namer, "select 1")).toBeUndefined();
    expect(nameOf(namer, "select 1")).toBeUndefined();
  });

  it("leaves searches by words or patterns unnamed, each planned for its own words", () => {
    for (const text of ["select 1 from posts where search @@ websearch_to_tsquery('english', $1)", "select 1 from c where name ilike $1", "select similarity(name, $1) from c", "select 1 from c where name % $1 order by name <-> $1"]) {
      expect(plannedPerValue(text), text).toBe(true);
    }
    expect(plannedPerValue("select id from memberships where user_id = $1 and status = 'active' limit 5")).toBe(false);
  });

  it("passes a call that names its own statement, sends plain text, streams or searches by words, as it is", () => {
    const calls: unknown[][] = [];
    const client = { query: (...args: unknown[]) => calls.push(args) };
    nameRepeatedStatements(client, statementNamer());
    const cursor = { text: "select $1 limit $2", submit: () => undefined };
    const search = { text: "select 1 from c where name ilike $1 limit $2" };
    client.query({ name: "mine", text: "select $1 limit $2" }, [1, 2]);
    client.query("select 1");
    client.query(cursor, [1, 2]);
    client.query(search, ["%a%", 5]);
    expect(calls).toEqual([[{ name: "mine", text: "select $1 limit $2" }, [1, 2]], ["select 1"], [cursor, [1, 2]], [search, ["%a%", 5]]]);
  });

  it("sends a text unnamed after the server said its prepared copy cannot run", async () => {
    const sent: { name?: string }[] = [];
    const client = {
      query: (config: unknown, ..._values: unknown[]) => {
        sent.push(config as { name?: string });
        return sent.length === 2 ? Promise.reject(Object.assign(new Error("cached plan must not change result type"), { code: "0A000" })) : Promise.resolve({ rows: [] });
      },
    };
    nameRepeatedStatements(client, statementNamer());
    const config = { text: "select a from t" };
    await client.query(config, []);
    await expect(client.query(config, [])).rejects.toMatchObject({ code: "0A000" });
    await client.query(config, []);
    expect(sent.map((c) => c.name)).toEqual([undefined, "rt_1", undefined]);
  });
});

describe.skipIf(!onPostgres)("named statements on PostgreSQL", () => {
  const multiples = (of: number, below: number) =>
    sql`select n from generate_series(1, ${below}::int) n where n % ${of}::int = 0 order by n limit ${3}`;
  const prepared = async (like: string) =>
    selectRows<{ statement: string; runs: number }>(
      await getDb(),
      sql`select statement, (generic_plans + custom_plans)::int as runs from pg_prepared_statements where statement like ${like}`,
    );

  it("prepares a repeated statement once, with its limit written in, and answers each call with its own values", async () => {
    const db = await getDb();
    const answers = [];
    for (const [of, below] of [[2, 10], [3, 20], [5, 100], [7, 10]]) answers.push((await selectRows<{ n: number }>(db, multiples(of!, below!))).map((r) => r.n));
    expect(answers).toEqual([[2, 4, 6], [3, 6, 9], [5, 10, 15], [7]]);
    const [statement, ...others] = await prepared("%generate_series(1, $1::int)%");
    expect(others).toEqual([]);
    expect(statement!.statement).toMatch(/limit 3$/);
    // Sent unnamed the first time, then prepared and run three times.
    expect(statement!.runs).toBe(3);
  });

  it("answers with the database's error each time a prepared statement fails, and goes on working", async () => {
    const db = await getDb();
    const divide = (by: number) => sql`select 10 / ${by}::int as q`;
    for (let i = 0; i < 3; i++) await expect(selectRows(db, divide(0))).rejects.toMatchObject({ cause: expect.objectContaining({ code: "22012" }) });
    expect(await selectRows(db, divide(5))).toEqual([{ q: 2 }]);
  });

  it("never prepares a search by words", async () => {
    const db = await getDb();
    const search = (word: string) => sql`select count(*)::int as n from posts where search_vector @@ plainto_tsquery('english', ${word})`;
    for (const word of ["budget", "budget", "housing"]) await selectRows(db, search(word));
    expect(await prepared("%plainto_tsquery%")).toEqual([]);
  });
});
