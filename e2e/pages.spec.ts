import type { Browser, BrowserContext } from "@playwright/test";
import { demo, expect, signIn, test, visit } from "./support/fixtures";

// Every page, as the people who can reach it, with axe on each: one test per page, so that the
// work spreads over the workers and a slow page cannot use up another's time.

const publicPages = [
  "/",
  "/sign-in",
  "/sign-up",
  "/sign-up/check-email",
  "/accessibility",
  "/privacy",
  "/terms",
  "/forgot-password",
  "/reset-password/not-a-real-token",
  "/verify-email/not-a-real-token",
  "/account-deletion",
  "/sign-in/check-email",
  "/invitations/not-a-real-token",
];
for (const path of publicPages) {
  test(`public page ${path}`, async ({ page }) => {
    await visit(page, path);
  });
}
test("a page that does not exist", async ({ page }) => {
  await visit(page, "/no-such-page", 404);
});

const signedInPages = [
  "/home",
  "/communities",
  "/communities?filter=mine&sort=name",
  "/communities?parent=innovation",
  "/communities/new",
  "/communities/new?parent=innovation",
  "/c/policy-and-performance",
  "/c/policy-and-performance?kind=question&unanswered=1",
  "/c/policy-and-performance/new",
  "/c/innovation",
  "/c/innovation/members",
  "/c/policy-and-performance/library",
  "/c/innovation/members?q=grace",
  "/c/innovation/invite",
  "/c/innovation/settings",
  "/c/innovation/settings/export",
  "/c/innovation/moderation",
  "/c/adult-and-childrens-services",
  "/c/adult-and-childrens-services/moderation",
  "/settings",
  "/settings/notifications",
  "/people",
  "/people?expertise=performance+management&area=Policy+and+performance",
  "/people?q=tom+wilkns",
  "/settings/export",
  "/notifications",
  "/reports",
  "/search",
  "/search?q=performance",
  "/search?q=innovation&community=innovation&sort=newest",
  "/moderation",
  "/c/policy-and-performance/moderation",
  "/c/policy-and-performance/moderation/log",
  "/c/policy-and-performance/figures",
  "/c/policy-and-performance/figures?period=year",
  "/c/innovation/figures?period=quarter",
  "first post",
  "first post's author",
  "an organisation",
  "/c/policy-and-performance/events",
  "/c/policy-and-performance/events/new",
  "/c/adult-and-childrens-services/events",
  "first event",
  "first event's agenda",
  "first event's notes",
  "first event, changed",
];

// One signed-in session per demo account and worker, reused by that account's tests.
const sessions = new Map<string, Promise<Awaited<ReturnType<BrowserContext["storageState"]>>>>();
async function signedIn(browser: Browser, email: string) {
  if (!sessions.has(email)) {
    sessions.set(
      email,
      (async () => {
        const context = await browser.newContext();
        await signIn(context.request, email);
        const state = await context.storageState();
        await context.close();
        return state;
      })(),
    );
  }
  return browser.newContext({ storageState: await sessions.get(email)! });
}

/** The first coming event of Policy and performance, as its events page links to it. */
async function firstEvent(context: BrowserContext) {
  const html = await (await context.request.get("/c/policy-and-performance/events")).text();
  return html.match(/\/c\/policy-and-performance\/events\/[0-9a-f-]{36}/)![0];
}

/** The organisation page of the demo facilitator, as the people finder links to it. */
async function facilitatorsOrganisation(context: BrowserContext) {
  const html = await (await context.request.get("/people?q=Tom+Wilkins")).text();
  return html.match(/\/people\/organisations\/[0-9a-f-]{36}/)![0];
}

async function firstPost(context: BrowserContext) {
  const feed = await (await context.request.get("/api/v1/communities/policy-and-performance/posts?limit=1")).json();
  return feed.items[0] as { id: string; author: { id: string } };
}

for (const [role, email] of Object.entries(demo)) {
  test.describe(`as the demo ${role}`, () => {
    for (const path of signedInPages) {
      test(`every signed-in page: ${path}`, async ({ browser }) => {
        const context = await signedIn(browser, email);
        const page = await context.newPage();
        const post = path.startsWith("first post") ? await firstPost(context) : undefined;
        const event = path.startsWith("first event") ? await firstEvent(context) : undefined;
        const eventPaths: Record<string, string> = { "first event": "", "first event's agenda": "/agenda", "first event's notes": "/notes", "first event, changed": "/edit" };
        const organisation = path === "an organisation" ? await facilitatorsOrganisation(context) : undefined;
        const url =
          path === "first post" ? `/c/policy-and-performance/posts/${post!.id}` : path === "first post's author" ? `/people/${post!.author.id}` : organisation ?? (event ? event + eventPaths[path] : path);
        await visit(page, url);
        await context.close();
      });
    }
    test("pages that do not exist", async ({ browser }) => {
      const context = await signedIn(browser, email);
      const page = await context.newPage();
      await visit(page, "/c/no-such-community", 404);
      await visit(page, "/invitations/not-a-real-token-at-all-000000", 404);
      await context.close();
    });
  });
}

// Site administration: for the admin only; for everyone else these pages do not exist.
const adminPages = ["/admin", "/admin?period=year", "/admin/people", "/admin/people?show=unverified&q=a", "/admin/communities", "/admin/communities?show=quiet"];
for (const path of adminPages) {
  test(`site administration page ${path}`, async ({ browser }) => {
    const context = await signedIn(browser, demo.admin);
    await visit(await context.newPage(), path);
    await context.close();
  });
}
test("site administration does not exist for anyone but admins", async ({ browser }) => {
  for (const email of [demo.facilitator, demo.member]) {
    const context = await signedIn(browser, email);
    const page = await context.newPage();
    for (const path of ["/admin", "/admin/people", "/admin/communities"]) await visit(page, path, 404);
    await context.close();
  }
});

test("the development outbox does not exist in production", async ({ page }) => {
  await signIn(page.request, demo.admin);
  const response = await page.goto("/dev/outbox");
  expect(response?.status()).toBe(404);
});

test("a too-long search gets a message next to the field, not an error page", async ({ page }) => {
  await signIn(page.request, demo.member);
  await visit(page, `/communities?q=${"x".repeat(300)}`);
  await expect(page.locator("#directory-q-error")).toHaveText(/200 characters or fewer/);
  const api = await page.request.get(`/api/v1/communities?q=${"x".repeat(300)}`);
  expect(api.status()).toBe(400);
  expect((await api.json()).error.fields.q[0]).toMatch(/200 characters or fewer/);
});
