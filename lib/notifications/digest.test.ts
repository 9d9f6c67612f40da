import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import type { Viewer } from "@/lib/policy";
import { createComment } from "@/lib/posts/mutations";
import { toggleHelpfulComment } from "@/lib/posts/reactions";
import { makeUser } from "@/test/support/factories";
import { fanOut, verifyAddress } from "@/test/support/notifications";
import { communityWith, makePost } from "@/test/support/posts";
import { startSmtp } from "@/test/support/smtp";
import { deliverDueEmails } from "./delivery";
import { queueDueDigests, setDigestFrequency } from "./digest";
import { setCommunityWatch } from "./watches";

// Digests: due members are taken in bounded batches, each digest is composed for its reader
// when it is sent, from the communities they chose, and an empty one is not sent at all.

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let reader: Viewer;
let writer: Viewer;
let quiet: Viewer;
let housing: string;
let planning: string;

beforeAll(async () => {
  smtp = await startSmtp();
  reader = await makeUser({ name: "Rita Reader" });
  writer = await makeUser({ name: "Will Writer" });
  quiet = await makeUser({ name: "Quentin Quiet" });
  for (const person of [reader, writer, quiet]) await verifyAddress(person);
  housing = await communityWith(writer, "Housing digest", [reader]);
  planning = await communityWith(writer, "Planning digest", [reader]);
  await communityWith(writer, "Empty corner", [quiet]);
  await makePost(writer, housing, { title: "Temporary accommodation costs" });
  await makePost(writer, housing, { kind: "question", title: "Who benchmarks void rent loss?" });
  const answered = await makePost(writer, housing, { title: "Repairs backlog" });
  const own = await createComment(reader, answered.postId, { body: "<p>Ours is weekly.</p>", bodyFormat: "html" });
  await toggleHelpfulComment(writer, own.commentId);
  await makePost(writer, planning, { title: "Local plan consultation" });
  await setCommunityWatch(reader, planning, { level: "normal", digestShown: "1", emails: "on", inDigest: "on" });
  await fanOut();
});

afterAll(() => smtp.close());

describe("a digest run", () => {
  it("takes at most a batch of due members per run, moving each one's next digest on", async () => {
    const db = await getDb();
    await db.execute(sql`update digest_settings set frequency = 'weekly', next_digest_at = now() - interval '1 minute'`);
    const due = (await selectRows<{ n: number }>(db, sql`select count(*)::int as n from digest_settings where next_digest_at <= now()`))[0]!.n;
    expect(await queueDueDigests({ limit: 2 })).toBe(2);
    expect(await queueDueDigests({ limit: 1000 })).toBe(due - 2);
    expect(await queueDueDigests({ limit: 1000 })).toBe(0);
    const [next] = await selectRows<{ dow: number; hour: number }>(
      db,
      sql`select extract(isodow from next_digest_at at time zone 'Europe/London')::int as dow, extract(hour from next_digest_at at time zone 'Europe/London')::int as hour from digest_settings where user_id = ${reader.id}`,
    );
    expect(next).toEqual({ dow: 1, hour: 7 });
  });

  it("sends each reader what is new in the communities they chose, and nothing when nothing is new", async () => {
    await deliverDueEmails({ transport: smtp.transport });
    const [digest] = smtp.to(reader.email);
    expect(digest?.subject).toBe("Your weekly digest from Roundtable");
    expect(digest!.text).toContain("Temporary accommodation costs (Housing digest)");
    expect(digest!.text).toMatch(/== Questions waiting for an answer ==\s+Who benchmarks void rent loss\?/);
    expect(digest!.text).toContain("Will Writer found your reply helpful");
    expect(digest!.html).toMatch(/<h2>New posts in your communities<\/h2>/);
    expect(digest!.text).toContain("Local plan consultation");
    expect(smtp.to(quiet.email)).toEqual([]);
  });

  it("leaves out a community the reader took out of their digest, and stops when they turn it off", async () => {
    // The form sends no inDigest when the box is not ticked.
    await setCommunityWatch(reader, planning, { level: "normal", digestShown: "1", emails: "on" });
    await makePost(writer, planning, { title: "Second consultation round" });
    await makePost(writer, housing, { title: "Homelessness prevention grant" });
    const db = await getDb();
    await db.execute(sql`update digest_settings set next_digest_at = now() - interval '1 minute', last_digest_at = now() - interval '1 hour' where user_id = ${reader.id}`);
    await queueDueDigests();
    await deliverDueEmails({ transport: smtp.transport });
    const second = smtp.to(reader.email)[1]!;
    expect(second.text).toContain("Homelessness prevention grant");
    expect(second.text).not.toContain("Second consultation round");
    await setDigestFrequency(reader, { frequency: "off" });
    expect((await selectRows(db, sql`select 1 from digest_settings where user_id = ${reader.id} and next_digest_at is not null`)).length).toBe(0);
  });
});
