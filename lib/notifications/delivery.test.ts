import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import type { Viewer } from "@/lib/policy";
import { createComment } from "@/lib/posts/mutations";
import { makeUser } from "@/test/support/factories";
import { fanOut, verifyAddress } from "@/test/support/notifications";
import { communityWith, makePost } from "@/test/support/posts";
import { startSmtp } from "@/test/support/smtp";
import { claimDueEmails, deliverDueEmails, LEASE_SECONDS } from "./delivery";
import { listNotifications } from "./inbox";
import { unsubscribe } from "./unsubscribe";

// Email through a real SMTP server in this process: what a member's mail client receives,
// and that the outbox sends each email once, however runs overlap or die.

process.env.AUTH_URL = "https://roundtable.test";
process.env.REPLY_EMAIL_DOMAIN = "reply.roundtable.test";

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let ann: Viewer;
let ben: Viewer;
let slug: string;
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const reply = (who: Viewer, postId: string, text: string) => createComment(who, postId, { body: `<p>${text}</p>`, bodyFormat: "html" });

beforeAll(async () => {
  smtp = await startSmtp();
  ann = await makeUser({ name: "Ann Author" });
  ben = await makeUser({ name: "Ben Replier" });
  for (const person of [ann, ben]) await verifyAddress(person);
  slug = await communityWith(ann, "Policy and performance", [ben]);
});

afterAll(() => smtp.close());

describe("a reply email", () => {
  it("gathers replies within a few minutes into one email, with both parts, threading and one-click unsubscribe", async () => {
    const { postId } = await makePost(ann, slug, { title: "Benchmarking council tax collection" });
    await reply(ben, postId, "We compare against our CIPFA nearest neighbours.");
    await reply(ben, postId, "And we publish the quarterly figures.");
    await fanOut();
    // Nothing goes before the batch window closes.
    expect(await deliverDueEmails({ transport: smtp.transport })).toMatchObject({ sent: 0 });
    expect(await deliverDueEmails({ now: later(3), transport: smtp.transport })).toMatchObject({ sent: 1 });

    const [mail] = smtp.to(ann.email);
    expect(smtp.to(ann.email)).toHaveLength(1);
    expect(mail!.subject).toBe("[Policy and performance] Benchmarking council tax collection");
    expect(mail!.text).toContain("We compare against our CIPFA nearest neighbours.");
    expect(mail!.text).toContain("And we publish the quarterly figures.");
    expect(mail!.html).toMatch(/<html lang="en-GB">/);
    expect(mail!.html).toMatch(/<h1>2 updates on Roundtable<\/h1>/);
    expect(mail!.html).not.toMatch(/<table/i);
    expect(mail!.html).toMatch(/>Read Ben Replier's reply on Roundtable<\/a>/);
    // Threading: every email about the post points at the same root, for Gmail, Apple Mail and Outlook alike.
    expect(mail!.inReplyTo).toBe(`<post-${postId}@roundtable.test>`);
    expect(mail!.references).toBe(`<post-${postId}@roundtable.test>`);
    expect(mail!.messageId).toMatch(/^<email-[0-9a-f-]+@roundtable\.test>$/);
    expect(mail!.headers.get("thread-topic")).toBe("Benchmarking council tax collection");
    expect(String(mail!.headers.get("thread-index"))).toMatch(/^[A-Za-z0-9+/]{36}$/);
    expect(mail!.replyTo?.value[0]?.address).toMatch(/^reply\+[0-9a-f]{40}@reply\.roundtable\.test$/);
    // RFC 8058: an https address to POST to, and the header that says so.
    // Headers as sent, unfolded.
    const raw = smtp.raw.find((r) => r.includes(`post-${postId}@`))!.replace(/\r?\n[ \t]+/g, " ");
    const oneClick = /^List-Unsubscribe: +<(https:\/\/roundtable\.test\/api\/unsubscribe\/[\w-]+\.[\w-]+)>\r?$/m.exec(raw)?.[1];
    expect(oneClick).toBeDefined();
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(mail!.text).toMatch(/Stop emails like this: replies to your posts: https:\/\/roundtable\.test\/unsubscribe\//);
    // Links lead through the site's own address, never a request's Host.
    for (const link of mail!.text!.match(/https?:\/\/\S+/g) ?? []) expect(link).toMatch(/^https:\/\/roundtable\.test\//);

    // The one-click link stops that kind, for Ann only.
    await unsubscribe(oneClick!.split("/").pop()!);
    await reply(ben, postId, "One more thing.");
    await fanOut();
    await deliverDueEmails({ now: later(6), transport: smtp.transport });
    expect(smtp.to(ann.email)).toHaveLength(1);
  });

  it("is not sent for what the member has already read on the site", async () => {
    const { postId } = await makePost(ben, slug, { title: "Read in time" });
    await reply(ann, postId, "Seen it already?");
    await fanOut();
    await listNotifications(ben, {});
    await deliverDueEmails({ now: later(3), transport: smtp.transport });
    expect(smtp.to(ben.email)).toEqual([]);
  });
});

describe("the outbox", () => {
  async function queueReplies(count: number) {
    const people: Viewer[] = [];
    for (let i = 0; i < count; i++) {
      const author = await makeUser({ name: `Author ${i}` });
      await verifyAddress(author);
      const { slug: own } = { slug: await communityWith(author, `Community ${i} ${Date.now()}`, [ben]) };
      const { postId } = await makePost(author, own, { title: `Post ${i}` });
      await reply(ben, postId, `Reply ${i}`);
      people.push(author);
    }
    await fanOut();
    return people;
  }

  it("sends each email once when two runs overlap", async () => {
    const people = await queueReplies(6);
    const before = smtp.received.length;
    const runs = await Promise.all([0, 1].map(() => deliverDueEmails({ now: later(3), transport: smtp.transport })));
    expect(runs[0]!.sent + runs[1]!.sent).toBe(6);
    const got = smtp.received.slice(before);
    expect(got).toHaveLength(6);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(6);
    for (const person of people) expect(smtp.to(person.email)).toHaveLength(1);
  });

  it("tries again an email whose run died between claiming and sending, after its lease, and only then", async () => {
    const [person] = await queueReplies(1);
    const db = await getDb();
    const claimed = await claimDueEmails(db, 10, later(3));
    expect(claimed.map((c) => c.userId)).toEqual([person!.id]);
    // The run "dies" here. Another run while the lease holds sends nothing.
    expect(await deliverDueEmails({ now: later(4), transport: smtp.transport })).toMatchObject({ sent: 0 });
    expect(smtp.to(person!.email)).toEqual([]);
    const afterLease = new Date(later(3).getTime() + (LEASE_SECONDS + 1) * 1000);
    expect(await deliverDueEmails({ now: afterLease, transport: smtp.transport })).toMatchObject({ sent: 1 });
    expect(smtp.to(person!.email)).toHaveLength(1);
    const [row] = await selectRows<{ status: string; attempts: number }>(db, sql`select status, attempts from email_outbox where user_id = ${person!.id}`);
    expect(row).toEqual({ status: "sent", attempts: 2 });
  });

  it("retries a failed send later, with backoff", async () => {
    const [person] = await queueReplies(1);
    const failing = { sendMail: async () => Promise.reject(new Error("421 try again later")) };
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await deliverDueEmails({ now: later(3), transport: failing })).toMatchObject({ failed: 1 });
    quiet.mockRestore();
    const db = await getDb();
    const [row] = await selectRows<{ status: string; lastError: string; wait: number }>(
      db,
      sql`select status, last_error as "lastError", extract(epoch from send_after - now())::int as wait from email_outbox where user_id = ${person!.id}`,
    );
    expect(row).toMatchObject({ status: "pending", lastError: "421 try again later" });
    expect(row!.wait).toBeGreaterThan(0);
    await deliverDueEmails({ now: later(10), transport: smtp.transport });
    expect(smtp.to(person!.email)).toHaveLength(1);
  });
});
