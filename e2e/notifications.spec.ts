import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, signUp, statusMessage, test, visit, waitForPostMail } from "./support/fixtures";

// Notifications as members meet them: a colleague's reply makes a notification, the badge in
// the header counts it, and following it lands on the reply; the thread and the feed mark
// what is new since they last read it; and the watch level is set with the keyboard alone.

const community = "policy-and-performance";

/** A new member of the open demo community, signed in in their own browser context. */
async function newMember(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const { email, password } = await signUp(page.request, name);
  await signIn(page.request, email, password);
  expect((await page.request.post(`/api/v1/communities/${community}/membership`)).status()).toBe(200);
  return page;
}

async function startPost(request: APIRequestContext, title: string): Promise<string> {
  const response = await request.post(`/api/v1/communities/${community}/posts`, {
    data: { kind: "discussion", title, body: "<p>How do you present this to members?</p>", bodyFormat: "html" },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { postId: string }).postId;
}

async function replyTo(request: APIRequestContext, postId: string, text: string): Promise<string> {
  const response = await request.post(`/api/v1/posts/${postId}/comments`, { data: { body: `<p>${text}</p>`, bodyFormat: "html" } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { commentId: string }).commentId;
}

const badge = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Notifications/ });

test("a reply makes a notification, the badge counts it, and the link lands on the reply", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const author = await newMember(browser, `Ada Author ${stamp}`);
  const replier = await newMember(browser, `Rob Replier ${stamp}`);
  const title = `Presenting the performance report ${stamp}`;
  const postId = await startPost(author.request, title);

  await visit(author, "/home");
  await expect(badge(author)).toHaveAccessibleName("Notifications");
  const commentId = await replyTo(replier.request, postId, "We send members a one-page summary first.");
  // The reply's notification is made right after the reply's response; the badge shows it once it is.
  await expect(async () => {
    await author.reload();
    await expect(badge(author)).toHaveAccessibleName("Notifications 1 unread", { timeout: 1000 });
  }).toPass();

  // A second reply: the badge updates as the author moves between pages, without a reload.
  await replyTo(replier.request, postId, "And a longer pack for scrutiny.");
  await expect(async () => {
    await author.getByRole("link", { name: "Communities", exact: true }).click();
    await author.getByRole("link", { name: "Home", exact: true }).click();
    await expect(badge(author)).toHaveAccessibleName("Notifications 2 unread", { timeout: 1000 });
  }).toPass();

  await badge(author).click();
  await expect(author.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expectAccessible(author);
  const first = author.getByRole("link", { name: `Rob Replier ${stamp} replied to your post ${title}` }).last();
  await first.click();
  await expect(author).toHaveURL(new RegExp(`/posts/${postId}\\?reply=${commentId}#comment-${commentId}$`));
  await expect(author.locator(`#comment-${commentId}`)).toBeInViewport();
  await expect(author.locator(`#comment-${commentId}`)).toContainText("one-page summary");
  await expect(badge(author)).toHaveAccessibleName("Notifications");
});

test("the thread and the feed show what is new since the member last read it", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const author = await newMember(browser, `Una Unread ${stamp}`);
  const replier = await newMember(browser, `Nia Newreply ${stamp}`);
  const title = `Quarterly dashboard ${stamp}`;
  const postId = await startPost(author.request, title);
  await replyTo(replier.request, postId, "First thoughts.");
  await visit(author, `/c/${community}/posts/${postId}`);
  await expect(author.getByText(/new repl(y|ies) since you last read this/)).toHaveCount(0);

  const later = await replyTo(replier.request, postId, "A later reply the author has not read.");
  await visit(author, `/c/${community}`);
  const row = author.getByRole("article").filter({ hasText: title });
  await expect(row).toContainText("1 new reply");
  await row.getByRole("link", { name: `First new reply on ${title}` }).click();
  await expect(author).toHaveURL(new RegExp(`#comment-${later}$`));
  await expect(author.getByText("1 new reply since you last read this.")).toBeVisible();
  await expect(author.locator(`#comment-${later}`).getByText("New", { exact: true })).toBeVisible();
  await expectAccessible(author);

  // Having read it, nothing is new any more.
  await visit(author, `/c/${community}`);
  await expect(author.getByRole("article").filter({ hasText: title })).not.toContainText("new repl");
});

test("a member chooses to hear of every new post in a community, by keyboard alone", async ({ browser }) => {
  const member = await newMember(browser, `Kay Keyboard ${Date.now().toString(36)}`);
  await visit(member, `/c/${community}`);
  const panel = member.getByRole("region", { name: "Notifications" });
  await expect(panel.getByRole("radio", { name: "Replies and mentions" })).toBeChecked();
  await panel.getByRole("radio", { name: "Replies and mentions" }).focus();
  await member.keyboard.press("ArrowUp");
  await expect(panel.getByRole("radio", { name: "Every new post" })).toBeChecked();
  await member.keyboard.press("Tab");
  await expect(panel.getByRole("checkbox", { name: "Include it in my digest" })).toBeFocused();
  await member.keyboard.press("Tab");
  await member.keyboard.press("Tab");
  await expect(panel.getByRole("button", { name: "Save notification settings" })).toBeFocused();
  await member.keyboard.press("Enter");
  await expect(statusMessage(panel)).toHaveText("Your notification settings for this community are saved.");
  await member.reload();
  await expect(member.getByRole("region", { name: "Notifications" }).getByRole("radio", { name: "Every new post" })).toBeChecked();
  await expectAccessible(member);
});

test("notification settings and the unsubscribe page", async ({ browser }) => {
  const member = await newMember(browser, `Sam Settings ${Date.now().toString(36)}`);
  await visit(member, "/settings/notifications");
  const replies = member.getByRole("group", { name: "Replies to your posts" });
  await replies.getByRole("radio", { name: "Put it in my digest" }).check();
  await member.getByRole("group", { name: "Digest of what happened in your communities" }).getByRole("radio", { name: "Every day" }).check();
  await member.getByRole("button", { name: "Save email settings" }).click();
  await expect(statusMessage(member)).toHaveText("Your email settings are saved.");
  await member.reload();
  await expect(member.getByRole("group", { name: "Replies to your posts" }).getByRole("radio", { name: "Put it in my digest" })).toBeChecked();
  await visit(member, "/unsubscribe/not-a-real-link", 404);
});


test("the unsubscribe link in a reply's email asks first, without signing in, then stops those emails", async ({ browser, page }) => {
  // The reply's email waits for more replies before it goes (five seconds on the test servers),
  // then for the scheduled run: room for that on a busy machine.
  test.setTimeout(360_000);
  const stamp = Date.now().toString(36);
  const { email, password } = await signUp(page.request, `Una Unsubscriber ${stamp}`);
  await signIn(page.request, email, password);
  expect((await page.request.post(`/api/v1/communities/${community}/membership`)).status()).toBe(200);
  const title = `Sending reports ahead of meetings ${stamp}`;
  const postId = await startPost(page.request, title);
  const replier = await newMember(browser, `Rob Replier ${stamp}`);
  await replyTo(replier.request, postId, "We send ours a week before the meeting.");

  const mail = await waitForPostMail(page.request, email, new RegExp(title));
  const link = mail.links.find((address) => address.includes("/unsubscribe/"));
  expect(link, "the email has an unsubscribe link").toBeTruthy();
  const stranger = await (await browser.newContext()).newPage();
  await visit(stranger, new URL(link!).pathname);
  await expect(stranger.getByText("Stop getting emails about this: replies to your posts?")).toBeVisible();
  await stranger.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(statusMessage(stranger)).toHaveText("Done. You will no longer get emails about this: replies to your posts.");
  await stranger.context().close();
  await replier.context().close();
});
