import type { TestProject } from "vitest/node";
import { startWsProxy } from "./ws-proxy";

/**
 * With TEST_DATABASE_URL, the suite runs on a real Postgres: a template database is
 * migrated once here and each test file gets a fresh copy of it (see setup.ts). With
 * DATABASE_DRIVER=neon, the Neon driver reaches that Postgres through a local
 * WebSocket-to-TCP proxy started here.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const { createTemplate } = await import("./postgres");
  const template = await createTemplate(url);
  project.provide("templateDatabase", template);
  if (process.env.DATABASE_DRIVER === "neon") {
    const proxy = await startWsProxy();
    project.provide("neonWsProxy", `localhost:${proxy.port}/v1`);
    return () => proxy.close();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    neonWsProxy: string;
  }
}
