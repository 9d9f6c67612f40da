import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./scripts/chromium";
import { baseURL } from "./e2e/support/paths";

export default defineConfig({
  testDir: "e2e",
  // Needs two servers on PostgreSQL: run by playwright.two-servers.config.ts.
  testIgnore: "two-servers.spec.ts",
  // Sized for a 2-core machine shared with other work: the longest journeys take about 20 s
  // when it is idle and three times that when it is busy.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  // Two browsers against one server keep both cores busy without starving the server.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [["list"], ["./e2e/support/axe-coverage-reporter.ts"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "npx tsx e2e/support/server.ts",
    url: `${baseURL}/api/health`,
    // A production build can take several minutes on a busy machine.
    timeout: 900_000,
    // Types are checked by `npm run typecheck`, not again by the test build.
    env: { NEXT_TELEMETRY_DISABLED: "1", SKIP_BUILD_TYPECHECK: "1" },
    reuseExistingServer: !process.env.CI && Boolean(process.env.E2E_REUSE),
    stdout: "pipe",
    stderr: "pipe",
  },
});
