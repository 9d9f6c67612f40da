import { expect, expectAccessible, signIn, signUp, statusMessage, test, visit, waitForMail } from "./support/fixtures";

test("a private community and its private sub-community stay invisible until the invitation is accepted", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const guestContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const guest = await guestContext.newPage();
  const stamp = Date.now().toString(36);
  const parentName = `Budget recovery board ${stamp}`;
  const childName = `Section 114 contingency ${stamp}`;

  const ownerAccount = await signUp(owner.request, "Olivia Owner");
  await signIn(owner.request, ownerAccount.email, ownerAccount.password);
  const guestName = `Gabriel Guest ${Math.random().toString(36).slice(2, 8).replace(/\d/g, "x")}`;
  const guestAccount = await signUp(guest.request, guestName);
  await signIn(guest.request, guestAccount.email, guestAccount.password);

  // The owner creates both, using the keyboard alone.
  await visit(owner, "/communities/new");
  await owner.getByLabel("Name").focus();
  await owner.keyboard.type(parentName);
  await owner.keyboard.press("Tab");
  await owner.keyboard.type(`Confidential work on the recovery plan ${stamp}.`);
  await owner.getByLabel("Private").focus();
  await owner.keyboard.press("Space");
  await expect(owner.getByLabel("Private")).toBeChecked();
  await owner.getByRole("button", { name: "Create community" }).focus();
  await owner.keyboard.press("Enter");
  await expect(owner.getByRole("heading", { level: 1 })).toHaveText(parentName);
  const parentUrl = new URL(owner.url()).pathname;
  await expectAccessible(owner);

  await owner.getByRole("link", { name: "Add a sub-community" }).click();
  await expect(owner.getByLabel("Open")).toHaveCount(0);
  await owner.getByLabel("Name").fill(childName);
  await owner.getByRole("button", { name: "Create sub-community" }).click();
  await expect(owner.getByRole("heading", { level: 1 })).toHaveText(childName);
  const childUrl = new URL(owner.url()).pathname;
  const childSlug = childUrl.split("/").pop()!;
  const parentSlug = parentUrl.split("/").pop()!;

  // The guest finds nothing: every URL is a 404, and nothing names them anywhere. (The URL
  // itself holds the slug, so the checks look for the names and purpose as written.)
  const secrets = [parentName, childName, `recovery plan ${stamp}`];
  for (const path of [parentUrl, `${parentUrl}/members`, `${parentUrl}/settings`, `${parentUrl}/invite`, childUrl, `${childUrl}/members`, `/communities/new?parent=${parentSlug}`, `/communities?parent=${childSlug}`]) {
    const response = await guest.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(guest.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    const html = await guest.content();
    for (const secret of secrets) expect(html, path).not.toContain(secret);
  }
  await expectAccessible(guest);
  for (const path of [`/api/v1/communities/${parentSlug}`, `/api/v1/communities/${childSlug}/members`]) {
    const response = await guest.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const body = await response.text();
    for (const secret of secrets) expect(body, path).not.toContain(secret);
  }
  for (const path of ["/home", `/communities?q=${stamp}`, "/communities?sort=name", `/api/v1/communities?q=${stamp}`]) {
    await guest.goto(path);
    const html = await guest.content();
    for (const secret of secrets) expect(html, path).not.toContain(secret);
  }

  // Invited to the parent by email, the guest accepts through the link.
  await visit(owner, `${parentUrl}/invite`);
  await owner.getByLabel("Their name or email address").fill(guestAccount.email);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(statusMessage(owner)).toHaveText("Invitation sent to that address.");
  await expectAccessible(owner);
  const mail = await waitForMail(guestAccount.email, new RegExp(parentName));
  await visit(guest, new URL(mail.links[0]!).pathname);
  await expect(guest.getByRole("heading", { level: 1 })).toHaveText(`Join ${parentName}`);
  await guest.getByRole("button", { name: "Accept and join" }).click();
  await expect(guest.getByRole("heading", { level: 1 })).toHaveText(parentName);
  const usedAgain = await guest.goto(new URL(mail.links[0]!).pathname);
  expect(usedAgain?.status()).toBe(200);
  await expect(guest.locator("main [role=alert]")).toHaveText(/already been used/);

  // Invited to the sub-community by name, the guest accepts from the home page.
  await visit(owner, `${childUrl}/invite`);
  await owner.getByLabel("Their name or email address").fill(guestName);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(statusMessage(owner)).toContainText("Invitation sent");
  await visit(guest, "/home");
  await guest.getByRole("button", { name: `Accept invitation to ${childName}` }).click();
  await expect(guest.getByRole("heading", { level: 1 })).toHaveText(childName);
  await expect(guest.getByRole("navigation", { name: "Breadcrumb" })).toContainText(parentName);
  await expectAccessible(guest);

  await visit(guest, "/home");
  const mine = guest.getByRole("region", { name: "Your communities" });
  await expect(mine.getByRole("heading", { name: parentName })).toBeVisible();
  await expect(mine.getByRole("heading", { name: childName })).toBeVisible();
  await ownerContext.close();
  await guestContext.close();
});

test("a facilitator answers a request to join a restricted community", async ({ browser }) => {
  const facilitator = await (await browser.newContext()).newPage();
  await signIn(facilitator.request, "facilitator@example.gov.uk");
  await visit(facilitator, "/c/adult-and-childrens-services");
  const requests = facilitator.getByRole("region", { name: /Requests to join/ });
  await expect(requests).toContainText("Grace Adeyemi");
  await expect(requests).toContainText("early help team");
  await requests.getByRole("button", { name: "Approve Grace Adeyemi" }).click();
  await expect(facilitator.getByRole("region", { name: /Requests to join/ })).not.toContainText("Grace Adeyemi");
  await expect(facilitator.getByText("13 members")).toBeVisible();

  const member = await (await browser.newContext()).newPage();
  await signIn(member.request, "member@example.gov.uk");
  await visit(member, "/c/adult-and-childrens-services");
  await expect(member.getByText("You are a member of this community.")).toBeVisible();
  await visit(member, "/c/adult-and-childrens-services/members");
  await expect(member.getByRole("cell", { name: "Grace Adeyemi" })).toBeVisible();
  // The decision reaches them as a notification, emailed at once by default.
  const mail = await waitForMail("member@example.gov.uk", /Your request to join Adult and Children's services was approved/);
  expect(mail.text).toContain("approved");
});
