import { randomBytes } from "node:crypto";
import pg from "pg";

const TEMPLATE = "roundtable_test_template";

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates and migrates the template database that each test file copies. */
export async function createTemplate(url: string): Promise<string> {
  await admin(url, async (c) => {
    await c.query(`drop database if exists ${TEMPLATE} with (force)`);
    await c.query(`create database ${TEMPLATE}`);
  });
  const templateUrl = withDatabase(url, TEMPLATE);
  const { openNodePostgres } = await import("@/lib/db/drivers/node-postgres");
  const { migrate } = await import("@/lib/db/migrate");
  const handle = openNodePostgres(templateUrl);
  try {
    await migrate(handle);
  } finally {
    await handle.close();
  }
  return TEMPLATE;
}

/** A fresh database copied from the template, and a function that drops it. */
export async function createTestDatabase(url: string, template: string) {
  const name = `roundtable_test_${randomBytes(6).toString("hex")}`;
  await admin(url, (c) => c.query(`create database ${name} template ${template}`));
  return {
    url: withDatabase(url, name),
    drop: () => admin(url, (c) => c.query(`drop database if exists ${name} with (force)`)),
  };
}
