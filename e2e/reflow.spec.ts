import type { Browser, Page } from "@playwright/test";
import { expect, signIn, signUp, test } from "./support/fixtures";
import { join, newPost, stamp } from "./support/people";
import { reflowPages, reflowSizes } from "@/lib/accessibility/tested";

// Reflow (WCAG 1.4.10), resize (1.4.4) and motion (2.3.3): the main pages at 320 CSS px wide
// (a 1280 px window at 400%) and at 200% zoom (a 1280 × 800 window at 200% lays pages out in
// 640 × 400 CSS px, drawn with two device pixels to each), and with reduced motion asked for.

const community = "policy-and-performance";


/** A new member with a post of their own, and the main pages they use. */
async function mainPages(browser: Browser) {
  const setup = await (await browser.newContext()).newPage();
  const account = await signUp(setup.request, `Rory Reflow ${stamp()}`);
  await signIn(setup.request, account.email, account.password);
  await join(setup, community);
  const post = await newPost(setup, community, `Reflow check ${stamp()}`, `<p>${"A long paragraph that wraps at any width. ".repeat(20)}</p><p>https://www.example.gov.uk/a/very/long/address/that/has/no/spaces/in/it/at/all</p>`);
  await setup.context().close();
  // Every page the accessibility statement names, and no other.
  const paths: Record<(typeof reflowPages)[number], string> = {
    home: "/home",
    "a community": `/c/${community}`,
    "a post": post,
    "search results": "/search?q=performance",
    "a community's events": `/c/${community}/events`,
    "a community's library": `/c/${community}/library`,
    people: "/people",
    "account settings": "/settings",
    "notification settings": "/settings/notifications",
  };
  return { account, pages: reflowPages.map((name) => paths[name]) };
}

/** What breaks reflow on the page now: a page wider than the window, or a control cut off or off screen. */
async function reflowProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways: ${root.scrollWidth} px in a ${root.clientWidth} px window`);
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.getAttribute("type") ? ` type=${el.getAttribute("type")}` : ""}${el.id ? ` id=${el.id}` : ""}> ${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}`;
    const controls = document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1']), [contenteditable=true]");
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      const style = getComputedStyle(control);
      // Skip what is not drawn, and text for screen readers only (1 px, clipped on purpose).
      if (box.width <= 1 || box.height <= 1 || style.visibility === "hidden") continue;
      // A data table may scroll sideways in a box of its own (1.4.10's exception); nothing else may.
      const tableBox = [...document.querySelectorAll("table")].map((t) => t.parentElement).find((box) => box?.contains(control) && ["auto", "scroll"].includes(getComputedStyle(box).overflowX));
      if (tableBox) continue;
      if (box.left < -1 || box.right > root.clientWidth + 1) {
        problems.push(`${describe(control)} is off screen (${Math.round(box.left)} to ${Math.round(box.right)} px)`);
        continue;
      }
      // A box that hides or scrolls what overflows it must hold the whole control.
      for (let parent = control.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow === "visible") continue;
        const outer = parent.getBoundingClientRect();
        if (box.left < outer.left - 1 || box.right > outer.right + 1) problems.push(`${describe(control)} is cut off by ${describe(parent)} (overflow ${overflow})`);
      }
    }
    return problems;
  });
}

for (const size of reflowSizes) {
  test(`the main pages reflow at ${size.name}: no sideways scrolling, no control cut off, the header's controls all there`, async ({ browser }) => {
    const { account, pages } = await mainPages(browser);
    const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
    await signIn(context.request, account.email, account.password);
    const page = await context.newPage();
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState("load");
      expect(await reflowProblems(page), `reflow of ${path} at ${size.name}`).toEqual([]);
      // The header's search and every link of the main navigation are on the page, whole and visible.
      await expect(page.getByRole("searchbox", { name: "Search Roundtable" })).toBeVisible();
      for (const link of await page.getByRole("navigation", { name: "Main" }).getByRole("link").all()) await expect(link).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    await context.close();
  });
}

test("with reduced motion asked for, nothing on the main pages moves for longer than 0.01 s", async ({ browser }) => {
  const { account, pages } = await mainPages(browser);
  const context = await browser.newContext({ reducedMotion: "reduce" });
  await signIn(context.request, account.email, account.password);
  const page = await context.newPage();
  for (const path of [...pages, `/c/${community}/new`]) {
    await page.goto(path);
    await page.waitForLoadState("load");
    const moving = await page.evaluate(() => {
      const seconds = (value: string) => Math.max(...value.split(",").map((part) => (part.trim().endsWith("ms") ? parseFloat(part) / 1000 : parseFloat(part))));
      const found: string[] = [];
      if (getComputedStyle(document.documentElement).scrollBehavior === "smooth") found.push("smooth scrolling");
      for (const el of document.querySelectorAll("*")) {
        for (const pseudo of [null, "::before", "::after"]) {
          const style = getComputedStyle(el, pseudo);
          const transition = style.transitionProperty !== "none" ? seconds(style.transitionDuration) + seconds(style.transitionDelay) : 0;
          const animation = style.animationName !== "none" ? seconds(style.animationDuration) * (style.animationIterationCount === "infinite" ? Infinity : Number(style.animationIterationCount)) : 0;
          if (transition > 0.01 || animation > 0.01) found.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}">${pseudo ?? ""}: transition ${transition}s, animation ${animation}s`);
        }
      }
      return found.slice(0, 5);
    });
    expect(moving, `motion on ${path}`).toEqual([]);
  }
  // Motion added later is stopped too: the site's rule overrides a one-second transition and animation.
  const added = await page.evaluate(() => {
    const box = document.createElement("div");
    box.style.cssText = "transition: opacity 1s; animation: spin 1s infinite";
    document.body.append(box);
    const style = getComputedStyle(box);
    return { transition: style.transitionDuration, animation: style.animationDuration, repeats: style.animationIterationCount };
  });
  expect(added).toEqual({ transition: "1e-05s", animation: "1e-05s", repeats: "1" });
  await context.close();
});
