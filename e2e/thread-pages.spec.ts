import type { APIRequestContext } from "@playwright/test";
import { expect, expectAccessible, test, visit } from "./support/fixtures";
import { activate, skipToMain } from "./support/keyboard";
import { closePeople, postWithReader } from "./support/people";
import { THREAD_PAGE_SIZE as N } from "@/lib/notifications/reads";
import { keyboardJourneys } from "@/lib/accessibility/tested";

// A long thread is read a page of replies at a time: "Later replies" and "Earlier replies" are
// plain links (real addresses, without JavaScript too), and a link to one reply, from a
// notification or anywhere else, opens the page that holds it.

test.afterEach(async ({ browser, context }) => closePeople(browser, context));

async function reply(request: APIRequestContext, postId: string, text: string): Promise<string> {
  const response = await request.post(`/api/v1/posts/${postId}/comments`, { data: { body: `<p>${text}</p>`, bodyFormat: "html" } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { commentId: string }).commentId;
}

/** A thread of a page and a few replies, the last from the reader: returns the reply ids in order. */
async function longThread(author: APIRequestContext, reader: APIRequestContext, path: string) {
  const postId = path.split("/").at(-1)!;
  const ids: string[] = [];
  for (let i = 1; i <= N + 3; i++) ids.push(await reply(i === N + 3 ? reader : author, postId, `Reply number ${i}.`));
  return ids;
}

const replies = (page: import("@playwright/test").Page) => page.getByRole("region", { name: /replies$/ }).locator("[id^=comment-]");

test("without JavaScript, a long thread pages forward and back by plain links", async ({ browser }) => {
  const { path, author, reader } = await postWithReader(browser, "Paging", "A long thread");
  await longThread(author.request, reader.request, path);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await reader.context().storageState() });
  const page = await context.newPage();
  await page.goto(path);
  await expect(replies(page)).toHaveCount(N);
  await expect(replies(page).first()).toContainText("Reply number 1.");
  await page.getByRole("navigation", { name: "Reply pages" }).getByRole("link", { name: "Later replies" }).click();
  await expect(page).toHaveURL(/\?cursor=[\w-]+#replies-heading$/);
  await expect(replies(page)).toHaveCount(3);
  await expect(replies(page).first()).toContainText(`Reply number ${N + 1}.`);
  await expect(page).toHaveTitle(/\(replies from /);
  await page.getByRole("navigation", { name: "Reply pages" }).getByRole("link", { name: "Earlier replies" }).click();
  await expect(replies(page)).toHaveCount(N);
  await expect(replies(page).first()).toContainText("Reply number 1.");
  await expect(page.getByRole("link", { name: "Earlier replies" })).toHaveCount(0);
  await context.close();
});

test("a notification about a reply past the first page opens the page that holds it", async ({ browser }) => {
  const { path, author, reader, title } = await postWithReader(browser, "Deep link", "A thread with a late answer");
  const ids = await longThread(author.request, reader.request, path);
  const last = ids.at(-1)!;
  await expect(async () => {
    await author.goto("/notifications");
    await expect(author.getByRole("link", { name: new RegExp(`replied to your post ${title}`) }).first()).toBeVisible({ timeout: 1000 });
  }).toPass();
  await author.getByRole("link", { name: new RegExp(`replied to your post ${title}`) }).first().click();
  await expect(author).toHaveURL(new RegExp(`\\?reply=${last}#comment-${last}$`));
  await expect(author.locator(`#comment-${last}`)).toBeInViewport();
  await expect(author.locator(`#comment-${last}`)).toContainText(`Reply number ${N + 3}.`);
  await expect(author.getByRole("link", { name: "Earlier replies" })).toBeVisible();
  // The page of a reply is a page like the others: axe finds nothing on it.
  await expectAccessible(author);
});

test(`${keyboardJourneys.replyPages} by keyboard alone`, async ({ browser }) => {
  const { path, author, reader } = await postWithReader(browser, "Keyboard paging", "A thread to page through");
  await longThread(author.request, reader.request, path);
  await visit(reader, path);
  await skipToMain(reader);
  const pages = reader.getByRole("navigation", { name: "Reply pages" });
  await activate(reader, pages.getByRole("link", { name: "Later replies" }), "Enter");
  // The focus moves to the replies' heading, and the new title (announced) says where they start.
  await expect(reader.locator("#replies-heading")).toBeFocused();
  await expect(reader).toHaveTitle(/\(replies from /);
  await expect(replies(reader).first()).toContainText(`Reply number ${N + 1}.`);
  await expectAccessible(reader);
  await activate(reader, pages.getByRole("link", { name: "Earlier replies" }), "Enter");
  await expect(reader.locator("#replies-heading")).toBeFocused();
  await expect(replies(reader).first()).toContainText("Reply number 1.");
});
