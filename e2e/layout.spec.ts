import type { Locator, Page } from "@playwright/test";
import { demo, expect, expectAccessible, signIn, test, visit } from "./support/fixtures";

// The layout findings of the everyday-use review, each held by a measurement: rows that must be
// one row, controls that must line up, a footer that must reach the bottom, no page wider than
// a phone. Measured in a real browser; no pixel comparisons.

const box = async (locator: Locator) => (await locator.boundingBox())!;
const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
const bottom = (b: { y: number; height: number }) => b.y + b.height;

async function busiestPost(page: Page) {
  const feed = await (await page.request.get("/api/v1/communities/policy-and-performance/posts?limit=20")).json();
  const items = feed.items as { id: string; commentCount: number; helpfulCount: number; author: { name: string } | null }[];
  return items.filter((p) => p.helpfulCount > 0 && p.author?.name !== "Grace Adeyemi").sort((a, b) => b.commentCount - a.commentCount)[0]!;
}

test("the editor toolbar is one row of icon buttons with names and tooltips, at desktop and tablet widths", async ({ page }) => {
  await signIn(page.request, demo.member);
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/c/policy-and-performance/new");
    const toolbar = page.getByRole("toolbar", { name: "Formatting" });
    const buttons = toolbar.getByRole("button");
    // Ten formatting tools, undo and redo, and the image tool (posts take images).
    await expect(buttons).toHaveCount(12);
    const tops = await buttons.evaluateAll((all) => all.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(new Set(tops).size, `toolbar rows at ${width}px`).toBe(1);
    await expect(toolbar.getByRole("button", { name: "Bulleted list", exact: true })).toBeVisible();
    await expect(toolbar.getByRole("button", { name: "Image", exact: true })).toBeVisible();
  }
  // Keyboard focus shows the name; Escape hides it again without moving focus.
  await page.getByRole("button", { name: "Heading", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  const bold = page.getByRole("button", { name: "Bold", exact: true });
  await expect(bold).toBeFocused();
  const tip = bold.locator(".tool-tip");
  expect((await box(tip)).width).toBeGreaterThan(20);
  await page.keyboard.press("Escape");
  await expect(bold).toBeFocused();
  await expect.poll(async () => (await box(tip)).width).toBeLessThanOrEqual(1);
  await expectAccessible(page);
});

test("the text does not move when the editor takes over from the plain box, so a click aimed at it lands in it", async ({ page }) => {
  await signIn(page.request, demo.member);
  const post = await busiestPost(page);
  // A reply box (no images, loads on focus) and a new post (images, loads at once), wide and narrow.
  const reply = `/c/policy-and-performance/posts/${post.id}`;
  for (const [path, width, label] of [[reply, 1280, "Your reply"], [reply, 320, "Your reply"], ["/c/policy-and-performance/new", 320, "Body"]] as const) {
    await page.setViewportSize({ width, height: 900 });
    // Hold the editor's code back, to measure the plain box with its toolbar's space reserved.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/_next/static/chunks/*.js", async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      if (body.includes("ProseMirror")) await held;
      await route.fulfill({ response, body });
    });
    await page.goto(path);
    const space = page.locator("[data-toolbar-space]");
    await expect(space).toBeVisible();
    const plain = page.getByRole("textbox", { name: label });
    await plain.focus();
    const before = await box(plain);
    const spaceBox = await box(space);
    release();
    await page.unrouteAll({ behavior: "wait" });
    const toolbar = page.getByRole("toolbar", { name: "Formatting" });
    await expect(toolbar).toBeVisible();
    const after = await box(page.locator('[contenteditable="true"]').and(page.getByRole("textbox", { name: label })));
    expect(Math.abs(after.y - before.y), `text moved at ${width}px on ${path}`).toBeLessThanOrEqual(4);
    expect(Math.abs((await box(toolbar)).height - spaceBox.height - 2), `toolbar and its space at ${width}px on ${path}`).toBeLessThanOrEqual(2);
  }
});

test("the community search box sits beside its button, and the filter button lines up with its fields", async ({ page }) => {
  await signIn(page.request, demo.member);
  await page.setViewportSize({ width: 1280, height: 800 });
  await visit(page, "/c/policy-and-performance");
  const search = page.getByRole("search", { name: "Search Policy and performance" });
  const input = await box(search.getByRole("searchbox"));
  const button = await box(search.getByRole("button", { name: "Search" }));
  expect(button.x - (input.x + input.width)).toBeLessThanOrEqual(12);
  expect(Math.abs(middle(button) - middle(input))).toBeLessThanOrEqual(1);

  const filters = page.getByRole("form", { name: "Filter discussions" });
  const bottoms = await Promise.all(
    [filters.getByLabel("Kind"), filters.getByLabel("Tag"), filters.getByRole("button", { name: "Filter" })].map(async (l) => bottom(await box(l))),
  );
  expect(Math.max(...bottoms) - Math.min(...bottoms)).toBeLessThanOrEqual(1);
});

test("a post's helpful count sits beside its button, and a reply's actions are one row in one style", async ({ page }) => {
  await signIn(page.request, demo.member);
  await page.setViewportSize({ width: 1280, height: 800 });
  const post = await busiestPost(page);
  await visit(page, `/c/policy-and-performance/posts/${post.id}`);
  const article = page.getByRole("article");
  const helpful = article.getByRole("button", { name: /^(Mark as helpful|Helpful \(undo\))$/ });
  const count = article.getByText(/^\d+ (person|people) found this helpful$/);
  const [button, text] = [await box(helpful), await box(count)];
  expect(text.x).toBeGreaterThan(button.x + button.width);
  expect(Math.abs(middle(text) - middle(button))).toBeLessThanOrEqual(2);

  const rows = page.locator(".reply-actions");
  expect(await rows.count()).toBeGreaterThan(1);
  const styles = await rows.first().locator("a, button").evaluateAll((controls) =>
    controls.map((c) => {
      const style = getComputedStyle(c);
      return { font: style.fontSize, background: style.backgroundColor, top: Math.round(c.getBoundingClientRect().top) };
    }),
  );
  expect(styles.length).toBeGreaterThanOrEqual(2);
  expect(new Set(styles.map((s) => s.font)).size, "one text size").toBe(1);
  expect(new Set(styles.map((s) => s.background)), "no filled buttons among links").toEqual(new Set(["rgba(0, 0, 0, 0)"]));
  expect(new Set(styles.map((s) => s.top)).size, "one row").toBe(1);
});

test("the member count is in the same place on every page of a community", async ({ page }) => {
  await signIn(page.request, demo.facilitator);
  await page.setViewportSize({ width: 1280, height: 800 });
  const places = [];
  for (const path of ["/c/innovation", "/c/innovation/members", "/c/innovation/invite", "/c/innovation/settings", "/c/innovation/moderation"]) {
    await page.goto(path);
    // The header comes first; community cards further down have their own counts.
    const { x, y } = await box(page.getByText(/^[\d,]+ members? · /).first());
    places.push(`${Math.round(x)},${Math.round(y)}`);
  }
  expect(new Set(places).size, places.join("; ")).toBe(1);
});

test("the footer reaches the bottom of the window on a short page", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/sign-in");
  expect(Math.round(bottom(await box(page.getByRole("contentinfo"))))).toBe(900);
  await signIn(page.request, demo.member);
  await page.goto("/reports");
  expect(Math.round(bottom(await box(page.getByRole("contentinfo"))))).toBe(900);
});

test("initials avatars stand beside authors in feeds, threads and member lists", async ({ page }) => {
  await signIn(page.request, demo.member);
  const avatarsIn = (scope: Locator, item: string) =>
    scope.locator(item).evaluateAll((items) => items.map((i) => i.querySelector('span[aria-hidden="true"]')?.textContent ?? ""));
  await page.goto("/home");
  const feed = await avatarsIn(page.getByRole("region", { name: "Recent activity in your communities" }), "article");
  expect(feed.length).toBeGreaterThan(0);
  for (const initials of feed) expect(initials).toMatch(/^[A-Z?]{1,2}$/);
  const post = await busiestPost(page);
  await page.goto(`/c/policy-and-performance/posts/${post.id}`);
  const thread = await avatarsIn(page.getByRole("region", { name: /replies?$/ }), '[id^="comment-"]');
  expect(thread.length).toBeGreaterThan(0);
  for (const initials of thread) expect(initials).toMatch(/^[A-Z?]{1,2}$/);
  await page.goto("/c/innovation/members");
  const members = await avatarsIn(page.getByRole("table"), "tbody tr");
  expect(members.length).toBeGreaterThan(0);
  for (const initials of members) expect(initials).toMatch(/^[A-Z]{1,2}$/);
});

const phonePages = {
  member: ["/home", "/communities", "/c/policy-and-performance", "/c/innovation", "/c/innovation/members", "/c/policy-and-performance/new", "/search?q=performance", "/settings", "first post"],
  facilitator: ["/c/policy-and-performance/moderation", "/c/policy-and-performance/moderation/log", "/c/innovation/invite", "/c/innovation/settings", "first post"],
} as const;

for (const [account, paths] of Object.entries(phonePages)) {
  test(`no page is wider than a 390 px phone, as the demo ${account}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await signIn(context.request, demo[account as keyof typeof demo]);
    const page = await context.newPage();
    for (const path of paths) {
      const url = path === "first post" ? `/c/policy-and-performance/posts/${(await busiestPost(page)).id}` : path;
      await page.goto(url);
      // The page's width, and what sticks out past the window if anything does.
      const { width, wide } = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        wide: [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.slice(0, 60)}`),
      }));
      expect(width, `width of ${url}; wide: ${wide.join(" | ")}`).toBeLessThanOrEqual(390);
    }
    await context.close();
  });
}

test("under a dark system preference the site keeps its light scheme, and passes axe", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  await signIn(context.request, demo.member);
  const page = await context.newPage();
  for (const path of ["/home", "/c/policy-and-performance/new"]) {
    await visit(page, path);
    const { scheme, background } = await page.evaluate(() => ({
      scheme: getComputedStyle(document.documentElement).colorScheme,
      background: getComputedStyle(document.documentElement).backgroundColor,
    }));
    expect(scheme).toBe("light");
    expect(background).toBe("rgb(255, 255, 255)");
  }
  await context.close();
});
