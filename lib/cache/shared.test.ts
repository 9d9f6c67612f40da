import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sharedCacheContents, sharedForCommunity } from "./index";

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
