import { afterAll, beforeAll, inject } from "vitest";
import { closeDb } from "@/lib/db/client";

// Each test file gets its own empty, migrated database: an in-memory PGlite by default, or
// a copy of the migrated template on the Postgres named by TEST_DATABASE_URL.
let drop: (() => Promise<unknown>) | undefined;

// Most tests act faster than any person could; the rate-limit tests switch limits back on.
process.env.RATE_LIMITS = "off";
// Mail lands in the dev outbox table, where tests read it (test/support/mail.ts).
process.env.DEV_OUTBOX = "on";

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    process.env.PGLITE_DIR = "memory://";
    delete process.env.DATABASE_URL;
    // A copy of the database migrated once for the whole run (see global-setup.ts).
    process.env.PGLITE_TEMPLATE = inject("pgliteTemplate");
    return;
  }
  const { createTestDatabase } = await import("./postgres");
  const database = await createTestDatabase(url, inject("templateDatabase"));
  drop = database.drop;
  process.env.DATABASE_URL = database.url;
  const proxy = inject("neonWsProxy");
  if (proxy) process.env.NEON_WS_PROXY = proxy;
});

afterAll(async () => {
  await closeDb();
  await drop?.();
});
