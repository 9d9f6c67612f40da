import type { Page } from "@playwright/test";
import { demo, expect, expectAccessible, signIn, test, visit } from "./support/fixtures";

test("a member sees the seeded communities and joins an open one", async ({ page }) => {
  await signIn(page.request, demo.member);
  await visit(page, "/home");
  const mine = page.getByRole("region", { name: "Your communities" });
  await expect(mine.getByRole("heading", { name: "Policy and performance" })).toBeVisible();
  await expect(mine.getByRole("heading", { name: "Innovation", exact: true })).toBeVisible();

  await visit(page, "/communities?sort=size");
  await expect(page.getByRole("link", { name: "Policy and performance" })).toBeVisible();
  await expect(page.getByText("642 members")).toBeVisible();
  await expect(page.getByRole("link", { name: "Third sector commissioning" })).toHaveCount(0);

  await visit(page, "/c/innovation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Innovation");
  const subs = page.getByRole("region", { name: "Sub-communities" });
  await expect(subs.getByRole("link", { name: "Digital services" })).toBeVisible();
  await expect(subs.getByRole("link", { name: "Innovation leads' forum" })).toHaveCount(0);

  await subs.getByRole("link", { name: "Digital services" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Digital services");
  await expectAccessible(page);
  await expect(page.getByText("56 members")).toBeVisible();
  await page.getByRole("button", { name: "Join Digital services" }).click();
  await expect(page.getByText("57 members")).toBeVisible();
  await expect(page.getByText("You are a member of this community.")).toBeVisible();
  await expectAccessible(page);
});

/** Follows the first tag link in a feed and checks that the community's discussions are filtered by it. */
async function followFirstTag(page: Page, feedName: string) {
  const link = page.getByRole("region", { name: feedName }).getByRole("list", { name: "Tags" }).first().getByRole("link").first();
  const tag = (await link.textContent())!.replace(/^#/, "");
  await link.click();
  await expect(page).toHaveURL((url) => /^\/c\/[^/]+$/.test(url.pathname) && url.searchParams.get("tag") === tag && url.search === `?tag=${encodeURIComponent(tag)}`);
  await expect(page.locator("#feed-tag")).toHaveValue(tag);
  const rows = page.getByRole("region", { name: "Discussions" }).getByRole("article");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row.getByRole("list", { name: "Tags" })).toContainText(`#${tag}`);
}

test("a post's tag filters its community's discussions, from the community's page and from home", async ({ page }) => {
  await signIn(page.request, demo.member);
  await visit(page, "/c/policy-and-performance");
  await followFirstTag(page, "Discussions");
  await visit(page, "/home");
  await followFirstTag(page, "Recent activity in your communities");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("a post's tag on its community's page filters the discussions", async ({ page }) => {
    await signIn(page.request, demo.member);
    // Not visit(): its accessibility check runs in the page, which has no JavaScript here.
    await page.goto("/c/policy-and-performance");
    await followFirstTag(page, "Discussions");
  });
});
