import { readFileSync } from "node:fs";
import JSZip from "jszip";
import type { Locator, Page } from "@playwright/test";
import { demo, expect, expectAccessible, signIn, test, visit } from "./support/fixtures";

// A facilitator exports their whole community by keyboard alone: from its settings to the
// export page, asks for the export, waits for the job, downloads the zip and opens it.

async function press(page: Page, locator: Locator) {
  await locator.focus();
  await expect(locator).toBeFocused();
  await page.keyboard.press("Enter");
}

test("a facilitator exports their community by keyboard, and the archive holds only that community and what is under it", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page.request, demo.facilitator);
  await visit(page, "/c/innovation/settings");
  await press(page, page.getByRole("link", { name: "Export this community" }));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Export this community");
  await expectAccessible(page);

  await press(page, page.getByRole("button", { name: "Make an export" }));
  await expect(page.getByText(/We are making the community's export|An export of this community is already being made/)).toBeVisible();
  const link = page.getByRole("link", { name: /Download the community's export/ }).first();
  await expect(async () => {
    await page.reload();
    await expect(link).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await press(page, link);
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^roundtable-export-innovation-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await JSZip.loadAsync(readFileSync((await file.path())!));
  const data = JSON.parse(await zip.file("roundtable-export/data.json")!.async("string"));
  expect(data.community.slug).toBe("innovation");
  const included = data.communities.map((c: { name: string }) => c.name);
  expect(included[0]).toBe(data.community.name);
  expect(data.posts.length).toBeGreaterThan(0);
  expect(data.members.length).toBeGreaterThan(0);
  // Every post, reply and document comes from the community or a sub-community under it.
  for (const item of [...data.posts, ...data.replies, ...data.documents]) expect(included).toContain(item.community);
  const html = await zip.file("roundtable-export/index.html")!.async("string");
  expect(html).toContain(`<h1>${data.community.name}: Roundtable export</h1>`);
  expect(html).toContain(`<h2>Posts (${data.posts.length})</h2>`);
  expect(html).toContain(`<h2>Members (${data.members.length})</h2>`);
  expect(html).not.toContain("<script");
});
