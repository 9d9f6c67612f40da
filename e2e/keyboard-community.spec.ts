import type { Page } from "@playwright/test";
import { expect, expectAccessible, statusMessage, test, visit } from "./support/fixtures";
import { activate, expectAnnounced, expectArrivedAt, expectFocusWithin, skipToMain, tabTo, typeInto } from "./support/keyboard";
import { closePeople, demoFacilitator, join, newCommunity, newPerson, postWithReader, stamp } from "./support/people";
import { keyboardJourneys } from "@/lib/accessibility/tested";

// Keyboard-only journeys for a community's work: moderating a report, answering an event's
// invitation and editing a library document. Setting the scene may use the mouse; the journey
// under test uses only the keyboard.

/** A report on a post, sent by a member through the form (the scene for the moderation journey). */
async function report(reporter: Page, path: string) {
  await reporter.goto(path);
  await reporter.getByRole("link", { name: "Report this post" }).click();
  await reporter.getByLabel("Shares something that should stay confidential").check();
  await reporter.getByRole("button", { name: "Send report" }).click();
  await expect(reporter.getByRole("status").filter({ hasText: "The facilitators will look at it" })).toBeVisible();
}

test.afterEach(async ({ browser, context }) => closePeople(browser, context));

test(`${keyboardJourneys.moderate} by keyboard alone`, async ({ browser }) => {
  const { slug, path, facilitator, reader } = await postWithReader(browser, "Keyboard moderation", "Named residents", "<p>The family at number 12 again.</p>");
  await report(reader, path);

  await visit(facilitator, `/c/${slug}`);
  await skipToMain(facilitator);
  await activate(facilitator, facilitator.getByRole("link", { name: /Moderation/ }));
  await expectArrivedAt(facilitator, "Moderation");
  await expect(facilitator.getByRole("heading", { name: "Open reports (1)" })).toBeVisible();

  await typeInto(facilitator, facilitator.getByLabel("Reason for hiding (the author sees it)"), "Identifies a family.");
  await activate(facilitator, facilitator.getByRole("button", { name: "Hide post" }));
  await expect(facilitator.getByText("(already hidden)")).toBeVisible();
  await expectFocusWithin(facilitator, facilitator.getByRole("main"));

  await typeInto(facilitator, facilitator.getByLabel("Note (optional)"), "Hidden; author told why.");
  await activate(facilitator, facilitator.getByRole("button", { name: "Resolve" }));
  await expect(facilitator.getByRole("heading", { name: "Open reports (0)" })).toBeVisible();
  await expectAnnounced(facilitator, "Open reports (0)");
  await expectFocusWithin(facilitator, facilitator.getByRole("main"));
  await expectAccessible(facilitator);
});

test(`${keyboardJourneys.rsvp} by keyboard alone`, async ({ browser }) => {
  const id = stamp();
  const facilitator = await demoFacilitator(browser);
  const slug = await newCommunity(facilitator, `Keyboard events ${id}`);
  const title = `Leads' meeting ${id}`;
  await facilitator.goto(`/c/${slug}/events/new`);
  await facilitator.getByRole("textbox", { name: "Title" }).fill(title);
  await facilitator.getByRole("textbox", { name: "What it is about" }).fill("Comparing quarterly reports.");
  await facilitator.getByRole("radio", { name: "Online", exact: true }).check();
  await facilitator.getByRole("textbox", { name: "Joining link (if online)" }).fill("https://meet.example.gov.uk/leads");
  await facilitator.getByRole("textbox", { name: "Date", exact: true }).fill("14/9/2031");
  await facilitator.getByRole("textbox", { name: "Start time" }).fill("10:00");
  await facilitator.getByRole("textbox", { name: "End time" }).fill("11:00");
  await facilitator.getByRole("button", { name: "Arrange event" }).click();
  await expect(facilitator.getByRole("heading", { level: 1 })).toHaveText(title);
  const eventPath = new URL(facilitator.url()).pathname;

  const member = await newPerson(browser, `Eve Attendee ${id}`);
  await join(member, slug);
  await visit(member, eventPath);
  await skipToMain(member);
  const answer = member.getByRole("region", { name: "Are you going?" });
  // No answer is chosen yet, so Tab stops on each radio button; Space chooses one.
  await tabTo(member, answer.getByRole("radio", { name: "Going", exact: true }));
  await member.keyboard.press("Space");
  await expect(answer.getByRole("radio", { name: "Going", exact: true })).toBeChecked();
  await typeInto(member, answer.getByRole("textbox", { name: "A note to the organisers (optional)" }), "I will bring our report.");
  await activate(member, answer.getByRole("button", { name: "Send my answer" }));
  await expect(statusMessage(answer)).toHaveText("You are going.");
  await expectFocusWithin(member, answer);
  await expectAccessible(member);
});

test(`${keyboardJourneys.editDocument} by keyboard alone`, async ({ browser }) => {
  const id = stamp();
  const facilitator = await demoFacilitator(browser);
  const slug = await newCommunity(facilitator, `Keyboard library ${id}`);
  const writer = await newPerson(browser, `Wyn Writer ${id}`);
  await join(writer, slug);
  const title = `Performance framework ${id}`;
  await writer.goto(`/c/${slug}/library/new`);
  await writer.getByLabel("Title").fill(title);
  await writer.getByRole("textbox", { name: "First draft" }).click();
  await writer.keyboard.type("We report quarterly to the cabinet.");
  await writer.getByRole("button", { name: "Create document" }).click();
  await expect(writer.getByRole("heading", { level: 1 })).toHaveText(title);
  const path = new URL(writer.url()).pathname;

  await visit(writer, path);
  await skipToMain(writer);
  await activate(writer, writer.getByRole("link", { name: "Edit", exact: true }));
  await expectArrivedAt(writer, `Edit: ${title}`);
  await tabTo(writer, writer.getByRole("textbox", { name: "Text" }));
  await writer.keyboard.press("Control+End");
  await writer.keyboard.type(" Scrutiny sees the same figures.");
  await typeInto(writer, writer.getByLabel("What did you change? (optional)"), "Added scrutiny");
  await activate(writer, writer.getByRole("button", { name: "Save changes" }));
  await expectArrivedAt(writer, title);
  await expectAnnounced(writer, "Saved as version 2.");
  await expect(writer.locator("#document-text")).toContainText("Scrutiny sees the same figures.");
  await expectAccessible(writer);
});
