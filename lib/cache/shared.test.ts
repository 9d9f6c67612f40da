import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_CACHE_BYTES, sharedCacheContents, sharedForCommunity } from "./index";

// The shared cache as the Next.js server uses it: keyed by the community's content version.

describe("the shared cache for a community's feed", () => {
  beforeEach(() => {
    process.env.NEXT_RUNTIME = "nodejs";
  });
  afterEach(() => {
    delete process.env.NEXT_RUNTIME;
  });

  it("serves one load to every reader of the same version, and loads again for a new one", async () => {
    let loads = 0;
    const load = async () => ({ loaded: ++loads });
    const community = { id: "c-1", contentVersion: 1 };
    const [a, b] = await Promise.all([sharedForCommunity(community, ["feed"], load), sharedForCommunity(community, ["feed"], load)]);
    expect([a, b, loads]).toEqual([{ loaded: 1 }, { loaded: 1 }, 1]);
    expect(await sharedForCommunity({ ...community, contentVersion: 2 }, ["feed"], load)).toEqual({ loaded: 2 });
    // A reader still holding the older version gets a fresh load; the newer entry stays.
    expect(await sharedForCommunity(community, ["feed"], load)).toEqual({ loaded: 3 });
    expect(await sharedForCommunity({ ...community, contentVersion: 2 }, ["feed"], load)).toEqual({ loaded: 2 });
    expect(await sharedForCommunity(community, ["other"], load)).toEqual({ loaded: 4 });
  });

  it("does not keep a failed load", async () => {
    const community = { id: "c-2", contentVersion: 1 };
    await expect(sharedForCommunity(community, ["feed"], () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await sharedForCommunity(community, ["feed"], async () => "up")).toBe("up");
  });

  it("holds a bounded number of entries, dropping the least recently used", async () => {
    let loads = 0;
    for (let i = 0; i < 1001; i++) await sharedForCommunity({ id: `many-${i}`, contentVersion: 1 }, ["feed"], async () => ++loads);
    // The first was dropped to make room for the 1001st: it loads again.
    await sharedForCommunity({ id: "many-0", contentVersion: 1 }, ["feed"], async () => ++loads);
    expect(loads).toBe(1002);
    await sharedForCommunity({ id: "many-1000", contentVersion: 1 }, ["feed"], async () => ++loads);
    expect(loads).toBe(1002);
  });

  it("holds a bounded number of bytes, however large the pages are", async () => {
    // Pages of a tenth of the ceiling each: far fewer than the entry limit fill it.
    const page = (i: number) => ({ rows: [`${i}`.padEnd(MAX_CACHE_BYTES / 10, "x")] });
    let loads = 0;
    for (let i = 0; i < 30; i++) await sharedForCommunity({ id: `big-${i}`, contentVersion: 1 }, ["feed"], async () => (loads++, page(i)));
    const { values, bytes } = sharedCacheContents();
    expect(bytes).toBeLessThanOrEqual(MAX_CACHE_BYTES);
    expect(values.filter((v) => JSON.stringify(v).includes("xxxx")).length).toBeLessThan(10);
    // The newest is still held; the first was pushed out and loads again.
    await sharedForCommunity({ id: "big-29", contentVersion: 1 }, ["feed"], async () => (loads++, page(29)));
    expect(loads).toBe(30);
    await sharedForCommunity({ id: "big-0", contentVersion: 1 }, ["feed"], async () => (loads++, page(0)));
    expect(loads).toBe(31);
  });

  it("serves a page larger than the whole ceiling without keeping it", async () => {
    const huge = { rows: ["y".repeat(MAX_CACHE_BYTES + 1)] };
    let loads = 0;
    const community = { id: "huge-1", contentVersion: 1 };
    expect(await sharedForCommunity(community, ["feed"], async () => (loads++, huge))).toBe(huge);
    await sharedForCommunity(community, ["feed"], async () => (loads++, huge));
    expect(loads).toBe(2);
    expect(sharedCacheContents().bytes).toBeLessThanOrEqual(MAX_CACHE_BYTES);
  });
});

describe("what the shared cache keeps", () => {
  beforeEach(() => {
    process.env.NEXT_RUNTIME = "nodejs";
  });
  afterEach(() => {
    delete process.env.NEXT_RUNTIME;
  });

  it("keeps the loaded value, never the promise of the request that loaded it", async () => {
    // A promise carries the async context it was made in: in the server, the whole request.
    const load = async () => ({ rows: ["a post"] });
    await Promise.all([1, 2, 3].map(() => sharedForCommunity({ id: "kept-1", contentVersion: 1 }, ["feed"], load)));
    const { values, loading } = sharedCacheContents();
    expect(loading).toBe(0);
    expect(values.length).toBeGreaterThan(0);
    expect(values.some((value) => value instanceof Promise)).toBe(false);
    expect(values).toContainEqual({ rows: ["a post"] });
  });

  it("shares one load between misses that arrive together, and forgets it once settled", async () => {
    let loads = 0;
    let finish: (value: number) => void = () => {};
    const load = () => {
      loads += 1;
      return new Promise<number>((resolve) => (finish = resolve));
    };
    const community = { id: "kept-2", contentVersion: 1 };
    const first = sharedForCommunity(community, ["feed"], load);
    const second = sharedForCommunity(community, ["feed"], load);
    expect(sharedCacheContents().loading).toBeGreaterThan(0);
    finish(7);
    expect([await first, await second, loads]).toEqual([7, 7, 1]);
    expect(sharedCacheContents().loading).toBe(0);
  });
});

describe("one shared cache per process", () => {
  beforeEach(() => {
    process.env.NEXT_RUNTIME = "nodejs";
  });
  afterEach(() => {
    delete process.env.NEXT_RUNTIME;
  });

  it("is the same cache in every copy of the module, as the server's page and route bundles each load one", async () => {
    vi.resetModules();
    const pages = await import("./index");
    vi.resetModules();
    const routes = await import("./index");
    expect(routes.sharedForCommunity).not.toBe(pages.sharedForCommunity);
    const community = { id: "once-1", contentVersion: 3 };
    let loads = 0;
    expect(await pages.sharedForCommunity(community, ["feed"], async () => ({ loaded: ++loads }))).toEqual({ loaded: 1 });
    // The other copy is served the entry the first one loaded, and counts it against the same ceiling.
    expect(await routes.sharedForCommunity(community, ["feed"], async () => ({ loaded: ++loads }))).toEqual({ loaded: 1 });
    expect(loads).toBe(1);
    expect(routes.sharedCacheContents()).toEqual(pages.sharedCacheContents());
    // A load under way in one copy is shared with a miss in the other.
    let finish: (value: string) => void = () => {};
    const first = pages.sharedForCommunity({ id: "once-2", contentVersion: 1 }, ["feed"], () => new Promise<string>((resolve) => (finish = resolve)));
    const second = routes.sharedForCommunity({ id: "once-2", contentVersion: 1 }, ["feed"], async () => "a second load");
    finish("one load");
    expect([await first, await second]).toEqual(["one load", "one load"]);
  });

  it("keeps keys apart that would run together if joined", async () => {
    const community = { id: "keys-1", contentVersion: 1 };
    expect(await sharedForCommunity(community, ["a,b"], async () => "one key")).toBe("one key");
    expect(await sharedForCommunity(community, ["a", "b"], async () => "two keys")).toBe("two keys");
    expect(await sharedForCommunity({ id: "keys-1,a", contentVersion: 1 }, ["b"], async () => "another community")).toBe("another community");
    expect(await sharedForCommunity(community, ["a,b"], async () => "loaded again")).toBe("one key");
  });
});
