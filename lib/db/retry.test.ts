import { describe, expect, it } from "vitest";
import { retryingTransactions, sqlState } from "./retry";
import type { DbHandle } from "./types";

/** A stand-in handle whose transaction fails with these SQLSTATEs first, then succeeds. */
function failingFirst(codes: string[]) {
  let calls = 0;
  const db = {
    transaction: async (work: (tx: unknown) => Promise<unknown>) => {
      const code = codes[calls++];
      if (code) throw Object.assign(new Error("Failed query"), { cause: Object.assign(new Error(code), { code }) });
      return work("tx");
    },
  };
  const handle = retryingTransactions({ db, driver: "pg", close: async () => {} } as unknown as DbHandle);
  return { run: () => handle.db.transaction(async () => "done"), calls: () => calls };
}

describe("transactions PostgreSQL aborts to break a deadlock", () => {
  it("finds the SQLSTATE through drizzle's wrapper", () => {
    expect(sqlState({ message: "Failed query", cause: { code: "40P01" } })).toBe("40P01");
    expect(sqlState(new Error("plain"))).toBeUndefined();
  });

  it("are run again, and succeed once the other transaction has gone", async () => {
    const t = failingFirst(["40P01", "40001"]);
    expect(await t.run()).toBe("done");
    expect(t.calls()).toBe(3);
  });

  it("give up after four attempts, and other errors are never repeated", async () => {
    const deadlocks = failingFirst(["40P01", "40P01", "40P01", "40P01", "40P01"]);
    await expect(deadlocks.run()).rejects.toThrow("Failed query");
    expect(deadlocks.calls()).toBe(4);
    const unique = failingFirst(["23505"]);
    await expect(unique.run()).rejects.toThrow("Failed query");
    expect(unique.calls()).toBe(1);
  });
});
