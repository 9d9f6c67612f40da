import { demo, expect, expectAccessible, signIn, test, visit } from "./support/fixtures";

test("search from the header, narrow it down, and move through results by keyboard", async ({ page }) => {
  await signIn(page.request, demo.member);
  await visit(page, "/home");
  const box = page.getByRole("searchbox", { name: "Search Roundtable" });
  await box.fill("performance measures");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=performance\+measures/);
  await expect(page.getByRole("heading", { level: 2, name: /posts? found/ })).toBeVisible();
  await expect(page.locator("ol mark").first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Narrow by kind" }).getByRole("link", { name: "Questions" }).click();
  await expect(page).toHaveURL(/kind=question/);
  const results = page.getByRole("list").filter({ has: page.locator("mark") }).getByRole("link");
  await expect(results.first()).toBeVisible();
  await expectAccessible(page);

  // From the last filter link, Tab moves into the results in order; Enter opens one.
  await page.getByRole("link", { name: "Search all communities instead" }).or(page.getByRole("navigation", { name: /Narrow by/ }).getByRole("link").last()).last().focus();
  const firstTitle = await results.first().innerText();
  await page.keyboard.press("Tab");
  await expect(results.first()).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(results.nth(1)).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: firstTitle })).toBeVisible();
});

test("search inside one community from its page, and find nothing secret", async ({ page }) => {
  await signIn(page.request, demo.member);
  await visit(page, "/c/innovation");
  await page.getByRole("searchbox", { name: "Search this community and its sub-communities" }).fill("innovation");
  await page.getByRole("search", { name: "Search Innovation" }).getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search Innovation");
  const communities = await page.locator("ol li p.text-sm").allInnerTexts();
  for (const line of communities) expect(line).toMatch(/in (Innovation|Measuring innovation|Digital services)/);
  await expectAccessible(page);

  // The private forum's posts never show up for a member who is not in it.
  const api = await page.request.get("/api/v1/search?q=innovation&limit=50");
  const body = await api.json();
  expect(JSON.stringify(body)).not.toContain("Innovation leads' forum");
  expect(JSON.stringify(body)).not.toContain("Third sector commissioning");

  const tooLong = await page.request.get(`/api/v1/search?q=${"x".repeat(600)}`);
  expect(tooLong.status()).toBe(400);
  await visit(page, `/search?q=${"x".repeat(600)}`);
  await expect(page.locator("#search-q-error")).toHaveText(/500 characters or fewer/);
});
