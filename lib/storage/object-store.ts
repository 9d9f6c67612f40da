// What every store of file bytes offers: see index.ts for the stores and how one is chosen.

export type StoredObject = { bytes: Uint8Array; size: number };

export interface ObjectStore {
  readonly name: "postgres" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none under that key. */
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
}
