import { demo, expect, signIn, test, visit } from "./support/fixtures";

// The demo gives a new facilitator something to learn on, where they would look for it.

test("the demo facilitator finds reports, a post to approve and requests to join on the moderation pages", async ({ page }) => {
  await signIn(page.request, demo.facilitator);

  await visit(page, "/c/policy-and-performance");
  await expect(page.getByRole("link", { name: /Moderation/ })).toContainText("2 waiting");
  await visit(page, "/c/policy-and-performance/moderation");
  await expect(page.getByRole("heading", { name: "Open reports (2)" })).toBeVisible();
  await expect(page.getByText("names a family and their street")).toBeVisible();

  await visit(page, "/c/innovation/moderation");
  await expect(page.getByRole("heading", { name: "Open reports (1)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Posts awaiting approval (1)" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Approve “/ })).toHaveCount(1);

  await visit(page, "/c/adult-and-childrens-services/moderation");
  const requests = page.getByRole("region", { name: /Requests to join/ });
  await expect(requests).toContainText("children's disability team");
  await expect(requests).toContainText("spring meeting");
  await expect(requests.getByRole("button", { name: /^Approve / }).first()).toBeVisible();
});
