import { defineConfig } from "@playwright/test";
import config from "./playwright.config";
import { baseURL } from "./e2e/support/paths";

// The whole suite as it would run deployed: two production servers on one PostgreSQL database
// (PG_URL), each request sent to them in turn by a proxy on E2E_PORT, through the Neon
// serverless driver with E2E_DRIVER=neon:
// `PG_URL=… E2E_DRIVER=neon npx playwright test -c playwright.alternating.config.ts`.
export default defineConfig({
  ...config,
  webServer: {
    ...config.webServer,
    command: "npx tsx e2e/support/two-servers.ts",
    env: { NEXT_TELEMETRY_DISABLED: "1", SKIP_BUILD_TYPECHECK: "1", E2E_ALTERNATE: "1" },
    url: `${baseURL}/api/health`,
  },
});
