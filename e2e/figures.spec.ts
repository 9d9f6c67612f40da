import { readFileSync } from "node:fs";
import { demo, expect, expectAccessible, signIn, signUp, test, visit } from "./support/fixtures";

// A facilitator reads their community's figures, switches the period and downloads a table,
// all by keyboard; an admin suspends someone from the people list, by keyboard too.

test("a facilitator opens the figures, switches to a quarter and downloads the weekly figures", async ({ page }) => {
  await signIn(page.request, demo.facilitator);
  await visit(page, "/c/policy-and-performance");
  const tab = page.getByRole("link", { name: "Figures" });
  await tab.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Figures" })).toBeVisible();
  await expect(page.getByRole("table", { name: /^4 weeks: this period against the one before/ })).toBeVisible();
  await expect(page.getByRole("img", { name: "Members at the end of each week" })).toBeVisible();
  await expectAccessible(page);

  const period = page.getByRole("combobox", { name: "Period" });
  await period.focus();
  await period.selectOption("quarter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Show figures" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/period=quarter/);
  await expect(page.getByRole("table", { name: /^Quarter \(13 weeks\): this period against the one before/ })).toBeVisible();
  await page.getByText("Show posts and replies week by week as a table").press("Enter");
  await expect(page.getByRole("table", { name: "Posts and replies each week" }).getByRole("row")).toHaveCount(14);
  await expectAccessible(page);

  const link = page.getByRole("link", { name: "Download every weekly figure (CSV)" });
  await link.focus();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toMatch(/^policy-and-performance-weekly-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path())!, "utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe("Week from,Week to,Members at the end of the week,Joined,Left,Active members,Posts,Replies");
  expect(lines).toHaveLength(14);

  // Events and documents: each with its comparison table, a table behind the chart and a CSV.
  await expect(page.getByRole("table", { name: /Events, Quarter \(13 weeks\): this period against the one before/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /Documents, Quarter \(13 weeks\): this period against the one before/ })).toBeVisible();
  await expect(page.getByRole("img", { name: "New versions and comments on documents each week" })).toBeVisible();
  await page.getByText("Show events week by week as a table").press("Enter");
  await expect(page.getByRole("table", { name: "Events held and the answers to them each week" }).getByRole("row")).toHaveCount(14);
  await expectAccessible(page);
  const events = page.getByRole("link", { name: "Download events week by week (CSV)" });
  await events.focus();
  const [eventsCsv] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(eventsCsv.suggestedFilename()).toMatch(/^policy-and-performance-events-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const eventLines = readFileSync((await eventsCsv.path())!, "utf8").trimEnd().split("\r\n");
  expect(eventLines[0]).toBe("Week from,Week to,Events held,Going,On a waiting list,Maybe,Not going");
  expect(eventLines).toHaveLength(14);
  await page.screenshot({ path: "test-results/figures-quarter.png", fullPage: true });
});

test("figures and their downloads are for the community's facilitators only", async ({ page }) => {
  await signIn(page.request, demo.member);
  await visit(page, "/c/policy-and-performance/figures");
  await expect(page.getByText("Only this community's facilitators can see its figures.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Figures" })).toHaveCount(0);
  expect((await page.request.get("/c/policy-and-performance/figures/download/weekly")).status()).toBe(403);
  expect((await page.request.get("/c/no-such-community/figures/download/weekly")).status()).toBe(404);
  for (const path of ["/admin", "/admin/people", "/admin/communities"]) expect((await page.request.get(path)).status()).toBe(404);
});

test("an admin suspends someone from the people list, by keyboard, and it is in the site log", async ({ browser }) => {
  const person = await (await browser.newContext()).newPage();
  const account = await signUp(person.request, "Sasha Suspendable");
  await signIn(person.request, account.email, account.password);
  expect((await person.request.get("/api/v1/feed")).status()).toBe(200);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin.request, demo.admin);
  await visit(admin, "/admin");
  await admin.getByRole("navigation", { name: "Site administration" }).getByRole("link", { name: "People" }).press("Enter");
  await expect(admin.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await admin.getByLabel("Name or email").focus();
  await admin.keyboard.type(account.email);
  await admin.keyboard.press("Enter");
  await expect(admin.getByText(account.email)).toBeVisible();
  await expectAccessible(admin);
  await admin.locator("summary", { hasText: "Suspend Sasha Suspendable" }).focus();
  await admin.keyboard.press("Enter");
  await admin.keyboard.press("Tab");
  await expect(admin.getByLabel("Reason (kept in the site log)")).toBeFocused();
  await admin.keyboard.type("Shared a resident's details again.");
  await admin.keyboard.press("Tab");
  await expect(admin.getByRole("button", { name: "Suspend Sasha Suspendable" })).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("status").filter({ hasText: "Sasha Suspendable's account is suspended" })).toBeVisible();
  await expectAccessible(admin);

  expect((await person.request.get("/api/v1/feed")).status()).toBe(403);
  await visit(admin, "/admin/people?show=suspended");
  await expect(admin.getByRole("button", { name: "Lift the suspension of Sasha Suspendable" })).toBeVisible();
  await visit(admin, "/moderation");
  await expect(admin.getByRole("row").filter({ hasText: "Sasha Suspendable" }).filter({ hasText: "Shared a resident's details again." })).toBeVisible();
});
