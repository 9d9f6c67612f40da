import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/inbound-email/route";
import { getDb } from "@/lib/db/client";
import { comments } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { createComment } from "@/lib/posts/mutations";
import { makeUser } from "@/test/support/factories";
import { fanOut, verifyAddress } from "@/test/support/notifications";
import { communityWith, makePost } from "@/test/support/posts";
import { startSmtp } from "@/test/support/smtp";
import { deliverDueEmails } from "@/lib/notifications/delivery";

// Reply by email: a raw MIME reply, posted by the inbound-mail service to the route, becomes
// one reply with only what was newly written; a forged, foreign or replayed one makes none.

// The route needs no session; nobody is signed in.
vi.mock("@/lib/auth", () => ({ readSession: async () => null }));

process.env.AUTH_URL = "https://roundtable.test";
process.env.REPLY_EMAIL_DOMAIN = "reply.roundtable.test";
process.env.INBOUND_EMAIL_SECRET = "inbound-secret-for-tests";

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let ann: Viewer;
let ben: Viewer;
let postId: string;
let replyAddress: string;

beforeAll(async () => {
  smtp = await startSmtp();
  ann = await makeUser({ name: "Ann Author" });
  ben = await makeUser({ name: "Ben Replier" });
  await verifyAddress(ann);
  const slug = await communityWith(ann, "Adult social care", [ben]);
  ({ postId } = await makePost(ann, slug, { title: "Hospital discharge delays" }));
  await createComment(ben, postId, { body: "<p>We set up a discharge-to-assess team.</p>", bodyFormat: "html" });
  await fanOut();
  await deliverDueEmails({ now: new Date(Date.now() + 3 * 60_000), transport: smtp.transport });
  replyAddress = smtp.to(ann.email)[0]!.replyTo!.value[0]!.address!;
});

afterAll(() => smtp.close());

/** A reply as Outlook or Gmail sends it: new text, a signature, then the quoted email. */
function rawReply({ from, to, messageId, text }: { from: string; to: string; messageId: string; text: string }) {
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: Re: [Adult social care] Hospital discharge delays`,
    `Message-ID: <${messageId}@mail.council.example>`,
    `In-Reply-To: <post-${postId}@roundtable.test>`,
    `Date: Fri, 27 Nov 2026 10:00:00 +0000`,
    `MIME-Version: 1.0`,
    `Content-Type: text/plain; charset=utf-8`,
    ``,
    text,
    ``,
    `--`,
    `Ann Author`,
    `Head of Adult Services`,
    ``,
    `On Fri, 27 Nov 2026 at 09:00, Roundtable <${replyAddress}> wrote:`,
    `> Ben Replier replied to your post "Hospital discharge delays"`,
    `> We set up a discharge-to-assess team.`,
    ``,
  ].join("\r\n");
}

const post = (body: string, secret = "inbound-secret-for-tests") =>
  POST(
    new Request("https://roundtable.test/api/inbound-email", { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "message/rfc822" }, body }),
    { params: Promise.resolve({}) },
  );

async function repliesBy(person: Viewer) {
  const db = await getDb();
  return db.select({ bodyText: comments.bodyText }).from(comments).where(and(eq(comments.postId, postId), eq(comments.authorId, person.id)));
}

describe("reply by email", () => {
  it("turns a reply into one reply on the post with only the new text, once however often it arrives", async () => {
    const message = rawReply({ from: `Ann Author <${ann.email}>`, to: replyAddress, messageId: "first", text: "Thanks Ben. How many staff does the team have?" });
    const response = await post(message);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "posted" });
    expect(await (await post(message)).json()).toMatchObject({ outcome: "duplicate" });
    expect(await repliesBy(ann)).toEqual([{ bodyText: "Thanks Ben. How many staff does the team have?" }]);
  });

  it("makes nothing from a forged token, a token used from another address, or a call without the secret", async () => {
    const forged = replyAddress.replace(/\+[0-9a-f]+@/, `+${"0".repeat(40)}@`);
    const cases = [
      rawReply({ from: ann.email, to: forged, messageId: "forged", text: "Forged." }),
      rawReply({ from: ben.email, to: replyAddress, messageId: "foreign", text: "Ben using Ann's address." }),
    ];
    for (const message of cases) expect(await (await post(message)).json()).toMatchObject({ outcome: "ignored" });
    expect((await post(rawReply({ from: ann.email, to: replyAddress, messageId: "nosecret", text: "No secret." }), "wrong")).status).toBe(404);
    expect(await repliesBy(ann)).toHaveLength(1);
    expect(await repliesBy(ben)).toHaveLength(1);
  });
});
