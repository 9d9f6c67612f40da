import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { communities, posts } from "@/lib/db/schema";
import { selectRows } from "@/lib/db/rows";
import type { Viewer } from "@/lib/policy";
import { appErrorOf } from "@/test/support/errors";
import { makeUser } from "@/test/support/factories";
import { communityWith, makePost, postInput } from "@/test/support/posts";
import { discardDraft, getDraft, saveDraft } from "./drafts";
import { createComment, createPost, editPost } from "./mutations";

let owner: Viewer;
let writer: Viewer;
let slug: string;
let communityId: string;

beforeAll(async () => {
  owner = await makeUser({ name: "Dee Owner" });
  writer = await makeUser({ name: "Wren Writer" });
  slug = await communityWith(owner, "Draft races", [writer]);
  const [row] = await (await getDb()).select({ id: communities.id }).from(communities).where(eq(communities.slug, slug));
  communityId = row!.id;
});

const draft = (key: string, idempotencyKey: string, title = "Typed so far") => ({ key, idempotencyKey, title, body: "<p>Typed so far</p>" });

describe("a draft once its form is posted", () => {
  const places = [
    { name: "a post", key: () => `post:${communityId}`, publish: (k: string) => createPost(writer, slug, postInput({ idempotencyKey: k })) },
    {
      name: "a reply",
      key: async () => `comment:${(await makePost(owner, slug)).postId}`,
      publish: (k: string, key: string) => createComment(writer, key.split(":")[1]!, { body: "<p>Reply</p>", bodyFormat: "html", idempotencyKey: k }),
    },
    {
      name: "an edit",
      key: async () => `edit:${(await makePost(writer, slug)).postId}`,
      publish: (k: string, key: string) => editPost(writer, key.split(":")[1]!, postInput({ title: "Edited", idempotencyKey: k })),
    },
  ];

  for (const place of places) {
    it(`is discarded with ${place.name}, and a late autosave from the same form is refused`, async () => {
      const key = await place.key();
      const form = randomUUID();
      await saveDraft(writer, draft(key, form));
      expect(await getDraft(writer, key)).not.toBeNull();
      await place.publish(form, key);
      expect(await getDraft(writer, key)).toBeNull();

      const late = await appErrorOf(() => saveDraft(writer, draft(key, form, "Saved after posting")));
      expect(late.status).toBe(409);
      expect(await getDraft(writer, key)).toBeNull();

      // A new form for the same place keeps its draft as usual.
      await saveDraft(writer, draft(key, randomUUID(), "Next one"));
      expect(await getDraft(writer, key)).toMatchObject({ title: "Next one" });
      await discardDraft(await getDb(), writer.id, key);
    });
  }

  it("an edit submitted twice makes one edit", async () => {
    const { postId } = await makePost(writer, slug);
    const form = randomUUID();
    await editPost(writer, postId, postInput({ title: "Once", idempotencyKey: form }));
    await editPost(writer, postId, postInput({ title: "Once", idempotencyKey: form }));
    const rows = await selectRows<{ n: number }>(await getDb(), sql`select count(*)::int as n from post_revisions where post_id = ${postId}`);
    expect(rows[0]!.n).toBe(1);
  });

  it("never survives an autosave racing the post: it lands first and is discarded, or is refused", async () => {
    const key = `post:${communityId}`;
    for (let round = 0; round < 10; round++) {
      const form = randomUUID();
      const [saved, posted] = await Promise.allSettled([saveDraft(writer, draft(key, form)), createPost(writer, slug, postInput({ idempotencyKey: form }))]);
      expect(posted.status).toBe("fulfilled");
      if (saved.status === "rejected") expect(saved.reason).toMatchObject({ status: 409 });
      expect(await getDraft(writer, key), `round ${round}`).toBeNull();
    }
  });

  // Two connections at once need a real server: the embedded database runs one statement at a time.
  it.skipIf(!process.env.TEST_DATABASE_URL)("waits for a publish in progress, then refuses the save", async () => {
    const db = await getDb();
    const key = `post:${communityId}`;
    const form = randomUUID();
    let save: Promise<unknown> | undefined;
    let settled = false;
    await db.transaction(async (tx) => {
      await tx.insert(posts).values({ communityId, authorId: writer.id, kind: "discussion", title: "Publishing", idempotencyKey: form });
      await discardDraft(tx, writer.id, key);
      save = saveDraft(writer, draft(key, form))
        .catch((error: unknown) => error)
        .finally(() => (settled = true));
      // Commit only once the save is waiting for this publish to finish (or, if broken, has not waited).
      while (!settled) {
        const [waiting] = await selectRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if (waiting!.n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    expect(await save).toMatchObject({ status: 409 });
    expect(await getDraft(writer, key)).toBeNull();
  });
});
