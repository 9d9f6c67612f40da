import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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
  if (!url) return pgliteTemplate(project);
  const { createTemplate } = await import("./postgres");
  const template = await createTemplate(url);
  project.provide("templateDatabase", template);
  if (process.env.DATABASE_DRIVER === "neon") {
    const proxy = await startWsProxy();
    project.provide("neonWsProxy", `localhost:${proxy.port}/v1`);
    return () => proxy.close();
  }
}

/**
 * On the embedded database, each test file starts from a copy of one database migrated here:
 * loading a copy takes a fraction of the time of creating and migrating a new one.
 */
async function pgliteTemplate(project: TestProject) {
  const { openPglite } = await import("@/lib/db/drivers/pglite");
  const { migrate } = await import("@/lib/db/migrate");
  const handle = await openPglite("memory://");
  await migrate(handle);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "roundtable-test-")), "template.tar");
  writeFileSync(file, Buffer.from(await (await handle.dump()).arrayBuffer()));
  await handle.close();
  project.provide("pgliteTemplate", file);
  return () => rmSync(path.dirname(file), { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    templateDatabase: string;
    neonWsProxy: string;
  }
}
