import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/setup.ts"],
    pool: "forks",
    // On PostgreSQL, two test files at a time, each on its own database. Vitest's default is one
    // fewer than the cores, one on a 2-core machine, where a file mostly waits on PostgreSQL (or
    // the Neon driver's round trips) while the other core idles. The embedded database works in
    // the test's own process, so it keeps the default. VITEST_MAX_WORKERS overrides both.
    ...(process.env.TEST_DATABASE_URL ? { maxWorkers: 2 } : {}),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
