import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

// Helpers for keyboard-only journeys: focus moves only by Tab, Shift+Tab and the keys a
// keyboard user presses; nothing is clicked and nothing is focused by script.

/** Whether the element the locator points to holds the focus now. */
async function hasFocus(target: Locator) {
  return target.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** A description of what holds the focus, for failure messages. */
export async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "the page itself (focus was lost)";
    const name = el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 60) ?? "";
    return `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ""}> ${name}`;
  });
}

/**
 * Presses Tab (or Shift+Tab) until the target holds the focus, as a keyboard user moves through
 * the page, and checks that the focus can be seen there. Fails if it takes more than `limit` presses.
 */
export async function tabTo(page: Page, target: Locator, { back = false, limit = 80 } = {}) {
  await expect(target).toBeVisible();
  for (let presses = 0; !(await hasFocus(target)); presses++) {
    if (presses >= limit) throw new Error(`Tab did not reach ${target} within ${limit} presses; focus is on ${await focused(page)}`);
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expectVisibleFocus(page);
}

/** Tabs to a control and presses a key on it (Enter for links and buttons, Space for boxes). */
export async function activate(page: Page, target: Locator, key = "Enter") {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Focuses a control directly and presses a key on it: for journeys whose Tab order another test covers. */
export async function pressOn(page: Page, target: Locator, key = "Enter") {
  await target.focus();
  await expect(target).toBeFocused();
  await page.keyboard.press(key);
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/**
 * The focused element draws the site's focus indicator (WCAG 2.4.7): a solid outline or the
 * yellow ring, on an element that is on the screen and not hidden.
 */
export async function expectVisibleFocus(page: Page) {
  const indicator = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "no element has focus";
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || style.visibility === "hidden") return "the focused element has no size on screen";
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow !== "none" && style.boxShadow !== "";
    return outline || ring ? "visible" : `no focus indicator (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow})`;
  });
  expect(indicator, `focus on ${await focused(page)}`).toBe("visible");
}

/**
 * The first Tab on a fresh page reaches the skip link, which shows itself; Enter on it moves
 * the focus to the main content, so the next Tab starts there rather than in the header.
 */
export async function skipToMain(page: Page) {
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
}

/** After a step that loads another page, the focus starts at its heading, and the change is announced. */
export async function expectArrivedAt(page: Page, heading: string | RegExp) {
  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).toHaveText(heading);
  await expect(h1, `focus on ${await focused(page)}`).toBeFocused();
  // Next.js's route announcer reads out the new page: its title, or its heading while the
  // title (streamed after the body) has not yet arrived.
  const announcer = page.locator("#__next-route-announcer__");
  await expect
    .poll(async () => {
      const said = (await announcer.textContent()) ?? "";
      return said !== "" && (said === (await page.title()) || said === (await h1.textContent()));
    })
    .toBe(true);
}

/**
 * Text appears in a live region: a status or alert message on the page, or Next.js's route
 * announcer (which reads out the new page's title after a client-side navigation).
 */
export async function expectAnnounced(page: Page, text: string | RegExp) {
  const regions = page.locator("[role=status], [role=alert], [aria-live=polite], [aria-live=assertive], #__next-route-announcer__");
  await expect(regions.filter({ hasText: text }).first()).toBeAttached();
}

/** The focus is on (or inside) the target after an action. */
export async function expectFocusWithin(page: Page, target: Locator) {
  await expect
    .poll(async () => target.evaluate((el) => el.contains(document.activeElement)).catch(() => false), { message: `focus on ${await focused(page)}` })
    .toBe(true);
}
