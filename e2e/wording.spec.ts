import { demo, expect, signIn, signUp, test, visit } from "./support/fixtures";

// What pages tell people about their situation must be true of it, and say what they can do.
// (Each rule behind these words has its refusal table in lib/policy; these check the pages.)

test("someone who is not a member of an open community is told to join to post or reply", async ({ page }) => {
  await signIn(page.request, demo.admin);
  const feed = await (await page.request.get("/api/v1/communities/policy-and-performance/posts?limit=1")).json();
  await visit(page, `/c/policy-and-performance/posts/${feed.items[0].id}`);
  await expect(page.getByText("Join this community to reply here.")).toBeVisible();
  await visit(page, "/c/policy-and-performance/new");
  await expect(page.getByText("Join this community to post here.")).toBeVisible();
});

test("someone waiting to join a restricted community is told so once, and when they can read it", async ({ page }) => {
  // A newcomer of their own: another test answers the demo member's request.
  const { email, password } = await signUp(page.request, "Wren Waiting");
  await signIn(page.request, email, password);
  expect((await page.request.post("/api/v1/communities/adult-and-childrens-services/membership", { data: { message: "Hello" } })).status()).toBeLessThan(300);
  await visit(page, "/c/adult-and-childrens-services");
  await expect(page.getByText("Discussions here are for members only. You can read them once your request to join is accepted.")).toBeVisible();
  await expect(page.getByText("You have asked to join. A facilitator will answer your request.")).toBeVisible();
  await expect(page.getByText(/A facilitator will answer/)).toHaveCount(1);
});

test("a post awaiting approval says who can see it until it is approved", async ({ page }) => {
  await signIn(page.request, demo.facilitator);
  await visit(page, "/c/innovation/moderation");
  await page.getByRole("region", { name: /Posts awaiting approval/ }).getByRole("link").first().click();
  await expect(page.getByText("This post is waiting for a facilitator to approve it. Until then only its author and the facilitators can see it.")).toBeVisible();
  await expect(page.getByText("This post is waiting for a facilitator's approval, so it takes no new replies yet.")).toBeVisible();
});

test("empty lists say what to do next", async ({ page }) => {
  await signIn(page.request, demo.admin);
  await visit(page, "/reports");
  await expect(page.getByText("You have not reported anything. To report a post or a reply, use the Report link beside it.")).toBeVisible();
  await visit(page, "/communities?q=no-community-is-called-this");
  await expect(page.getByText("No communities match “no-community-is-called-this”. Try other words, or start one.")).toBeVisible();
});
