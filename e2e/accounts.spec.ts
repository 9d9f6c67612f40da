import { cronSecret } from "./support/paths";
import type { Browser } from "@playwright/test";
import { demo, DEMO_PASSWORD, expect, expectAccessible, signIn, signUp, statusMessage, test, uniqueEmail, visit, waitForMail } from "./support/fixtures";

// Accounts people can trust: the journeys of issue "Accounts people can trust", keyboard only
// and axe clean, against a production build with a real SMTP catcher.

/** A fresh open community started by the demo facilitator, so joining it changes no seeded count. */
async function freshOpenCommunity(browser: Browser, name: string) {
  const facilitator = await (await browser.newContext()).newPage();
  await signIn(facilitator.request, demo.facilitator);
  const created = await facilitator.request.post("/api/v1/communities", { data: { name, purpose: "For a test.", visibility: "open" } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { slug: string }).slug;
}

test("sign up, confirm the address from the email, and join a community, by keyboard alone", async ({ page, browser }) => {
  const name = `Keyboard joiners ${Date.now().toString(36)}`;
  const slug = await freshOpenCommunity(browser, name);
  const email = uniqueEmail("keyboard");
  await visit(page, "/sign-up");
  await page.getByLabel("Full name").focus();
  await page.keyboard.type("Kit Keyboard");
  await page.keyboard.press("Tab");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type("three random words");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sign-up\/check-email$/);
  await expectAccessible(page);

  const mail = await waitForMail(email, /Confirm your email address/);
  await visit(page, new URL(mail.links[0]!).pathname);
  await page.getByLabel("Password", { exact: true }).focus();
  await page.keyboard.type("three random words");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("region", { name: "Confirm your email address" })).toHaveCount(0);

  await visit(page, `/c/${slug}`);
  await page.getByRole("button", { name: `Join ${name}` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("You are a member of this community.")).toBeVisible();
  await expectAccessible(page);
});

test("an account whose address is not confirmed reads open communities but cannot join them", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail("unconfirmed");
  expect((await page.request.post("/api/v1/signup", { data: { name: "Una Unconfirmed", email, password: "three random words" } })).status()).toBe(202);
  await signIn(page.request, email, "three random words");
  await visit(page, "/c/policy-and-performance");
  await expect(page.getByRole("region", { name: "Confirm your email address" })).toBeVisible();
  await expect(page.getByText(/Confirm your email address first/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Join/ })).toHaveCount(0);
  expect((await page.goto("/c/adult-and-childrens-services"))?.status()).toBe(404);
  expect((await page.request.post("/api/v1/communities/policy-and-performance/membership")).status()).toBe(403);
});

test("reset a forgotten password by keyboard, and the old one stops working", async ({ page }) => {
  const { email } = await signUp(page.request, "Fay Forgetful");
  await page.context().clearCookies();
  await visit(page, "/sign-in");
  await page.getByRole("link", { name: "Forgotten your password?" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expectAccessible(page);
  await page.getByLabel("Email address").focus();
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
  await expect(statusMessage(page)).toContainText("If that address has a Roundtable account");

  const mail = await waitForMail(email, /Choose a new Roundtable password/);
  await visit(page, new URL(mail.links[0]!).pathname);
  await page.getByLabel("New password").focus();
  await page.keyboard.type("a brand new password");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/home$/);
  const old = await page.request.post("/api/auth/callback/credentials", {
    form: { email, password: "correct horse battery", csrfToken: (await (await page.request.get("/api/auth/csrf")).json()).csrfToken },
    maxRedirects: 0,
  });
  expect(old.headers().location ?? "").toContain("error");
});

test("sign out of other devices from a second browser: the first loses access on its next request", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext({ userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0" })).newPage();
  const account = await signUp(first.request, "Dev Devices");
  await signIn(first.request, account.email, account.password);
  await signIn(second.request, account.email, account.password);
  await visit(first, "/home");

  await visit(second, "/settings");
  const devices = second.getByRole("region", { name: "Signed-in devices" });
  await expect(devices.getByText("Firefox on Windows")).toBeVisible();
  await expect(devices.getByText("This device")).toBeVisible();
  await second.getByRole("button", { name: "Sign out of all other devices" }).focus();
  await second.keyboard.press("Enter");
  await expect(statusMessage(second)).toHaveText("1 device is signed out.");
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await expectAccessible(second);

  expect((await first.goto("/home"))?.url()).toContain("/sign-in");
  expect((await first.request.get("/api/v1/communities")).status()).toBe(401);
  expect((await second.goto("/home"))?.status()).toBe(200);
});

test("delete an account, keeping its posts: they show as a former member's", async ({ browser }) => {
  const slug = await freshOpenCommunity(browser, `Farewells ${Date.now().toString(36)}`);
  const leaver = await (await browser.newContext()).newPage();
  const account = await signUp(leaver.request, "Lee Leaving");
  await signIn(leaver.request, account.email, account.password);
  await leaver.request.post(`/api/v1/communities/${slug}/membership`);
  const posted = await leaver.request.post(`/api/v1/communities/${slug}/posts`, {
    data: { kind: "discussion", title: `Parting advice ${Date.now()}`, body: "<p>Keep the minutes short.</p>", bodyFormat: "html" },
  });
  const { postId } = await posted.json();

  await visit(leaver, "/settings");
  await leaver.getByRole("link", { name: "Delete your account" }).focus();
  await leaver.keyboard.press("Enter");
  await expect(leaver).toHaveURL(/\/settings\/delete$/);
  await expectAccessible(leaver);
  await leaver.getByLabel("Keep them").focus();
  await leaver.keyboard.press("Space");
  await leaver.getByLabel("Your password").focus();
  await leaver.keyboard.type(account.password);
  await leaver.getByLabel(/I understand/).focus();
  await leaver.keyboard.press("Space");
  await leaver.getByRole("button", { name: "Delete my account" }).focus();
  await leaver.keyboard.press("Enter");
  await expect(leaver).toHaveURL(/\/account-deletion$/);
  await expectAccessible(leaver);
  await waitForMail(account.email, /will be deleted/);

  const cron = await leaver.request.get("/api/cron/cleanup", { headers: { authorization: `Bearer ${cronSecret}` } });
  expect((await cron.json()).removed.deletedAccounts).toBe(1);
  const reader = await (await browser.newContext()).newPage();
  await signIn(reader.request, demo.member);
  await visit(reader, `/c/${slug}/posts/${postId}`);
  await expect(reader.getByRole("article").getByText("A former member", { exact: true })).toBeVisible();
  const gone = await reader.request.post("/api/auth/callback/credentials", {
    form: { email: account.email, password: account.password, csrfToken: (await (await reader.request.get("/api/auth/csrf")).json()).csrfToken },
    maxRedirects: 0,
  });
  expect(gone.headers().location ?? "").toContain("error");
});

test.describe("requests that lie about where they come from", () => {
  test("links in email use the configured address, whatever Host, X-Forwarded-Host or Origin say", async ({ request, baseURL }) => {
    const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: baseURL! };
    const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers: forged })).json()) as { csrfToken: string };
    await request.post("/api/auth/signin/email", { form: { email: demo.facilitator, csrfToken, callbackUrl: "https://evil.example/x" }, headers: forged, maxRedirects: 0 });
    const link = (await waitForMail(demo.facilitator, /sign-in link/)).links[0]!;
    expect(link.startsWith(`${baseURL}/api/auth/callback/email?`)).toBe(true);
    expect(decodeURIComponent(link)).not.toContain("evil.example");

    const email = uniqueEmail("forged");
    await request.post("/api/v1/signup", { data: { name: "Forged Host", email, password: "three random words" }, headers: { "x-forwarded-host": "evil.example" } });
    expect((await waitForMail(email, /Confirm your email address/)).links[0]!.startsWith(`${baseURL}/verify-email/`)).toBe(true);
  });

  test("after signing in, only same-site paths are followed", async ({ page }) => {
    await signIn(page.request, demo.member, DEMO_PASSWORD);
    for (const target of ["//evil.example/", "/\\evil.example/", "/%2F%2Fevil.example/", "https://evil.example/"]) {
      const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
      expect(response.status(), target).toBe(307);
      expect(response.headers().location, target).toBe("/home");
    }
  });

  test("the JSON write API refuses a form posted from another site", async ({ page }) => {
    await signIn(page.request, demo.member, DEMO_PASSWORD);
    const response = await page.request.post("/api/v1/communities", { form: { name: "Made by another site", visibility: "open" }, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect([response.status(), (await response.json()).error.message]).toEqual([403, "This request came from another site, so it was refused."]);
  });
});

test("the account pages, for a facilitator who owns a community", async ({ page }) => {
  await signIn(page.request, demo.facilitator);
  for (const path of ["/settings", "/settings/delete", "/confirm-email/not-a-real-token", "/c/adult-and-childrens-services/settings/visibility?to=open"]) await visit(page, path);
  await expect(page.getByRole("button", { name: "Yes, make it open" })).toBeVisible();
});
