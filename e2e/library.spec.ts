import type { Page } from "@playwright/test";
import { demo, expect, expectAccessible, signIn, test, visit } from "./support/fixtures";
import { pdfWith, pngOf } from "../test/support/files";

// The library: drafting a document together, its history, comments and files.

const library = "/c/policy-and-performance/library";

async function newDocument(page: Page, title: string, text: string) {
  await visit(page, library);
  await page.getByRole("link", { name: "New document" }).click();
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Title").fill(title);
  await page.getByRole("textbox", { name: "First draft" }).click();
  await page.keyboard.type(text);
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return new URL(page.url()).pathname;
}

/** Types into the editor's text at the end of the paragraph holding `near`. */
async function typeAfter(page: Page, near: string, text: string) {
  // Once the editor has taken over: its toolbar appearing moves the text down, and a click
  // aimed at the text as it moves can land on a toolbar button instead.
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
  await page.getByRole("textbox", { name: "Text" }).getByText(near).click();
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

test("draft, edit, see what changed, bring back a version, comment, attach a file and paste an image", async ({ page }) => {
  test.setTimeout(180_000); // one long journey through many pages
  await signIn(page.request, demo.member);
  const stamp = Date.now().toString(36);
  const path = await newDocument(page, `Performance framework ${stamp}`, "We report quarterly to the cabinet.");
  await expectAccessible(page);

  // Edit: a new version, with a note for the history.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expectAccessible(page);
  await typeAfter(page, "We report quarterly", " Scrutiny sees the same figures.");
  await page.getByLabel("What did you change? (optional)").fill("Added scrutiny");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2." })).toBeVisible();

  // The history, and what changed, announced in words as well as marks.
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByText("“Added scrutiny”")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "What changed in version 2" }).click();
  const added = page.locator(".diff ins");
  await expect(added).toContainText("Scrutiny sees the same figures.");
  await expect(added.locator(".sr-only").first()).toHaveText("[added: ");
  await expectAccessible(page);

  // Bring back version 1: a new version 3, nothing lost.
  await page.goto(`${path}/versions/1`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Bring back version 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "saved as version 3" })).toBeVisible();
  await expect(page.locator("#document-text")).not.toContainText("Scrutiny");

  // A comment on one passage.
  await page.getByLabel("Passage you are commenting on (optional)").fill("report quarterly");
  await page.getByLabel("Your comment").click();
  await page.getByRole("textbox", { name: "Your comment" }).pressSequentially("Monthly would suit the board better.");
  await page.getByRole("button", { name: "Add comment" }).click();
  const comment = page.locator("#comments li").filter({ hasText: "Monthly would suit the board better." });
  await expect(comment).toContainText("“report quarterly”");

  // Attach a file, and download it through the app, served inert.
  await page.getByLabel("Attach a file").setInputFiles({ name: "Figures.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdfWith("Quarterly figures")) });
  await page.getByRole("button", { name: "Attach file" }).click();
  await expect(page.getByText("Figures.pdf attached.")).toBeVisible();
  const link = page.getByRole("link", { name: "Figures.pdf" });
  const download = await page.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="Figures.pdf"/);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
  expect(Buffer.from(await download.body()).equals(Buffer.from(pdfWith("Quarterly figures")))).toBe(true);
  await expectAccessible(page);

  // Paste an image into the editor: it asks for a description before it goes in.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  const png = Array.from(await pngOf(40, 30));
  await page.getByRole("textbox", { name: "Text" }).click();
  await page.getByRole("textbox", { name: "Text" }).evaluate((el, bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], "chart.png", { type: "image/png" }));
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, png);
  const dialog = page.getByRole("dialog", { name: "Add an image" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Add image" }).click();
  await expect(dialog.getByText("Describe the image for people who cannot see it.")).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel("Description of the image").fill("Bar chart of reports per quarter");
  await dialog.getByRole("button", { name: "Add image" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Save changes" }).click();
  const image = page.locator("#document-text img");
  await expect(image).toHaveAttribute("alt", "Bar chart of reports per quarter");
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(40);
});

test("two people edit at once: both changes kept, and a clash shows both versions with nothing typed lost", async ({ browser }) => {
  test.setTimeout(180_000); // two people, each through several saves
  const grace = await (await browser.newContext()).newPage();
  const tom = await (await browser.newContext()).newPage();
  await signIn(grace.request, demo.member);
  await signIn(tom.request, demo.facilitator);
  const stamp = Date.now().toString(36);
  const path = await newDocument(grace, `Shared plan ${stamp}`, "First paragraph.");
  await grace.getByRole("link", { name: "Edit", exact: true }).click();
  await typeAfter(grace, "First paragraph.", "");
  await grace.keyboard.press("Enter");
  await grace.keyboard.type("Second paragraph.");
  await grace.getByRole("button", { name: "Save changes" }).click();
  await expect(grace.getByRole("status").filter({ hasText: "version 2" })).toBeVisible();

  // Both open the editor on version 2.
  await grace.goto(`${path}/edit`);
  await tom.goto(`${path}/edit`);
  await typeAfter(grace, "First paragraph.", " Grace was here.");
  await typeAfter(tom, "Second paragraph.", " Tom was here.");
  await grace.getByRole("button", { name: "Save changes" }).click();
  await expect(grace.getByRole("status").filter({ hasText: "Saved as version 3." })).toBeVisible();
  await tom.getByRole("button", { name: "Save changes" }).click();
  await expect(tom.getByRole("status").filter({ hasText: "yours and theirs are both in" })).toBeVisible();
  await expect(tom.locator("#document-text")).toContainText("Grace was here.");
  await expect(tom.locator("#document-text")).toContainText("Tom was here.");

  // Now both change the same paragraph.
  await grace.goto(`${path}/edit`);
  await tom.goto(`${path}/edit`);
  await typeAfter(grace, "First paragraph.", " Grace again.");
  await typeAfter(tom, "First paragraph.", " Tom again.");
  await grace.getByRole("button", { name: "Save changes" }).click();
  await expect(grace.getByRole("status").filter({ hasText: "Saved as version 5." })).toBeVisible();
  await tom.getByRole("button", { name: "Save changes" }).click();
  await expect(tom.getByRole("heading", { name: /saved a new version while you were editing/ })).toBeVisible();
  const editor = tom.getByRole("textbox", { name: "Text" });
  await expect(editor).toContainText("Tom again.");
  await expect(tom.getByRole("region", { name: /saved a new version/ })).toContainText("Grace again.");
  await expectAccessible(tom);
  // Tom settles it, and both people's words stay.
  await typeAfter(tom, "Tom again.", " And Grace again.");
  await tom.getByRole("button", { name: "Save changes" }).click();
  await expect(tom.getByRole("status").filter({ hasText: "Saved as version 6." })).toBeVisible();
  await expect(tom.locator("#document-text")).toContainText("Tom again. And Grace again.");
});

test("keyboard only: start a document and comment on it", async ({ page }) => {
  await signIn(page.request, demo.member);
  await visit(page, library);
  await page.getByRole("link", { name: "New document" }).focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Title").focus();
  await page.keyboard.type("Keyboard drafted note");
  await page.keyboard.press("Tab"); // the editor's toolbar: one tab stop
  await page.keyboard.press("Tab"); // the text
  await page.keyboard.type("Written without a mouse.");
  await page.getByRole("button", { name: "Create document" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Keyboard drafted note");
  await page.getByLabel("Your comment").focus();
  await page.keyboard.type("Reads well.");
  await page.getByRole("button", { name: "Add comment" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#comments li").filter({ hasText: "Reads well." })).toBeVisible();
});

test("library pages, the demo documents and post history pass axe; someone outside the community gets a 404", async ({ page, browser }) => {
  await signIn(page.request, demo.facilitator);
  await visit(page, "/c/third-sector-commissioning/library");
  await page.getByRole("link", { name: "Commissioning framework for voluntary and community sector partners" }).click();
  await page.waitForURL(/\/library\/[0-9a-f-]{36}$/);
  await expectAccessible(page);
  const path = new URL(page.url()).pathname;
  for (const sub of ["/history", "/compare?from=1&to=4", "/versions/2", "/edit"]) await visit(page, `${path}${sub}`);
  await visit(page, "/c/adult-and-childrens-services");
  await expect(page.getByRole("region", { name: "Out for comment" })).toContainText("Transitions protocol");
  await visit(page, "/search?q=transitions&type=documents");
  await expect(page.getByRole("region", { name: "Documents and files" })).toContainText("Transitions protocol");

  const outsider = await (await browser.newContext()).newPage();
  await signIn(outsider.request, demo.member);
  for (const sub of ["", "/history", "/compare?from=1&to=2", "/versions/1", "/edit"]) {
    expect((await outsider.goto(`${path}${sub}`))?.status(), sub).toBe(404);
  }
});

test("an edited post links to its changes, shown word by word to whoever may read it", async ({ page, browser }) => {
  await signIn(page.request, demo.member);
  const created = await page.request.post("/api/v1/communities/policy-and-performance/posts", {
    data: { kind: "discussion", title: `Budget timetable ${Date.now().toString(36)}`, body: "<p>Draft budget goes to cabinet in January.</p>", bodyFormat: "html", idempotencyKey: `history-${Date.now()}` },
  });
  expect(created.status()).toBe(201);
  const { postId } = await created.json();
  await visit(page, `/c/policy-and-performance/posts/${postId}/edit`);
  await page.getByRole("textbox", { name: "Body" }).getByText("January").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Scrutiny sees it first.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByRole("link", { name: /^edited / }).click();
  await expect(page.locator(".diff ins")).toContainText("Scrutiny sees it first.");
  await expectAccessible(page);

  const reader = await (await browser.newContext()).newPage();
  await signIn(reader.request, demo.facilitator);
  await visit(reader, `/c/policy-and-performance/posts/${postId}/history`);
  await expect(reader.getByRole("heading", { name: /Version 2: edited by Grace Adeyemi/ })).toBeVisible();
});
