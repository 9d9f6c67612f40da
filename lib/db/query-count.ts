import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm/logger";

type Tally = { count: number; queries: string[] };
const tally = new AsyncLocalStorage<Tally>();

/** A drizzle logger that counts queries, only inside countQueries(); otherwise it does nothing. */
export const queryCounter: Logger = {
  logQuery(query: string) {
    const current = tally.getStore();
    if (current) {
      current.count += 1;
      current.queries.push(query);
    }
  },
};

/** Runs `work` and reports how many database queries it made. For tests and benchmarks. */
export async function countQueries<T>(work: () => Promise<T>): Promise<Tally & { result: T }> {
  const current: Tally = { count: 0, queries: [] };
  const result = await tally.run(current, work);
  return { ...current, result };
}
