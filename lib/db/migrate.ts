import path from "node:path";
import { sql } from "drizzle-orm";
import { selectRows } from "./rows";
import type { DbHandle } from "./types";

export const migrationsFolder = path.join(process.cwd(), "drizzle");

/** Applies the committed migrations in `drizzle/`. Safe to run again: applied ones are skipped. */
export async function migrate(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder };
  switch (handle.driver) {
    case "pglite": {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      return migrate(handle.db as never, config);
    }
    case "neon": {
      const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
      return migrate(handle.db as never, config);
    }
    case "pg": {
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      return migrate(handle.db as never, config);
    }
  }
}

/**
 * Gathers the planner's statistics for every table that holds rows but has none: after a restore
 * from a dump (which carries no statistics) or a bulk load, until autovacuum gets round to them.
 * Without them the planner takes every word for a rare one, and a search for a common word
 * fetched all its matches through the full-text index (seconds at a million posts) instead of
 * walking the newest posts (milliseconds). Run at deploy, after the migrations.
 */
export async function analyseTablesWithoutStatistics(handle: DbHandle): Promise<string[]> {
  const tables = await selectRows<{ name: string }>(
    handle.db,
    sql`select c.relname as name from pg_class c
      where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace and pg_relation_size(c.oid) > 0
        and not exists (select 1 from pg_stats s where s.schemaname = 'public' and s.tablename = c.relname)
      order by c.relname`,
  );
  for (const { name } of tables) await handle.db.execute(sql`analyze ${sql.identifier(name)}`);
  return tables.map((t) => t.name);
}
