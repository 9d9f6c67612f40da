import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-count";
import { selectRows } from "@/lib/db/rows";
import type { Viewer } from "@/lib/policy";
import { createComment } from "@/lib/posts/mutations";
import { makeUser } from "@/test/support/factories";
import { fanOut } from "@/test/support/notifications";
import { communityWith, makePost } from "@/test/support/posts";
import { listNotifications, UNREAD_CAP, unreadCount } from "./inbox";

// The header's badge is on every page, so it costs one query on an index of unread rows,
// however many notifications the member has; the page pages by keyset.

let author: Viewer;
let replier: Viewer;

beforeAll(async () => {
  author = await makeUser({ name: "Busy Author" });
  replier = await makeUser({ name: "Keen Replier" });
  const slug = await communityWith(author, "Busy community", [replier]);
  const { postId } = await makePost(author, slug, { title: "Popular" });
  for (let i = 0; i < 105; i++) await createComment(replier, postId, { body: `<p>Reply ${i}</p>`, bodyFormat: "html" });
  await fanOut();
});

describe("the unread count in the header", () => {
  it("is one query, capped, served by the index of unread notifications", async () => {
    const counted = await countQueries(() => unreadCount(author));
    expect(counted.count).toBe(1);
    expect(counted.result).toBe(UNREAD_CAP + 1);
    const db = await getDb();
    await db.execute(sql`set enable_seqscan = off`);
    const plan = await selectRows<{ "QUERY PLAN": string }>(db, sql.raw(`explain ${counted.queries[0]!.replace("$1", `'${author.id}'`).replace("$2", "100")}`));
    await db.execute(sql`reset enable_seqscan`);
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/notifications_unread_idx/);
  });

  it("empties as pages of notifications are opened, which page by keyset without repeats", async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await listNotifications(author, { limit: 40, cursor });
      for (const item of page.items) seen.add(item.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.size).toBe(105);
    expect(await unreadCount(author)).toBe(0);
  });
});
