import { expect, test, uniqueEmail, visit } from "./support/fixtures";
import type { Locator } from "@playwright/test";

// Screen readers announce what changes inside a live region they already know about; a region
// created at the same moment as its message is often not read at all. So a form's status and
// alert regions are in the page, empty, from the start, and its message goes into them. Each
// test marks the region before the form is sent and finds the message in that same element.

/** Waits until React has taken over the form: sent before then, it would load a new page. */
async function hydrated(form: Locator) {
  await expect.poll(() => form.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactFiber")))).toBe(true);
}

async function markAsThereBeforeSending(region: Locator) {
  await expect(region).toHaveCount(1);
  await expect(region).toHaveText("");
  await region.evaluate((el) => el.setAttribute("data-there-before-sending", ""));
}

test("a form's success message goes into the status region that was in the page, empty, before it was sent", async ({ page }) => {
  await visit(page, "/forgot-password");
  const form = page.locator("main form");
  await markAsThereBeforeSending(form.getByRole("status"));
  await hydrated(form);
  await page.getByLabel("Email address").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(form.locator("[role=status][data-there-before-sending]")).toContainText("If that address has a Roundtable account");
});

test("a form's error summary fills the alert region that was in the page, empty, before it was sent, and takes the focus", async ({ page }) => {
  await visit(page, "/sign-in");
  const form = page.locator("main form").filter({ has: page.getByRole("button", { name: "Sign in", exact: true }) });
  await markAsThereBeforeSending(form.getByRole("alert"));
  await hydrated(form);
  await form.getByRole("button", { name: "Sign in", exact: true }).click();
  const summary = form.locator("[role=alert][data-there-before-sending]");
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toBeFocused();
  await expect(summary).toHaveAccessibleName("There is a problem");
});
