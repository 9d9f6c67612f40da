import { desc } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { devOutbox } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { devOutboxEnabled } from "./send";

/** The development outbox, newest first, with the links in each message. Never in production. */
export async function listDevOutbox(limit = 50) {
  if (!devOutboxEnabled()) throw notFound();
  const db = await getDb();
  const rows = await db.select().from(devOutbox).orderBy(desc(devOutbox.createdAt)).limit(limit);
  return rows.map((row) => ({ ...row, links: row.text.match(/https?:\/\/\S+/g) ?? [] }));
}
