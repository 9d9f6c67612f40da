import { defineConfig } from "@playwright/test";
import config from "./playwright.config";
import { baseURL } from "./e2e/support/paths";

// Two production servers on one PostgreSQL database (PG_URL), with journeys whose requests
// alternate between them: `PG_URL=… npx playwright test -c playwright.two-servers.config.ts`.
// The spec waits for the second server itself.
export default defineConfig({
  ...config,
  testIgnore: [],
  testMatch: "two-servers.spec.ts",
  webServer: { ...config.webServer, command: "npx tsx e2e/support/two-servers.ts", url: `${baseURL}/api/health` },
});
