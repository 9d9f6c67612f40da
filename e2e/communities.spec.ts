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
