import { expect, expectAccessible, test, uniqueEmail, visit, waitForMail } from "./support/fixtures";
import { activate, expectAnnounced, expectArrivedAt, expectFocusWithin, skipToMain, tabTo, typeInto } from "./support/keyboard";
import { closePeople, demoFacilitator, join, newCommunity, newPerson, stamp } from "./support/people";
import { keyboardJourneys } from "@/lib/accessibility/tested";

// Keyboard-only journeys for accounts: signing up, confirming the address, joining a community
// and choosing notifications. Only Tab, Shift+Tab, arrows, Space, Enter and typing; each step
// checks the focus can be seen, lands where the work goes on, and the change is announced.

test.afterEach(async ({ browser, context }) => closePeople(browser, context));

test(`${keyboardJourneys.signUp} by keyboard alone`, async ({ page, browser }) => {
  const name = `Keyboard joiners ${stamp()}`;
  const slug = await newCommunity(await demoFacilitator(browser), name);
  const email = uniqueEmail("keys");

  await visit(page, "/sign-up");
  await skipToMain(page);
  await typeInto(page, page.getByRole("textbox", { name: "Full name" }), "Kit Keyboard");
  await typeInto(page, page.getByRole("textbox", { name: "Work email address" }), email);
  await typeInto(page, page.getByLabel("Password", { exact: true }), "three random words");
  await page.keyboard.press("Enter");
  await expectArrivedAt(page, "Check your email");
  await expectAccessible(page);

  // Confirming the address from the link in the email.
  const mail = await waitForMail(email, /Confirm your email address/);
  await visit(page, new URL(mail.links[0]!).pathname);
  await skipToMain(page);
  await typeInto(page, page.getByLabel("Password", { exact: true }), "three random words");
  await activate(page, page.getByRole("button", { name: "Confirm my address" }));
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page.getByRole("region", { name: "Confirm your email address" })).toHaveCount(0);

  // Joining: the Join button gives way to Leave, and the focus stays in the membership panel,
  // whose change is announced.
  await visit(page, `/c/${slug}`);
  await skipToMain(page);
  await activate(page, page.getByRole("button", { name: `Join ${name}` }));
  const panel = page.getByRole("region", { name: "Your membership" });
  await expect(panel).toContainText("You are a member of this community.");
  await expectAnnounced(page, "You are a member of this community.");
  await expectFocusWithin(page, panel);
  await tabTo(page, panel.getByRole("button", { name: "Leave this community" }));
  await expectAccessible(page);
});

test("an error on sign-up takes the focus to the summary, whose links lead to the fields", async ({ page }) => {
  await visit(page, "/sign-up");
  await skipToMain(page);
  await typeInto(page, page.getByRole("textbox", { name: "Full name" }), "Nell No-Address");
  await activate(page, page.getByRole("button", { name: "Create account" }));
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Work email address" })).toBeFocused();
  await expect(page.getByRole("textbox", { name: "Full name" })).toHaveValue("Nell No-Address");
});

test(`${keyboardJourneys.notificationSettings} by keyboard alone`, async ({ browser }) => {
  const member = await newPerson(browser, `Nia Notices ${stamp()}`);
  await join(member, "policy-and-performance");
  await visit(member, "/settings/notifications");
  await skipToMain(member);

  // Radio buttons: Tab reaches the group's chosen one, an arrow key chooses the next.
  const digest = member.getByRole("group", { name: "Digest of what happened in your communities" });
  const chosen = await digest.getByRole("radio", { checked: true }).getAttribute("value");
  await tabTo(member, digest.getByRole("radio", { checked: true }));
  await member.keyboard.press("ArrowDown");
  const now = await digest.getByRole("radio", { checked: true }).getAttribute("value");
  expect(now).not.toBe(chosen);
  await activate(member, member.getByRole("button", { name: "Save email settings" }));
  await expectAnnounced(member, "Your email settings are saved.");
  await expect(member.getByRole("button", { name: "Save email settings" })).toBeFocused();

  // One community's watch level, further down the same page.
  const community = member.getByRole("listitem").filter({ has: member.getByRole("heading", { name: "Policy and performance" }) });
  await tabTo(member, community.getByRole("radio", { checked: true }));
  await member.keyboard.press("ArrowUp");
  await activate(member, community.getByRole("button", { name: /^Save for/ }));
  await expectAnnounced(member, /saved/i);

  await member.reload();
  await expect(member.getByRole("group", { name: "Digest of what happened in your communities" }).getByRole("radio", { checked: true })).toHaveAttribute("value", now!);
  await expectAccessible(member);
});
