import type { APIRequestContext } from "@playwright/test";
import { demo, expect, signIn, test } from "./support/fixtures";
import { THREAD_PAGE_SIZE as N } from "@/lib/notifications/reads";

// A post page shows a page of replies at a time (THREAD_PAGE_SIZE), and each is sent twice: as HTML, and again in the
// RSC payload the page hydrates from. What a reply costs beyond its own text is held to a budget
// here, so that a control or a wrapper added to every reply shows up as a failure, not as a page
// that quietly doubles (about 4,400 bytes a reply beyond its text before the reply markup was
// made short; 2,250 after; 1,925 once a reply lost its inner wrapper and hidden name spans).

const community = "policy-and-performance";
/** A reply's text: 300 characters, about what the benchmark's replies carry. */
const text = "We report it monthly to the performance board, with the median and the longest wait, and a short note on what changed. ".repeat(3).slice(0, 300);
/** What a reply may add to the page beyond twice its text, in bytes. */
const BUDGET_PER_REPLY = 2_100;

async function postWithReplies(author: APIRequestContext, replier: APIRequestContext, replies: number, stamp: string): Promise<string> {
  const response = await author.post(`/api/v1/communities/${community}/posts`, {
    data: { kind: "discussion", title: `Page weight ${stamp} ${String(replies).padStart(2, "0")}`, body: "<p>How often do you report waiting times?</p>", bodyFormat: "html" },
  });
  expect(response.status()).toBe(201);
  const { postId } = (await response.json()) as { postId: string };
  for (let i = 0; i < replies; i++) {
    const reply = await replier.post(`/api/v1/posts/${postId}/comments`, { data: { body: `<p>${text}</p>`, bodyFormat: "html" } });
    expect(reply.status()).toBe(201);
  }
  return `/c/${community}/posts/${postId}`;
}

test("each reply on a post page costs at most its text twice and a fixed budget, with its Helpful, Reply and Report actions", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const reader = await (await browser.newContext()).newPage();
  const replier = await (await browser.newContext()).newPage();
  await signIn(reader.request, demo.member);
  await signIn(replier.request, demo.facilitator);
  // Two posts alike but for the number of replies, each read once, by a member who may act on every reply.
  const few = await postWithReplies(reader.request, replier.request, 2, stamp);
  const many = await postWithReplies(reader.request, replier.request, N, stamp);
  const bytes = async (path: string) => {
    const response = await reader.request.get(path);
    expect(response.status()).toBe(200);
    return (await response.body()).length;
  };
  const [small, large] = [await bytes(few), await bytes(many)];
  await reader.goto(many);
  await expect(reader.locator(".reply-actions").first().getByRole("button", { name: "Helpful" })).toBeVisible();
  await expect(reader.getByRole("link", { name: /^Report this reply$/ })).toHaveCount(N);
  const perReply = (large - small) / (N - 2);
  test.info().annotations.push({ type: "bytes a reply adds", description: `${perReply} in all, ${perReply - 2 * Buffer.byteLength(`<p>${text}</p>`)} beyond twice its text` });
  expect(perReply - 2 * Buffer.byteLength(`<p>${text}</p>`), `bytes a reply adds beyond twice its text (${perReply} in all)`).toBeLessThanOrEqual(BUDGET_PER_REPLY);
});

test("without JavaScript, a reply's Helpful button and Reply link work from the page's shared form", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const author = await (await browser.newContext()).newPage();
  await signIn(author.request, demo.facilitator);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const reader = await context.newPage();
  await signIn(reader.request, demo.member);
  const path = await postWithReplies(author.request, author.request, 2, stamp);
  await reader.goto(path);
  const second = reader.locator("[id^=comment-]").nth(1);
  await second.getByRole("button", { name: "Helpful" }).click();
  await expect(reader.locator("[id^=comment-]").nth(1).getByRole("button", { name: "Helpful (undo)" })).toBeVisible();
  await expect(reader.locator("[id^=comment-]").nth(1)).toContainText("1 person found this helpful");
  await expect(reader.locator("[id^=comment-]").first().getByRole("button", { name: "Helpful", exact: true })).toBeVisible();
  await reader.locator("[id^=comment-]").first().getByRole("link", { name: /^Reply to / }).click();
  await expect(reader.getByRole("heading", { name: /^Reply to / })).toBeVisible();
  await expect(reader).toHaveURL(new RegExp(`${path}\\?replyTo=[0-9a-f-]+#reply$`));
});

test("with JavaScript, a reply's Helpful and Delete buttons act on their own reply through the page's one island", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const author = await (await browser.newContext()).newPage();
  await signIn(author.request, demo.facilitator);
  const reader = await (await browser.newContext()).newPage();
  await signIn(reader.request, demo.member);
  const path = await postWithReplies(author.request, author.request, 2, stamp);
  const replies = (page: typeof reader) => page.locator("[id^=comment-]");

  await reader.goto(path);
  await reader.waitForLoadState("networkidle");
  await replies(reader).nth(1).getByRole("button", { name: "Helpful" }).click();
  await expect(reader.getByRole("status").filter({ hasText: "Thanks for your feedback." })).toBeVisible();
  await expect(replies(reader).nth(1).getByRole("button", { name: "Helpful (undo)" })).toBeVisible();
  await expect(replies(reader).nth(1)).toContainText("1 person found this helpful");
  await expect(replies(reader).first().getByRole("button", { name: "Helpful", exact: true })).toBeVisible();

  await author.goto(path);
  await author.waitForLoadState("networkidle");
  const first = await replies(author).first().getAttribute("id");
  await replies(author).first().getByRole("button", { name: "Delete" }).click();
  await expect(author.locator(`#${first}`)).toHaveCount(0);
  await expect(replies(author)).toHaveCount(1);
});
