import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm/logger";

type Tally = { count: number; queries: string[]; params: unknown[][] };
const tally = new AsyncLocalStorage<Tally>();

/** A drizzle logger that records queries, only inside countQueries(); otherwise it does nothing. */
export const queryCounter: Logger = {
  logQuery(query: string, params: unknown[]) {
    const current = tally.getStore();
    if (current) {
      current.count += 1;
      current.queries.push(query);
      current.params.push(params);
    }
  },
};

/** Runs `work` and reports the database queries it made, with their parameters. For tests and benchmarks. */
export async function countQueries<T>(work: () => Promise<T>): Promise<Tally & { result: T }> {
  const current: Tally = { count: 0, queries: [], params: [] };
  const result = await tally.run(current, work);
  return { ...current, result };
}
