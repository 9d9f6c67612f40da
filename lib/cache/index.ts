import { LRUCache } from "lru-cache";

// A cache for the parts of pages that are the same for every reader, such as a community's
// feed. Only data with no viewer in it goes in, and the policy check always runs first, per
// request. Entries are keyed by the community's content version, which every change to what
// the feed shows bumps in its own transaction: a reader who sees the new version can never be
// served the old data, so a hidden post disappears at once, with no invalidation race.
//
// It is a bounded LRU in this instance's memory: no disk (Next's unstable_cache writes its
// entries under .next/cache when self-hosted), no JSON round trip on every hit, and a fixed
// ceiling on what it holds. A serverless instance starts empty and fills as it serves; nothing
// in it is ever needed for correctness. Each community keeps one entry per key, holding the
// version it was loaded for: a newer version replaces it rather than sitting beside it.
// Outside the Next.js server (tests, scripts) it reads straight through.
//
// The ceiling is in bytes as well as entries: a feed page is 25 rows by default but up to 110
// (`limit` and the pinned posts), and any reader can vary the filters and cursor, so a count
// alone would let the cache hold over four times what the default pages need. An entry is measured
// as JSON, which is cheap next to the queries that just loaded it; in the heap it takes about
// twice that. Entries past their time stay until touched or pushed out, so a busy server sits
// at the ceiling: that is the memory it is allowed, not a leak.
//
// The server loads this module once per bundle (pages and route handlers each have their own
// module registry), so the entries live on globalThis, as the database handle does: one
// ceiling and one set of loads for the process, not one per bundle.

const inNextServer = () => Boolean(process.env.NEXT_RUNTIME);

/** Feed pages held at most, over all communities. */
const MAX_ENTRIES = 1000;
/** What the entries may add up to, measured as JSON (a default feed page is about 10–20 KB). */
export const MAX_CACHE_BYTES = 8 * 1024 * 1024;
/** An entry is loaded again after this long even if nothing changed (times such as "2 hours ago" are computed per request). */
const TTL_MS = 5 * 60_000;

// Entries hold settled values only, never a promise: a promise made while a request was being
// rendered carries that request's async context (Next's and React's stores for it), so keeping
// one would keep the whole request, and through it others, for as long as the entry lives.
type Entry = { version: number; value: unknown };
/** An entry's size: its value as JSON, and its key. */
const entrySize = (entry: Entry, key: string) => (JSON.stringify(entry.value)?.length ?? 0) + key.length;
type SharedCache = {
  entries: LRUCache<string, Entry>;
  /** Loads under way, so that misses arriving together share one; each leaves when it settles. */
  inFlight: Map<string, { version: number; value: Promise<unknown> }>;
};
const store = globalThis as typeof globalThis & { __roundtableSharedCache?: SharedCache };
const { entries, inFlight } = (store.__roundtableSharedCache ??= {
  entries: new LRUCache<string, Entry>({ max: MAX_ENTRIES, maxSize: MAX_CACHE_BYTES, sizeCalculation: entrySize, ttl: TTL_MS }),
  inFlight: new Map(),
});

/** Reads through the shared cache for this version of the community's content. */
export async function sharedForCommunity<T>(
  community: { id: string; contentVersion: number },
  key: string[],
  load: () => Promise<T>,
): Promise<T> {
  if (!inNextServer()) return load();
  const name = JSON.stringify([community.id, ...key]);
  const held = entries.get(name);
  if (held && held.version === community.contentVersion) return held.value as T;
  // A reader who loaded the community before a change: served fresh, and the newer entry kept.
  if (held && held.version > community.contentVersion) return load();
  const loading = inFlight.get(name);
  if (loading && loading.version === community.contentVersion) return loading.value as Promise<T>;
  const value = load();
  const version = community.contentVersion;
  inFlight.set(name, { version, value });
  try {
    const loaded = await value;
    const newer = entries.peek(name);
    if (!newer || newer.version <= version) entries.set(name, { version, value: loaded });
    return loaded;
  } finally {
    // A failed load is not kept; a newer version's load may have taken the slot meanwhile.
    if (inFlight.get(name)?.value === value) inFlight.delete(name);
  }
}

/** What the cache holds now, for tests: the entries' values, their size as counted, and the loads under way. */
export function sharedCacheContents(): { values: unknown[]; bytes: number; loading: number } {
  return { values: [...entries.values()].map((entry) => entry.value), bytes: entries.calculatedSize, loading: inFlight.size };
}
