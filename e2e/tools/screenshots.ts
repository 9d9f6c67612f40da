import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { demo, signIn, test } from "../support/fixtures";

// npm run screenshots: every main page at a desktop and a phone width, as the demo accounts see
// it, into e2e/screenshots/ for review. Committed; never compared in a test run.

const out = path.resolve("e2e/screenshots");
const widths = [1280, 390];

type Shot = { name: string; path: string | ((ids: Ids) => string) };
type Ids = { postId: string; authorId: string };

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
    { name: "communities", path: "/communities" },
    { name: "community", path: "/c/policy-and-performance" },
    { name: "community-with-subs", path: "/c/innovation" },
    { name: "restricted-community", path: "/c/adult-and-childrens-services" },
    { name: "post", path: (ids) => `/c/policy-and-performance/posts/${ids.postId}` },
    { name: "new-post", path: "/c/policy-and-performance/new" },
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
      const context = await browser.newContext({ viewport: { width, height: width > 600 ? 800 : 844 } });
      if (account !== "signed-out") await signIn(context.request, demo[account as keyof typeof demo]);
      // The busiest post in the biggest community, and its author.
      const feed = await (await context.request.get("/api/v1/communities/policy-and-performance/posts?limit=20")).json();
      const busiest = [...(feed.items ?? [])].sort((a, b) => b.commentCount - a.commentCount)[0];
      const ids = { postId: busiest?.id ?? "", authorId: busiest?.author?.id ?? "" };
      const page = await context.newPage();
      // Pages since removed from the list leave no stale pictures behind.
      const dir = path.join(out, String(width));
      mkdirSync(dir, { recursive: true });
      for (const file of readdirSync(dir)) if (file.startsWith(`${account}-`)) rmSync(path.join(dir, file));
      for (const shot of shots) {
        await page.goto(typeof shot.path === "string" ? shot.path : shot.path(ids));
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: path.join(dir, `${account}-${shot.name}.png`), fullPage: true, animations: "disabled" });
      }
      await context.close();
    });
  }
}
