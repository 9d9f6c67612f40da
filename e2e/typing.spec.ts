import type { Page } from "@playwright/test";
import { demo, expect, signIn, signUp, test } from "./support/fixtures";

// What a member types is never lost: not before the editor appears, not while it loads, not
// without JavaScript, and a post once published leaves no draft behind.

const community = "/c/policy-and-performance";

/**
 * Holds back the editor's script until the test releases it, so the test decides when the
 * editor arrives. The editor's chunks are the ones that carry ProseMirror.
 */
async function holdEditor(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requested!: () => void;
  const wasRequested = new Promise<void>((resolve) => (requested = resolve));
  await page.route(/\/_next\/static\/chunks\/.+\.js/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("ProseMirror")) {
      requested();
      await released;
    }
    await route.fulfill({ response, body });
  });
  return { wasRequested, release };
}

/** A fresh post by the demo facilitator, so that each test replies on its own page. */
async function freshPost(page: Page, title: string) {
  const response = await page.request.post(`/api/v1/communities/policy-and-performance/posts`, {
    data: { kind: "discussion", title, body: "<p>Replies welcome.</p>", bodyFormat: "html" },
  });
  expect(response.status()).toBe(201);
  return `${community}/posts/${(await response.json()).postId}`;
}

async function memberOnFreshPost(page: Page, title: string) {
  await signIn(page.request, demo.facilitator);
  const url = await freshPost(page, `${title} ${Date.now().toString(36)}`);
  await signIn(page.request, demo.member);
  return url;
}

/** Posts the reply form and returns the text of the reply it made. */
async function postReply(page: Page) {
  const before = page.url();
  await page.getByRole("button", { name: "Post reply" }).click();
  await page.waitForURL((url) => url.href !== before && url.hash.startsWith("#comment-"));
  // The box is empty again, ready for the next reply.
  await expect(page.getByLabel("Your reply")).toHaveValue("");
  return page.locator(`${new URL(page.url()).hash} .prose-body`);
}

const toolbar = (page: Page) => page.getByRole("toolbar", { name: "Formatting" });

test("words typed before the editor appears are kept, and typing carries on at the caret", async ({ page }) => {
  const url = await memberOnFreshPost(page, "Typing before the editor");
  const editor = await holdEditor(page);
  await page.goto(url);
  await page.getByLabel("Your reply").click();
  await page.keyboard.type("the editor had loaded.");
  await editor.wasRequested;
  await page.keyboard.press("Home");
  await page.keyboard.type("Some of this went in before ");
  await expect(toolbar(page)).toHaveCount(0);

  editor.release();
  await expect(toolbar(page)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Your reply" })).toBeFocused();
  await page.keyboard.type("and some after ");
  const reply = await postReply(page);
  await expect(reply).toHaveText("Some of this went in before and some after the editor had loaded.");
});

test("fast typing while the editor arrives keeps every key, in order", async ({ page }) => {
  const url = await memberOnFreshPost(page, "Typing fast");
  const editor = await holdEditor(page);
  await page.goto(url);
  await page.getByLabel("Your reply").click();
  await editor.wasRequested;
  const text = "Thanks for sharing this. We saw the same thing at Castlemere when we moved void reporting to weekly figures, and the backlog fell within a quarter.";
  // The editor is let in while the keys are still arriving: it takes over somewhere mid-sentence.
  editor.release();
  await page.keyboard.type(text);
  await expect(toolbar(page)).toBeVisible();
  const reply = await postReply(page);
  await expect(reply).toHaveText(text);
});

test("a value filled in by a script is posted, before and after the editor takes over", async ({ page }) => {
  const url = await memberOnFreshPost(page, "Filled by a script");
  const editor = await holdEditor(page);
  await page.goto(url);
  await page.getByLabel("Your reply").fill("Filled in while the editor was still on its way.");
  await editor.wasRequested;
  await expect(toolbar(page)).toHaveCount(0);
  await expect(await postReply(page)).toHaveText("Filled in while the editor was still on its way.");

  await page.getByLabel("Your reply").fill("First paragraph, filled in.\n\nSecond paragraph, taken over by the editor.");
  editor.release();
  await expect(toolbar(page)).toBeVisible();
  const reply = await postReply(page);
  await expect(reply.locator("p")).toHaveText(["First paragraph, filled in.", "Second paragraph, taken over by the editor."]);
});

test("the post form keeps what was typed when it is sent before the editor loads", async ({ page }) => {
  await signIn(page.request, demo.member);
  const editor = await holdEditor(page);
  await page.goto(`${community}/new`);
  const title = `Sent before the editor ${Date.now().toString(36)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Body").click();
  await page.keyboard.type("Line one\nline two\n\nA second paragraph.");
  await editor.wasRequested;
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("article .prose-body p")).toHaveText(["Line one\nline two", "A second paragraph."], { useInnerText: true });
  editor.release();
});

test("without JavaScript, a reply goes in from the plain text box exactly as typed", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const url = await memberOnFreshPost(page, "Replying without scripts");
  await page.goto(url);
  await expect(toolbar(page)).toHaveCount(0);
  await page.getByLabel("Your reply").fill("No scripts here.\n\nStill <kept> & posted.");
  const reply = await postReply(page);
  await expect(reply.locator("p")).toHaveText(["No scripts here.", "Still <kept> & posted."]);
  await context.close();
});

test("a post published straight after typing leaves no draft behind", async ({ page }) => {
  const account = await signUp(page.request, "Quinn Quickpost");
  await signIn(page.request, account.email, account.password);
  await page.request.post("/api/v1/communities/policy-and-performance/membership");
  // Timers run on a clock the test moves, so the autosave's wait can pass at the worst moment.
  await page.clock.install();
  await page.goto(`${community}/new`);
  await expect(toolbar(page)).toBeVisible();

  let releaseSubmit!: () => void;
  const submitReleased = new Promise<void>((resolve) => (releaseSubmit = resolve));
  let submitted!: () => void;
  const wasSubmitted = new Promise<void>((resolve) => (submitted = resolve));
  await page.route(`**${community}/new`, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["content-type"]?.startsWith("multipart/form-data")) {
      submitted();
      await submitReleased;
    }
    await route.continue();
  });

  const title = `Posted at once ${Date.now().toString(36)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("textbox", { name: "Body" }).click();
  await page.keyboard.type("Posted the moment it was written.");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await wasSubmitted;
  // While the post is on its way, the autosave's moment comes and goes.
  await page.clock.runFor(5_000);
  releaseSubmit();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // The browser sends server actions one at a time: once this one is done, no autosave is still queued.
  await page.getByRole("button", { name: "Stop following" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.goto(`${community}/new`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("We kept the draft you were writing")).toHaveCount(0);
  await expect(page.getByLabel("Title")).toHaveValue("");
});
