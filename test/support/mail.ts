import { desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { devOutbox } from "@/lib/db/schema";

/** The newest message to an address in the dev outbox, with the links in it. */
export async function lastMailTo(to: string) {
  const db = await getDb();
  const [row] = await db.select().from(devOutbox).where(eq(devOutbox.to, to)).orderBy(desc(devOutbox.createdAt)).limit(1);
  if (!row) throw new Error(`No mail to ${to}`);
  return { ...row, links: row.text.match(/https?:\/\/\S+/g) ?? [] };
}

export function tokenFrom(link: string): string {
  return link.split("/invitations/")[1] ?? "";
}
