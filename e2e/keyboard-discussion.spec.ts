import { expect, expectAccessible, test, visit } from "./support/fixtures";
import { activate, expectAnnounced, expectArrivedAt, expectFocusWithin, expectVisibleFocus, skipToMain, tabTo, typeInto } from "./support/keyboard";
import { closePeople, demoFacilitator, join, newCommunity, newPerson, newPost, postWithReader, stamp } from "./support/people";
import { keyboardJourneys } from "@/lib/accessibility/tested";

// Keyboard-only journeys for the discussion: posting with the rich editor, replying, marking
// helpful, reporting and searching. Nothing is clicked; each step checks where the focus is,
// that it can be seen, and that what changed is announced.

test.afterEach(async ({ browser, context }) => closePeople(browser, context));

test(`${keyboardJourneys.post} by keyboard alone`, async ({ browser }) => {
  const id = stamp();
  const name = `Keyboard posting ${id}`;
  const slug = await newCommunity(await demoFacilitator(browser), name);
  const author = await newPerson(browser, `Pat Poster ${id}`);
  await join(author, slug);

  await visit(author, `/c/${slug}`);
  await skipToMain(author);
  await activate(author, author.getByRole("link", { name: "Start a post" }));
  await expectArrivedAt(author, /post/i);
  await expect(author.getByRole("toolbar", { name: "Formatting" })).toBeVisible();

  // The kind is a radio group: Tab reaches the chosen one, an arrow key picks "Question".
  await tabTo(author, author.getByRole("radio", { name: "Discussion" }));
  await author.keyboard.press("ArrowDown");
  await expect(author.getByRole("radio", { name: "Question" })).toBeChecked();
  const title = `Counting void days ${id}`;
  await typeInto(author, author.getByRole("textbox", { name: "Title" }), title);

  // The toolbar is one stop on the way to the text; arrow keys move along it.
  await tabTo(author, author.getByRole("toolbar", { name: "Formatting" }).getByRole("button").first());
  await author.keyboard.press("ArrowRight");
  await expectVisibleFocus(author);
  const body = author.getByRole("textbox", { name: "Body" });
  await tabTo(author, body);
  await author.keyboard.press("Control+b");
  await author.keyboard.type("Context");
  await author.keyboard.press("Control+b");
  await author.keyboard.type(": how do you count the days a home stands empty?");
  await expect(body.locator("strong")).toHaveText("Context");
  await activate(author, author.getByRole("button", { name: "Post", exact: true }));

  await expectArrivedAt(author, title);
  await expect(author.locator(".prose-body strong")).toHaveText("Context");
  await expectAccessible(author);
});

test(`${keyboardJourneys.helpfulAndReply} by keyboard alone`, async ({ browser }) => {
  const { path, title, reader: helper } = await postWithReader(browser, "Keyboard replies", "Empty homes");

  await visit(helper, path);
  await skipToMain(helper);
  await activate(helper, helper.getByRole("button", { name: "Mark as helpful" }));
  await expectAnnounced(helper, "Thanks for your feedback.");
  // The same button, now offering to undo, keeps the focus.
  await expect(helper.getByRole("button", { name: "Helpful (undo)" })).toBeFocused();
  await expect(helper.getByText("1 person found this helpful")).toBeVisible();

  const reply = helper.getByRole("textbox", { name: "Your reply" });
  await tabTo(helper, reply);
  await helper.keyboard.type("We count from keys returned to the new tenancy's start.");
  await activate(helper, helper.getByRole("button", { name: "Post reply" }));

  // The focus lands on the new reply, and the page's new state is announced.
  const posted = helper.locator("[id^=comment-]").filter({ hasText: "We count from keys returned" });
  await expectFocusWithin(helper, posted);
  await expectVisibleFocus(helper);
  await expectAnnounced(helper, title);
  await expect(helper.getByRole("heading", { name: "1 reply" })).toBeVisible();
  await expectAccessible(helper);
});

test(`${keyboardJourneys.report} by keyboard alone`, async ({ browser }) => {
  const { path, reader: reporter } = await postWithReader(browser, "Keyboard reports", "The family at number 12");

  await visit(reporter, path);
  await skipToMain(reporter);
  await activate(reporter, reporter.getByRole("link", { name: "Report this post" }));
  // The form opens where the link pointed, and the focus goes with it: the next Tab is in it.
  const form = reporter.locator("#report-post");
  await expectFocusWithin(reporter, form);
  await reporter.keyboard.press("Tab");
  await expectFocusWithin(reporter, form.getByRole("group", { name: "Why are you reporting this post?" }));
  await reporter.keyboard.press("Space");
  await typeInto(reporter, form.getByRole("textbox", { name: /Anything the facilitators should know/ }), "It names a family.");
  await activate(reporter, form.getByRole("button", { name: "Send report" }));
  await expectAnnounced(reporter, /The facilitators will look at it/);
  await expectAccessible(reporter);
});

test(`${keyboardJourneys.search} by keyboard alone`, async ({ browser }) => {
  const id = stamp();
  const slug = await newCommunity(await demoFacilitator(browser), `Keyboard search ${id}`);
  const author = await newPerson(browser, `Sol Searcher ${id}`);
  await join(author, slug);
  const title = `Allotment waiting lists ${id}`;
  await newPost(author, slug, title, "<p>How long is yours?</p>");

  await visit(author, "/home");
  await tabTo(author, author.getByRole("searchbox", { name: "Search Roundtable" }));
  await author.keyboard.type(`allotment ${id}`);
  await author.keyboard.press("Enter");
  await expect(author.getByRole("heading", { level: 1 })).toHaveText("Search");
  await expect(author.getByRole("heading", { name: "1 post found" })).toBeVisible();
  await skipToMain(author);
  await activate(author, author.getByRole("link", { name: title }));
  await expectArrivedAt(author, title);
  await expectAccessible(author);
});
