import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/** npm run screenshots: the same server as the e2e suite, running only the screenshot script. */
export default defineConfig({
  ...base,
  testDir: "e2e/tools",
  testMatch: "screenshots.ts",
  use: { ...base.use, trace: "off" },
});
