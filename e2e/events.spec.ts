import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import type { Page } from "@playwright/test";
import { demo, expect, expectAccessible, signIn, signUp, statusMessage, test, visit } from "./support/fixtures";
import { pressOn as press } from "./support/keyboard";

// A community's meeting from invitation to follow-up, by keyboard alone: a facilitator arranges
// it, a member answers and takes it into their calendar, the facilitator writes the agenda and
// then the notes with an action, and the member ticks the action off.

const community = "/c/policy-and-performance";

/** Moves focus to a control and activates it with the keyboard, as a keyboard user would. */
async function typeInto(page: Page, locator: ReturnType<Page["getByRole"]>, text: string) {
  await locator.focus();
  await page.keyboard.type(text);
}

test("a facilitator arranges an event; a member answers and downloads it; agenda, notes and an action; its owner ticks it off", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const title = `Performance leads' meeting ${stamp}`;
  const facilitator = await (await browser.newContext()).newPage();
  await signIn(facilitator.request, demo.facilitator);
  const member = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(member.request, demo.member);

  // Arranging, by keyboard; a first try with the date missing shows the errors beside the fields.
  await visit(facilitator, `${community}/events`);
  await press(facilitator, facilitator.getByRole("link", { name: "Arrange an event" }));
  await expect(facilitator.getByRole("heading", { level: 1 })).toHaveText("Arrange an event");
  await expectAccessible(facilitator);
  await typeInto(facilitator, facilitator.getByRole("textbox", { name: "Title" }), title);
  await typeInto(facilitator, facilitator.getByRole("textbox", { name: "What it is about" }), "Comparing our quarterly performance reports.");
  await press(facilitator, facilitator.getByRole("radio", { name: "In person and online" }), "Space");
  await typeInto(facilitator, facilitator.getByRole("textbox", { name: "Where people meet (if in person)" }), "Room 3, Castlemere Town Hall");
  await typeInto(facilitator, facilitator.getByRole("textbox", { name: "Joining link (if online)" }), "https://meet.example.gov.uk/leads");
  await typeInto(facilitator, facilitator.getByRole("textbox", { name: "Start time" }), "10:00");
  await typeInto(facilitator, facilitator.getByRole("textbox", { name: "End time" }), "12:00");
  await typeInto(facilitator, facilitator.getByRole("textbox", { name: "Number of places (optional)" }), "12");
  await press(facilitator, facilitator.getByRole("button", { name: "Arrange event" }));
  const summary = facilitator.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Enter the date.");
  await expect(facilitator.getByRole("textbox", { name: "Title" })).toHaveValue(title);
  await expectAccessible(facilitator);
  await typeInto(facilitator, facilitator.getByRole("textbox", { name: "Date", exact: true }), "14/9/2031");
  await press(facilitator, facilitator.getByRole("button", { name: "Arrange event" }));
  await expect(facilitator.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(facilitator.getByText("Sunday, 14 September 2031, 10:00 to 12:00 BST")).toBeVisible();
  await expectAccessible(facilitator);
  const eventUrl = new URL(facilitator.url()).pathname;

  // The member answers, by keyboard.
  await visit(member, eventUrl);
  await expect(member.getByText("Room 3, Castlemere Town Hall")).toBeVisible();
  await press(member, member.getByRole("radio", { name: "Going", exact: true }), "Space");
  await typeInto(member, member.getByRole("textbox", { name: "A note to the organisers (optional)" }), "I will bring our Q2 report.");
  await press(member, member.getByRole("button", { name: "Send my answer" }));
  await expect(statusMessage(member.getByRole("region", { name: "Are you going?" }))).toHaveText("You are going.");
  await expectAccessible(member);

  // …and takes it into their calendar.
  const download = member.waitForEvent("download");
  await press(member, member.getByRole("link", { name: /Add to calendar/ }));
  const file = readFileSync((await (await download).path())!, "utf8");
  const calendar = new ICAL.Component(ICAL.parse(file));
  const vevent = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  expect(vevent.summary).toBe(title);
  expect(vevent.location).toContain("Room 3, Castlemere Town Hall");
  expect(vevent.startDate.toString()).toBe("2031-09-14T10:00:00");
  expect(calendar.getFirstSubcomponent("vtimezone")!.getFirstPropertyValue("tzid")).toBe("Europe/London");

  // The organisers see the member's note; the facilitator writes the agenda.
  await facilitator.reload();
  await expect(facilitator.getByRole("complementary", { name: "Taking part" })).toContainText("I will bring our Q2 report.");
  await press(facilitator, facilitator.getByRole("link", { name: "Write the agenda" }));
  await expect(facilitator.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
  await expectAccessible(facilitator);
  await typeInto(facilitator, facilitator.getByRole("textbox", { name: "Agenda" }), "Welcome. Quarterly reports compared.");
  await press(facilitator, facilitator.getByRole("button", { name: "Save the agenda" }));
  await expect(facilitator.getByRole("region", { name: "Agenda" })).toContainText("Quarterly reports compared.");

  // After the meeting: the notes, and an action for the member.
  await press(facilitator, facilitator.getByRole("link", { name: "Write the notes" }));
  await typeInto(facilitator, facilitator.getByRole("textbox", { name: "Notes", exact: true }), "We agreed a shared template.");
  await press(facilitator, facilitator.getByRole("button", { name: "Save the notes" }));
  await expect(facilitator.getByRole("region", { name: "Notes" })).toContainText("We agreed a shared template.");
  await press(facilitator, facilitator.getByText("Add an action"));
  await typeInto(facilitator, facilitator.getByRole("textbox", { name: "What needs doing" }), `Draft the shared template ${stamp}`);
  await typeInto(facilitator, facilitator.getByRole("combobox", { name: "Who will do it" }), "Grace Adeyemi");
  await expect(facilitator.getByRole("combobox", { name: "Who will do it" })).toHaveValue(/[0-9a-f-]{36}/);
  await typeInto(facilitator, facilitator.getByRole("textbox", { name: "Due by (optional)" }), "30/9/2031");
  await press(facilitator, facilitator.getByRole("button", { name: "Add action" }));
  const actions = facilitator.getByRole("region", { name: "Actions agreed" });
  await expect(actions).toContainText(`Draft the shared template ${stamp}`);
  await expect(actions).toContainText("For Grace Adeyemi · due 30 September 2031 · open");
  await expect(actions.getByRole("button", { name: /as done/ })).toHaveCount(0);
  await expectAccessible(facilitator);

  // Its owner ticks it off, by keyboard; it is on their home page until then.
  await visit(member, "/home");
  await expect(member.getByRole("region", { name: "Your open actions" })).toContainText(`Draft the shared template ${stamp}`);
  await visit(member, eventUrl);
  await press(member, member.getByRole("button", { name: `Mark “Draft the shared template ${stamp}” as done` }));
  await expect(member.getByRole("status").filter({ hasText: "Marked as done." })).toBeVisible();
  await member.reload();
  await expect(member.getByRole("region", { name: "Actions agreed" })).toContainText("· done");
  await expectAccessible(member);
});

test("the calendar feed: an address made in settings, fetched by a calendar app without signing in, and turned off", async ({ browser }) => {
  // A newcomer of their own (other tests change the demo member's communities): a member of the
  // open community only, where the demo briefing is.
  const page = await (await browser.newContext()).newPage();
  const { email, password } = await signUp(page.request, "Cal Feedreader");
  await signIn(page.request, email, password);
  expect((await page.request.post("/api/v1/communities/policy-and-performance/membership")).status()).toBe(200);
  await visit(page, "/settings");
  await press(page, page.getByRole("button", { name: /Make my calendar feed address|Make a new address/ }));
  const status = page.getByRole("status").filter({ hasText: "Your calendar feed address is" });
  await expect(status).toBeVisible();
  await expectAccessible(page);
  const url = (await status.textContent())!.match(/https?:\/\/\S+\.ics/)![0];
  const app = await browser.newContext();
  const feed = await app.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const body = await feed.text();
  expect(body).toContain("Online briefing: the new local outcomes framework");
  // Nothing from a restricted community they are not a member of.
  expect(body).not.toContain("safeguarding partnership");
  await page.reload();
  await press(page, page.getByRole("button", { name: "Turn off my calendar feed" }));
  await expect(page.getByRole("status").filter({ hasText: "turned off" })).toBeVisible();
  expect((await app.request.get(url)).status()).toBe(404);
});

test("someone outside a restricted community finds none of its events", async ({ page }) => {
  await signIn(page.request, demo.facilitator);
  const html = await (await page.request.get("/c/adult-and-childrens-services/events")).text();
  const eventPath = html.match(/\/c\/adult-and-childrens-services\/events\/[0-9a-f-]{36}/)![0];
  const outsider = await page.context().browser()!.newContext();
  const { email, password } = await signUp(outsider.request, "Otto Outsider");
  await signIn(outsider.request, email, password);
  for (const path of [eventPath, `${eventPath}/calendar.ics`, `${eventPath}/agenda`]) {
    const response = await outsider.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toMatch(/Northfield|safeguarding partnership|meet\.example/);
  }
});

test("every state of an event reads well: a waiting list, a past meeting with notes and actions, a cancelled event", async ({ page }) => {
  await signIn(page.request, demo.facilitator);
  await visit(page, "/c/adult-and-childrens-services/events");
  const links = page.getByRole("main").getByRole("link", { name: /meeting|Workshop/ });
  const paths = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  expect(paths.length).toBeGreaterThanOrEqual(3);
  for (const path of paths) {
    await visit(page, path);
    await visit(page, `${path}/notes`);
  }

  // Arrange one and cancel it, by keyboard.
  await visit(page, "/c/adult-and-childrens-services/events/new");
  await typeInto(page, page.getByRole("textbox", { name: "Title" }), `Extra session ${Date.now().toString(36)}`);
  await typeInto(page, page.getByRole("textbox", { name: "What it is about" }), "An extra session.");
  await press(page, page.getByRole("radio", { name: "Online", exact: true }), "Space");
  await typeInto(page, page.getByRole("textbox", { name: "Joining link (if online)" }), "https://meet.example.gov.uk/extra");
  await typeInto(page, page.getByRole("textbox", { name: "Date", exact: true }), "3/3/2032");
  await typeInto(page, page.getByRole("textbox", { name: "Start time" }), "9:30");
  await typeInto(page, page.getByRole("textbox", { name: "End time" }), "10:30");
  await press(page, page.getByRole("button", { name: "Arrange event" }));
  await expect(page.getByText("Wednesday, 3 March 2032, 09:30 to 10:30 GMT")).toBeVisible();
  await press(page, page.getByRole("link", { name: "Change or cancel the event" }));
  await expect(page).toHaveURL(/\/edit$/);
  await expectAccessible(page);
  await typeInto(page, page.getByRole("textbox", { name: "Why it is cancelled (optional)" }), "Not enough people can come.");
  await press(page, page.getByRole("button", { name: "Cancel the event" }));
  await expect(page.getByText("This event has been cancelled. Reason: Not enough people can come.")).toBeVisible();
  await expectAccessible(page);
});
