import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDbHandle } from "./client";
import { analyseTablesWithoutStatistics } from "./migrate";
import { selectRows } from "./rows";

// A table that holds rows and has never been analysed, as after a restore or a bulk load.
const table = "statistics_probe_for_test";

describe("gathering statistics at deploy", () => {
  afterAll(async () => (await getDbHandle()).db.execute(sql`drop table if exists ${sql.identifier(table)}`));

  it("analyses a table that holds rows and has none, and leaves it alone once it has them", async () => {
    const handle = await getDbHandle();
    await handle.db.execute(sql`create table ${sql.identifier(table)} as select g as n from generate_series(1, 500) g`);
    const statistics = async () => (await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from pg_stats where schemaname = 'public' and tablename = ${table}`))[0]!.n;
    expect(await statistics()).toBe(0);
    expect(await analyseTablesWithoutStatistics(handle)).toContain(table);
    expect(await statistics()).toBe(1);
    expect(await analyseTablesWithoutStatistics(handle)).not.toContain(table);
  });
});
