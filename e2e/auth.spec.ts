import { expect, expectAccessible, test, uniqueEmail, visit, waitForMail } from "./support/fixtures";

test.describe("signing up, out and in", () => {
  test("bad input gets a message next to each field and keeps what was typed", async ({ page }) => {
    await visit(page, "/sign-up");
    await page.getByLabel("Full name").fill("   ");
    await page.getByLabel("Work email address").fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Create account" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeVisible();
    await expect(page.locator("#field-name-error")).toHaveText(/Enter your name/);
    await expect(page.locator("#field-email-error")).toHaveText(/right format/);
    await expect(page.locator("#field-password-error")).toHaveText(/at least 10 characters/);
    await expect(page.getByLabel("Work email address")).toHaveValue("not-an-email");
    await expect(page.getByLabel("Work email address")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    await page.getByLabel("Full name").fill("x".repeat(10_000));
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#field-name-error")).toHaveText(/100 characters or fewer/);
  });

  test("a new person signs up, confirms the address, signs out and signs back in", async ({ page }) => {
    const email = uniqueEmail("newcomer");
    await visit(page, "/sign-up");
    await page.getByLabel("Full name").fill("Nadia Newcomer");
    await page.getByLabel("Work email address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("three random words");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/sign-up\/check-email$/);
    const mail = await waitForMail(email, /Confirm your email address/);
    await visit(page, new URL(mail.links[0]!).pathname);
    await page.getByLabel("Password", { exact: true }).fill("three random words");
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Nadia Newcomer");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    expect((await page.goto("/home"))?.url()).toContain("/sign-in");

    await page.getByLabel("Email address").first().fill(email);
    await page.getByLabel("Password", { exact: true }).fill("the wrong password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("#field-password-error")).toHaveText(/not right/);
    await expect(page.getByLabel("Email address").first()).toHaveValue(email);
    await expectAccessible(page);

    await page.getByLabel("Password", { exact: true }).fill("three random words");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/home$/);
  });

  test("signing up with an address that has an account says the same, and mails its owner", async ({ page }) => {
    await visit(page, "/sign-up");
    await page.getByLabel("Full name").fill("Someone Else");
    await page.getByLabel("Work email address").fill("member@example.gov.uk");
    await page.getByLabel("Password", { exact: true }).fill("a long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/sign-up\/check-email$/);
    expect((await waitForMail("member@example.gov.uk", /already have a Roundtable account/)).text).toContain("/forgot-password");
  });

  test("signs in with an emailed link", async ({ page }) => {
    await visit(page, "/sign-in");
    await page.getByLabel("Email address").nth(1).fill("member@example.gov.uk");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page).toHaveURL(/check-email/);
    await expectAccessible(page);
    const mail = await waitForMail("member@example.gov.uk", /sign-in link/);
    await page.goto(mail.links[0]!);
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Grace Adeyemi");
  });
});
