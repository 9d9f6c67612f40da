import { demo, expect, expectAccessible, signIn, signUp, test, visit } from "./support/fixtures";

test("report, hide, ban and the audit log, all in the community's own pages", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const facilitator = await (await browser.newContext()).newPage();
  await signIn(facilitator.request, demo.facilitator);
  const created = await facilitator.request.post("/api/v1/communities", { data: { name: `Moderated ${stamp}`, purpose: "Kept tidy.", visibility: "open" } });
  expect(created.status()).toBe(201);
  const { slug } = await created.json();
  const base = `/c/${slug}`;

  const author = await (await browser.newContext()).newPage();
  const authorAccount = await signUp(author.request, "Adrian Author");
  await signIn(author.request, authorAccount.email, authorAccount.password);
  await author.request.post(`/api/v1/communities/${slug}/membership`);
  const posted = await author.request.post(`/api/v1/communities/${slug}/posts`, {
    data: { kind: "discussion", title: `Residents named ${stamp}`, body: "<p>The family at number 12 again.</p>", bodyFormat: "html" },
  });
  const { postId } = await posted.json();

  // 1. A member reports the post.
  const reporter = await (await browser.newContext()).newPage();
  const reporterAccount = await signUp(reporter.request, "Rosa Reporter");
  await signIn(reporter.request, reporterAccount.email, reporterAccount.password);
  await reporter.request.post(`/api/v1/communities/${slug}/membership`);
  await visit(reporter, `${base}/posts/${postId}`);
  await reporter.getByRole("link", { name: "Report this post" }).click();
  await reporter.getByLabel("Shares something that should stay confidential").check();
  await reporter.getByLabel(/Anything the facilitators should know/).fill("It identifies a family.");
  await reporter.getByRole("button", { name: "Send report" }).click();
  await expect(reporter.getByRole("status").filter({ hasText: "The facilitators will look at it" })).toBeVisible();
  await expectAccessible(reporter);

  // 2. The facilitator sees the badge and hides the post from the queue, by keyboard.
  await visit(facilitator, base);
  const tab = facilitator.getByRole("link", { name: /Moderation/ });
  await expect(tab).toContainText("1 waiting");
  await tab.click();
  await expect(facilitator.getByRole("heading", { name: "Open reports (1)" })).toBeVisible();
  await expect(facilitator.getByText("It identifies a family.")).toBeVisible();
  await expectAccessible(facilitator);
  const reason = facilitator.getByLabel("Reason for hiding (the author sees it)");
  await reason.focus();
  await facilitator.keyboard.press("Control+a");
  await facilitator.keyboard.type("Identifies a family: please remove the address.");
  await facilitator.keyboard.press("Tab");
  await expect(facilitator.getByRole("button", { name: "Hide post" })).toBeFocused();
  await facilitator.keyboard.press("Enter");
  await expect(facilitator.getByText("(already hidden)")).toBeVisible();
  await facilitator.getByLabel("Note (optional)").fill("Hidden; author told why.");
  await facilitator.getByRole("button", { name: "Resolve" }).click();
  await expect(facilitator.getByRole("heading", { name: "Open reports (0)" })).toBeVisible();

  await visit(author, `${base}/posts/${postId}`);
  await expect(author.getByText("Identifies a family: please remove the address.")).toBeVisible();
  await visit(author, base);
  await expect(author.getByText(/hidden by a facilitator: Identifies a family/)).toBeVisible();
  expect((await reporter.goto(`${base}/posts/${postId}`))?.status()).toBe(404);
  await visit(reporter, "/reports");
  await expect(reporter.getByText("Dealt with by a facilitator")).toBeVisible();

  // 3. The facilitator bans the reporter's foe; the banned member cannot rejoin.
  await visit(facilitator, `${base}/members`);
  await facilitator.getByRole("link", { name: "Ban Adrian Author…" }).click();
  await facilitator.getByLabel("Reason").fill("Keeps naming residents.");
  await facilitator.getByRole("button", { name: "Ban Adrian Author" }).click();
  await expect(facilitator.getByRole("cell", { name: "Adrian Author" })).toHaveCount(0);
  await expectAccessible(facilitator);
  await visit(author, base);
  await expect(author.getByRole("button", { name: /^Join/ })).toHaveCount(0);
  await expect(author.getByText("You are banned from this community.", { exact: true })).toBeVisible();
  await expect(author.getByText("You are banned from this community, so you cannot read it.")).toBeVisible();
  const rejoin = await author.request.post(`/api/v1/communities/${slug}/membership`);
  expect(rejoin.status()).toBe(403);

  // 4. The audit log shows all of it.
  await visit(facilitator, `${base}/moderation/log`);
  const rows = facilitator.getByRole("row");
  await expect(rows.filter({ hasText: "ban" }).filter({ hasText: "Keeps naming residents." })).toHaveCount(1);
  await expect(rows.filter({ hasText: "resolve report" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "hide" }).filter({ hasText: "Identifies a family" })).toHaveCount(1);
  await expect(facilitator.getByRole("cell", { name: "Tom Wilkins" }).first()).toBeVisible();

  // The ban can be undone from the moderation page.
  await visit(facilitator, `${base}/moderation`);
  await facilitator.getByRole("button", { name: "Lift the ban on Adrian Author" }).click();
  await expect(facilitator.getByText("Nobody is banned")).toBeVisible();
});

test("a site admin suspends an account, which loses access on its next request", async ({ browser }) => {
  const member = await (await browser.newContext()).newPage();
  const account = await signUp(member.request, "Sam Suspended");
  await signIn(member.request, account.email, account.password);
  await visit(member, "/home");
  expect((await member.request.get("/api/v1/feed")).status()).toBe(200);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin.request, demo.admin);
  // Find the person through their own profile link, as an admin would from any post or list.
  const userId = await member.evaluate(async () => {
    const html = await (await fetch("/settings")).text();
    return html.match(/\/people\/([0-9a-f-]{36})/)?.[1] ?? "";
  });
  await visit(admin, `/people/${userId}`);
  await admin.getByLabel("Reason (kept in the site log)").fill("Account shared with a contractor.");
  await admin.getByRole("button", { name: "Suspend account" }).click();
  await expect(admin.getByText("This account is suspended.")).toBeVisible();

  await member.goto("/home");
  await expect(member).toHaveURL(/\/suspended$/);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Your account is suspended");
  await expectAccessible(member);
  expect((await member.request.get("/api/v1/feed")).status()).toBe(403);

  await visit(admin, "/moderation");
  await expect(admin.getByRole("row").filter({ hasText: "Account shared with a contractor." })).toHaveCount(1);
  await admin.goto(`/people/${userId}`);
  await admin.getByRole("button", { name: "Lift suspension" }).click();
  await expect(admin.getByText("This account is suspended.")).toHaveCount(0);
  await member.goto("/home");
  await expect(member).toHaveURL(/\/home$/);
});
