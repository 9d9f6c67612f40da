import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/**
 * `column = 'value'` with the value written into the statement, for a fixed state from the code
 * (never input). The planner then knows it in a plan it keeps for a named statement, and can use
 * a partial index on that state; a parameter would hide it.
 */
export function hasState(column: SQLWrapper, value: string): SQL {
  if (!/^[a-z_]+$/.test(value)) throw new Error(`Not a state name: ${value}`);
  return sql`${column} = ${sql.raw(`'${value}'`)}`;
}
