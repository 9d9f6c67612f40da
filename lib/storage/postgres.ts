import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { storedChunks } from "@/lib/db/schema";
import type { ObjectStore, StoredObject } from "./object-store";

/** Rows of at most this many bytes, so that no single value is huge for the driver or for TOAST. */
export const CHUNK_BYTES = 256 * 1024;

/** Bytes kept in Postgres, in chunks: the default, which needs no other service. */
export class PostgresStore implements ObjectStore {
  readonly name = "postgres" as const;

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const db = await getDb();
    const rows: { key: string; seq: number; data: Uint8Array }[] = [];
    for (let seq = 0, at = 0; at < bytes.length || seq === 0; seq++, at += CHUNK_BYTES) {
      rows.push({ key, seq, data: bytes.subarray(at, at + CHUNK_BYTES) });
    }
    await db.transaction(async (tx) => {
      await tx.delete(storedChunks).where(eq(storedChunks.key, key));
      for (const row of rows) await tx.insert(storedChunks).values(row);
    });
  }

  async get(key: string): Promise<StoredObject | null> {
    const db = await getDb();
    const rows = await db.select({ data: storedChunks.data }).from(storedChunks).where(eq(storedChunks.key, key)).orderBy(asc(storedChunks.seq));
    if (rows.length === 0) return null;
    const bytes = Buffer.concat(rows.map((r) => Buffer.from(r.data)));
    return { bytes, size: bytes.length };
  }

  async delete(key: string): Promise<void> {
    const db = await getDb();
    await db.delete(storedChunks).where(eq(storedChunks.key, key));
  }
}
