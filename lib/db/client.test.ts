import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { chooseDriver, getDb, getDbHandle } from "./client";
import { communities } from "./schema";
import { selectRows } from "./rows";

describe("choosing the database driver", () => {
  const cases: [Record<string, string>, string][] = [
    [{}, "pglite"],
    [{ DATABASE_URL: "postgres://u:p@db.internal:5432/app" }, "pg"],
    [{ DATABASE_URL: "postgresql://u:p@localhost/app" }, "pg"],
    [{ DATABASE_URL: "postgres://u:p@ep-cool-1234.eu-west-2.aws.neon.tech/app" }, "neon"],
    [{ DATABASE_URL: "postgres://u:p@localhost/app", DATABASE_DRIVER: "neon" }, "neon"],
    [{ DATABASE_URL: "postgres://u:p@localhost/app", DATABASE_DRIVER: "pglite" }, "pglite"],
  ];
  for (const [vars, driver] of cases) {
    it(`${JSON.stringify(vars)} → ${driver}`, () => {
      expect(chooseDriver(parseEnv({ NODE_ENV: "test", ...vars }))).toBe(driver);
    });
  }
});

describe("the database this suite runs on", () => {
  it("is the one the environment asks for, and answers real queries", async () => {
    const handle = await getDbHandle();
    const expected = !process.env.TEST_DATABASE_URL
      ? "pglite"
      : process.env.DATABASE_DRIVER === "neon"
        ? "neon"
        : "pg";
    expect(handle.driver).toBe(expected);
    const [row] = await selectRows<{ version: string }>(handle.db, sql`select version() as version`);
    expect(row?.version).toMatch(/PostgreSQL/);
  });

  it("rolls a failed transaction back completely", async () => {
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(communities).values({ slug: "rollback-check", name: "Rollback check" });
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    const rows = await db.select().from(communities).where(sql`slug = 'rollback-check'`);
    expect(rows).toHaveLength(0);
  });

  it("has the migrations' extensions, such as pg_trgm", async () => {
    const db = await getDb();
    const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`);
    expect(row?.n).toBe(1);
  });
});
