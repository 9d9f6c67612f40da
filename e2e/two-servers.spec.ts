import type { APIRequestContext } from "@playwright/test";
import { pdfWith } from "../test/support/files";
import { expect, test, uniqueEmail, waitForMail } from "./support/fixtures";
import { baseURL as A, secondURL as B } from "./support/paths";

// Two instances of the app on one database, as a serverless platform runs them: every step
// goes to the other server from the step before. If either kept something in memory or on
// its own disk that the other needed (a session, a CSRF secret, a draft, a file, a counter, a
// notification), a step here would fail.

const community = "policy-and-performance";

test.beforeAll(async ({ request }) => {
  // The second server starts with the first; wait until it answers too.
  await expect.poll(async () => (await request.get(`${B}/api/health`).catch(() => null))?.status(), { timeout: 300_000 }).toBe(200);
});

/** Signs up on one server and confirms the address on the other. */
async function account(request: APIRequestContext, name: string, signUpOn: string, confirmOn: string) {
  const email = uniqueEmail("two");
  const password = "correct horse battery";
  expect((await request.post(`${signUpOn}/api/v1/signup`, { data: { name, email, password } })).status()).toBe(202);
  const token = new URL((await waitForMail(email, /Confirm your email address/)).links[0]!).pathname.split("/").pop();
  expect((await request.post(`${confirmOn}/api/v1/account/confirm`, { data: { token, password } })).status()).toBe(200);
  return { email, password };
}

/** Takes the CSRF token from one server and signs in through the other. */
async function signInAcross(request: APIRequestContext, email: string, password: string, csrfFrom: string, signInOn: string) {
  const { csrfToken } = (await (await request.get(`${csrfFrom}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await request.post(`${signInOn}/api/auth/callback/credentials`, { form: { email, password, csrfToken }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers().location ?? "").not.toContain("error");
}

test("an account made on one server signs in, works and signs out across both", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { email, password } = await account(page.request, `Tess Twin ${Date.now().toString(36)}`, A, B);
  await signInAcross(page.request, email, password, B, A);
  for (const server of [B, A]) {
    await page.goto(`${server}/settings`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page).toHaveURL(`${server}/settings`);
  }
  // Signing out on B ends the session on A too, even for a copy of the cookie kept from before:
  // the session is a row in the database, not something one server remembers.
  const kept = await context.cookies();
  await page.goto(`${B}/home`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).not.toHaveURL(/\/home$/);
  await context.addCookies(kept);
  await page.goto(`${A}/home`);
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test("post on B, reply on A, the notification and the counts on B, a draft and a file across both", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const authorContext = await browser.newContext();
  const author = await authorContext.newPage();
  const authorAccount = await account(author.request, `Ola Origin ${stamp}`, B, A);
  await signInAcross(author.request, authorAccount.email, authorAccount.password, A, B);
  expect((await author.request.post(`${A}/api/v1/communities/${community}/membership`)).status()).toBe(200);

  // The author posts on B, with the editor.
  const title = `Shared services across two instances ${stamp}`;
  await author.goto(`${B}/c/${community}/new`);
  await author.getByRole("textbox", { name: "Title" }).fill(title);
  await author.getByRole("textbox", { name: "Body" }).click();
  await author.keyboard.type("Which councils share a legal team?");
  await author.getByRole("button", { name: "Post", exact: true }).click();
  await expect(author.getByRole("heading", { level: 1 })).toHaveText(title);
  const postPath = new URL(author.url()).pathname;
  const postId = postPath.split("/").pop()!;

  // A colleague, signed in on A, starts a reply on A (saved as a draft) and finishes it on B.
  const replierContext = await browser.newContext();
  const replier = await replierContext.newPage();
  const replierAccount = await account(replier.request, `Rui Replier ${stamp}`, A, B);
  await signInAcross(replier.request, replierAccount.email, replierAccount.password, A, A);
  expect((await replier.request.post(`${B}/api/v1/communities/${community}/membership`)).status()).toBe(200);
  await replier.goto(`${A}${postPath}`);
  await replier.getByLabel("Your reply").click();
  await replier.keyboard.type("We share ours with two neighbours.");
  await expect(replier.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();
  await replier.goto(`${B}${postPath}`);
  await expect(replier.getByRole("textbox", { name: "Your reply" })).toContainText("We share ours with two neighbours.");
  await replier.getByRole("button", { name: "Post reply" }).click();
  await expect(replier.getByRole("heading", { name: "1 reply" })).toBeVisible();
  await replier.goto(`${A}${postPath}`);
  await expect(replier.getByText("We share ours with two neighbours.")).toBeVisible();
  await expect(replier.getByRole("heading", { name: "1 reply" })).toBeVisible();

  // The author hears of it on B, and the search on A finds the post.
  await author.goto(`${B}/notifications`);
  await expect(author.getByRole("main")).toContainText(`Rui Replier ${stamp}`);
  const found = await author.request.get(`${A}/api/v1/search?q=${encodeURIComponent(`shared services ${stamp}`)}`);
  expect(found.status()).toBe(200);
  expect(JSON.stringify(await found.json())).toContain(postId);

  // A file the author attaches on A is served to the colleague by B, byte for byte.
  const bytes = Buffer.from(pdfWith(`Shared legal team ${stamp}`));
  const uploaded = await author.request.post(`${A}/api/v1/files`, {
    multipart: { postId, file: { name: "legal-team.pdf", mimeType: "application/pdf", buffer: bytes } },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const { url } = (await uploaded.json()) as { url: string };
  const fetched = await replier.request.get(`${B}${url}`);
  expect(fetched.status()).toBe(200);
  expect(Buffer.compare(await fetched.body(), bytes)).toBe(0);

  await authorContext.close();
  await replierContext.close();
});
