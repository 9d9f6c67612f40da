import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./scripts/chromium";
import { baseURL } from "./e2e/support/paths";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
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
    command: process.env.E2E_SKIP_BUILD ? "npx tsx e2e/support/server.ts" : "npx next build && npx tsx e2e/support/server.ts",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI && Boolean(process.env.E2E_REUSE),
    stdout: "pipe",
    stderr: "pipe",
  },
});
