import { env } from "@/lib/env";
import type { ObjectStore } from "./object-store";

// One small interface for where file bytes live. Downloads always go through the app, which
// checks the policy on every request: no store hands out public or guessable addresses.
//   postgres (default): the bytes in the database, in chunks. No other service, and it works
//                       on serverless platforms, where local files do not last.
//   s3:                 S3-compatible object storage (AWS S3, Cloudflare R2, MinIO…).

export type { ObjectStore, StoredObject } from "./object-store";

const store = globalThis as typeof globalThis & { __roundtableStore?: Promise<ObjectStore> };

/** The configured store, made on first use. */
export function objectStore(): Promise<ObjectStore> {
  store.__roundtableStore ??= open();
  return store.__roundtableStore;
}

/** Uses this store from now on, instead of the one the settings name (tests run both). */
export function useObjectStore(chosen: ObjectStore | null) {
  store.__roundtableStore = chosen ? Promise.resolve(chosen) : undefined;
}

async function open(): Promise<ObjectStore> {
  const e = env();
  if (e.fileStorage === "s3") {
    const { S3Store } = await import("./s3");
    return new S3Store({
      bucket: e.S3_BUCKET!,
      region: e.S3_REGION,
      endpoint: e.S3_ENDPOINT,
      forcePathStyle: e.S3_FORCE_PATH_STYLE === "true",
      credentials: e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } : undefined,
    });
  }
  const { PostgresStore } = await import("./postgres");
  return new PostgresStore();
}
