import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { isTimeZone, zoneOrDefault } from "@/lib/events/time";
import { users } from "@/lib/db/schema";
import { assertActiveViewer, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";

const timeZoneSchema = z.object({
  timeZone: z.string({ error: "Choose a time zone." }).trim().refine(isTimeZone, "Choose a time zone from the list."),
});

/**
 * The member's time zone setting as a column of another statement, for a list that shows times:
 * zoneOrDefault(rows[0]?.readerZone) then costs no statement of its own (an empty list needs no zone).
 */
export function readerTimeZoneColumn(viewer: Viewer) {
  return sql<string | null>`(select ${users.timeZone} from ${users} where ${users.id} = ${viewer.id})`;
}

/** The zone the member reads times in: their setting, or Europe/London. */
export async function readerTimeZone(viewer: Viewer, db?: Db): Promise<string> {
  db ??= await getDb();
  const [row] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, viewer.id));
  return zoneOrDefault(row?.timeZone);
}

export async function updateTimeZone(viewer: Viewer, input: unknown) {
  assertActiveViewer(viewer);
  const { timeZone } = parseInput(timeZoneSchema, input);
  const db = await getDb();
  await db.update(users).set({ timeZone }).where(eq(users.id, viewer.id));
  return { timeZone };
}
