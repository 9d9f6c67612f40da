import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { demo, signIn, test } from "../support/fixtures";

// npm run screenshots: every main page at a desktop and a phone width, as the demo accounts see
// it, into e2e/screenshots/ for review. Committed; never compared in a test run. Each page is
// taken once, as the account that shows the most of it; pictures are palette PNGs (256 colours
// are plenty for this flat design), a few megabytes for the whole set.

const out = path.resolve("e2e/screenshots");
const widths = [1280, 390];

type Ids = { postId: string; authorId: string };
type Shot = {
  name: string;
  path: string | ((ids: Ids) => string);
  /** Something to do before the picture, such as focusing a control to show its focus style. */
  prepare?: (page: Page) => Promise<void>;
  /** Only at these widths. */
  only?: number[];
  colorScheme?: "dark";
};

const pages: Record<"signed-out" | keyof typeof demo, Shot[]> = {
  "signed-out": [
    { name: "landing", path: "/" },
    { name: "sign-in", path: "/sign-in" },
    { name: "sign-up", path: "/sign-up" },
    { name: "accessibility", path: "/accessibility" },
    { name: "not-found", path: "/no-such-page" },
  ],
  member: [
    { name: "home", path: "/home" },
    // The system asks for a dark scheme: the site stays in its one light scheme.
    { name: "home-dark-preference", path: "/home", colorScheme: "dark", only: [390] },
    { name: "communities", path: "/communities" },
    { name: "community", path: "/c/policy-and-performance" },
    { name: "community-with-subs", path: "/c/innovation" },
    { name: "restricted-community", path: "/c/adult-and-childrens-services" },
    { name: "post", path: (ids) => `/c/policy-and-performance/posts/${ids.postId}` },
    {
      name: "new-post",
      path: "/c/policy-and-performance/new",
      // The toolbar's tooltip and focus style, as a keyboard user sees them.
      prepare: async (page) => {
        await page.getByRole("toolbar", { name: "Formatting" }).waitFor();
        await page.getByRole("button", { name: "Heading", exact: true }).focus();
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("ArrowRight");
      },
    },
    { name: "members", path: "/c/innovation/members" },
    { name: "search", path: "/search?q=performance" },
    { name: "profile", path: (ids) => `/people/${ids.authorId}` },
    { name: "settings", path: "/settings" },
    { name: "my-reports", path: "/reports" },
  ],
  facilitator: [
    { name: "moderation", path: "/c/policy-and-performance/moderation" },
    { name: "moderation-held-post", path: "/c/innovation/moderation" },
    { name: "moderation-requests", path: "/c/adult-and-childrens-services/moderation" },
    { name: "moderation-log", path: "/c/policy-and-performance/moderation/log" },
    { name: "members-managed", path: "/c/innovation/members", only: [1280] },
    { name: "community-settings", path: "/c/innovation/settings" },
    { name: "invite", path: "/c/innovation/invite" },
    { name: "post-as-facilitator", path: (ids) => `/c/policy-and-performance/posts/${ids.postId}` },
  ],
  admin: [
    { name: "site-log", path: "/moderation" },
    { name: "new-community", path: "/communities/new" },
  ],
};

for (const [account, shots] of Object.entries(pages)) {
  for (const width of widths) {
    test(`${account} at ${width}px`, async ({ browser }) => {
      test.setTimeout(600_000);
      const dir = path.join(out, String(width));
      mkdirSync(dir, { recursive: true });
      // Pages since removed from the list leave no stale pictures behind.
      for (const file of readdirSync(dir)) if (file.startsWith(`${account}-`)) rmSync(path.join(dir, file));
      for (const colorScheme of ["light", "dark"] as const) {
        const wanted = shots.filter((shot) => (shot.colorScheme ?? "light") === colorScheme && (!shot.only || shot.only.includes(width)));
        if (wanted.length === 0) continue;
        const context = await browser.newContext({ viewport: { width, height: width > 600 ? 800 : 844 }, colorScheme });
        if (account !== "signed-out") await signIn(context.request, demo[account as keyof typeof demo]);
        // The busiest post in the biggest community, and its author.
        const feed = await (await context.request.get("/api/v1/communities/policy-and-performance/posts?limit=20")).json();
        const busiest = [...(feed.items ?? [])].sort((a, b) => b.commentCount - a.commentCount)[0];
        const ids = { postId: busiest?.id ?? "", authorId: busiest?.author?.id ?? "" };
        const page = await context.newPage();
        for (const shot of wanted) {
          await page.goto(typeof shot.path === "string" ? shot.path : shot.path(ids));
          await page.waitForLoadState("networkidle");
          await shot.prepare?.(page);
          const picture = await page.screenshot({ fullPage: true, animations: "disabled", caret: "initial" });
          const small = await sharp(picture).png({ palette: true, colours: 256, effort: 10, compressionLevel: 9 }).toBuffer();
          writeFileSync(path.join(dir, `${account}-${shot.name}.png`), small);
        }
        await context.close();
      }
    });
  }
}
