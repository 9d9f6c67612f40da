import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { leaveCommunity } from "@/lib/communities/membership";
import { getDb } from "@/lib/db/client";
import { communities } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { addMembership, makeUser } from "@/test/support/factories";
import { communityWith, makePost } from "@/test/support/posts";
import { newsFeedToken, resetNewsFeedKey, stopNewsFeeds } from "./key";
import { newsFeed } from "./rss";

// News feeds by private address: what is in them is what their owner may read, asked afresh on
// every fetch; a forged, old or stopped address is a 404.

const ORIGIN = "https://roundtable.example";
let insider: Viewer, outsider: Viewer;
let openSlug: string, privateSlug: string;

beforeAll(async () => {
  const owner = await makeUser({ name: "Owner" });
  insider = await makeUser({ name: "Insider" });
  outsider = await makeUser({ name: "Outsider" });
  openSlug = await communityWith(owner, "Open forum", [insider]);
  privateSlug = await communityWith(owner, "Zebracorn board", [], "private");
  const db = await getDb();
  const [board] = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, privateSlug));
  await addMembership(board!.id, insider.id);
  await makePost(owner, openSlug, { title: "Open budget tips", tags: "budgets" });
  await makePost(owner, privateSlug, { title: "Zebracorn budget secrets", tags: "budgets" });
});

describe("news feeds", () => {
  it("carry a community's posts and a tag's posts, only as their owner may read them", async () => {
    const token = await resetNewsFeedKey(insider);
    expect(await newsFeedToken(insider)).toBe(token);
    const tagged = await newsFeed(token, { tag: "Budgets" }, ORIGIN);
    expect(tagged).toContain("Open budget tips");
    expect(tagged).toContain("Zebracorn budget secrets");
    expect(await newsFeed(token, { community: privateSlug }, ORIGIN)).toContain("Zebracorn budget secrets");

    const theirs = await resetNewsFeedKey(outsider);
    expect(await newsFeed(theirs, { tag: "budgets" }, ORIGIN)).not.toMatch(/zebracorn/i);
    expect((await appErrorOf(() => newsFeed(theirs, { community: privateSlug }, ORIGIN))).status).toBe(404);
  });

  it("forget a community the owner left, at the next fetch", async () => {
    const token = (await newsFeedToken(insider))!;
    await leaveCommunity(insider, privateSlug);
    expect((await appErrorOf(() => newsFeed(token, { community: privateSlug }, ORIGIN))).status).toBe(404);
    expect(await newsFeed(token, { tag: "budgets" }, ORIGIN)).not.toMatch(/zebracorn/i);
  });

  it("refuse forged, replaced and stopped addresses", async () => {
    const old = (await newsFeedToken(insider))!;
    const [id] = old.split(".");
    expect((await appErrorOf(() => newsFeed(`${id}.forgedforgedforgedforgedforged12`, { community: openSlug }, ORIGIN))).status).toBe(404);
    const fresh = await resetNewsFeedKey(insider);
    expect((await appErrorOf(() => newsFeed(old, { community: openSlug }, ORIGIN))).status).toBe(404);
    expect(await newsFeed(fresh, { community: openSlug }, ORIGIN)).toContain("Open budget tips");
    await stopNewsFeeds(insider);
    expect((await appErrorOf(() => newsFeed(fresh, { community: openSlug }, ORIGIN))).status).toBe(404);
  });
});
