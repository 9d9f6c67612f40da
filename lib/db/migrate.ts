import path from "node:path";
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
