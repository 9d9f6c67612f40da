import { Column, is, SQL, sql, type SQLWrapper } from "drizzle-orm";
import { selectRows } from "./rows";
import type { Db } from "./types";

// Several small lists in one statement: each list is a column holding its rows as a JSON array,
// built from the same query (the same scope, order and limit) as when it is sent alone.

/** Fields as a select names them: columns, or SQL of a known type. */
export type JsonFields = Record<string, Column | SQL | SQL.Aliased>;

/** The fields of a row as one JSON object, each named by its key: the one field of a query for jsonList. */
export function jsonRow(fields: JsonFields): { entry: SQL.Aliased<unknown> } {
  const pairs = Object.entries(fields).map(([key, field]) => {
    // Keys are names in the code, never input; written as literals, they keep the statement's text fixed.
    if (!/^\w+$/.test(key)) throw new Error(`Not a field name: ${key}`);
    return sql`${sql.raw(`'${key}'`)}, ${is(field, SQL.Aliased) ? field.sql : field}`;
  });
  return { entry: sql`json_build_object(${sql.join(pairs, sql`, `)})`.as("entry") };
}

/**
 * The rows of a query that selects `jsonRow(...)`, as one JSON array in the query's own order,
 * for a column of another statement. Its aggregate reads the ordered subquery alone (no join
 * around it), so the order is kept.
 */
export function jsonList(query: SQLWrapper): SQL<unknown[]> {
  return sql`(select coalesce(json_agg(list.entry), '[]'::json) from ${query} list)`;
}

/** A raw query's rows, each as a JSON object named by its output columns, for a column of another statement. */
export function jsonListOf(query: SQL): SQL<unknown[]> {
  return sql`(select coalesce(json_agg(list), '[]'::json) from (${query}) list)`;
}

/**
 * Rows read back from a jsonList column, each field decoded as drizzle decodes it when the query
 * is sent alone: dates from their ISO text, for instance. Pass the same fields that built them.
 */
export function fromJsonRows<T>(fields: JsonFields, rows: unknown[]): T[] {
  const decoders = Object.entries(fields).map(([key, field]) => [key, is(field, Column) ? field : null] as const);
  return rows.map((row) => {
    const values = row as Record<string, unknown>;
    const decoded: Record<string, unknown> = {};
    for (const [key, column] of decoders) {
      const value = values[key] ?? null;
      decoded[key] = value !== null && column ? column.mapFromDriverValue(value) : value;
    }
    return decoded as T;
  });
}

/** Sends one column of this kind alone: for a list that a page also asks for on its own. */
export async function selectJson<T>(db: Db, column: SQL<T>): Promise<T> {
  const [row] = await selectRows<{ value: T }>(db, sql`select ${column} as value`);
  return row!.value;
}

/** Sends several columns of this kind as one statement, each named by its key: one row back. */
export async function selectColumns<T>(db: Db, columns: Record<string, SQL>): Promise<T> {
  const list = Object.entries(columns).map(([name, column]) => sql`${column} as ${sql.identifier(name)}`);
  const [row] = await selectRows<T>(db, sql`select ${sql.join(list, sql`, `)}`);
  return row!;
}
