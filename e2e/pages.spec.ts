import { demo, expect, signIn, test, visit } from "./support/fixtures";

// Every page, as the people who can reach it, with axe on each.

test("public pages", async ({ page }) => {
  for (const path of ["/", "/sign-in", "/sign-up", "/accessibility", "/sign-in/check-email", "/invitations/not-a-real-token"]) {
    await visit(page, path);
  }
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
  "/c/innovation",
  "/c/innovation/members",
  "/c/innovation/members?q=grace",
  "/c/innovation/invite",
  "/c/innovation/settings",
  "/c/adult-and-childrens-services",
  "/settings",
  "/reports",
  "/search",
  "/search?q=performance",
  "/search?q=innovation&community=innovation&sort=newest",
  "/moderation",
  "/c/policy-and-performance/moderation",
  "/c/policy-and-performance/moderation/log",
];

for (const [role, email] of Object.entries(demo)) {
  test(`every signed-in page, as the demo ${role}`, async ({ page }) => {
    await signIn(page.request, email);
    const feed = await (await page.request.get("/api/v1/communities/policy-and-performance/posts?limit=1")).json();
    const post = feed.items[0];
    const postPages = [
      "/c/policy-and-performance?kind=question&unanswered=1",
      "/c/policy-and-performance/new",
      `/c/policy-and-performance/posts/${post.id}`,
      `/people/${post.author.id}`,
    ];
    for (const path of [...signedInPages, ...postPages]) await visit(page, path);
    await visit(page, "/c/no-such-community", 404);
    await visit(page, "/invitations/not-a-real-token-at-all-000000", 404);
  });
}

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
