// Which of the app's pages axe has checked in this run. Each passing check is written down as
// it happens; at the end of a whole run the reporter in ./axe-coverage-reporter.ts matches them
// against every page.tsx in app/, prints the list, and fails the run if a page was never checked.
import { appendFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runDir } from "./paths";

const checksFile = path.join(runDir, "axe-checks.jsonl");

export function recordAxeCheck(url: string, status: number) {
  appendFileSync(checksFile, JSON.stringify({ path: new URL(url).pathname, status }) + "\n");
}

/** Pages no browser can reach in a production run, and why. */
export const unreachablePages: Record<string, string> = {
  "/dev/outbox": "exists only in development; the suite checks that production answers 404",
  "/notifications/[id]": "shows nothing: it marks the notification read and redirects to what it is about, which is checked",
};

/** Every page route of the app, such as `/c/[slug]/posts/[id]`, from the page files under app/. */
export function appPages(appDir = path.resolve("app")): string[] {
  const found: string[] = [];
  const walk = (dir: string, route: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Route groups such as (app) and private folders such as _components add nothing to the address.
        if (entry.name.startsWith("_")) continue;
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? route : `${route}/${entry.name}`);
      } else if (entry.name === "page.tsx") found.push(route || "/");
    }
  };
  walk(appDir, "");
  return found.sort();
}

/** The page route an address was served by: of the routes it fits, the one with the most fixed segments. */
export function routeOf(address: string, routes: string[]): string | undefined {
  const parts = address.replace(/\/$/, "").split("/");
  const fits = routes.filter((route) => {
    const segments = route.replace(/\/$/, "").split("/");
    return segments.length === parts.length && segments.every((segment, i) => /^\[.+\]$/.test(segment) || segment === parts[i]);
  });
  const fixed = (route: string) => route.split("/").filter((segment) => !/^\[.+\]$/.test(segment)).length;
  return fits.sort((a, b) => fixed(b) - fixed(a))[0];
}

/** The pages axe checked (answering 200) and those it never did, this run. */
export function axeCoverage() {
  const routes = appPages();
  const checks = existsSync(checksFile)
    ? readFileSync(checksFile, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as { path: string; status: number })
    : [];
  const checked = new Map<string, number>();
  for (const check of checks) {
    const route = check.status === 200 ? routeOf(check.path, routes) : undefined;
    if (route) checked.set(route, (checked.get(route) ?? 0) + 1);
  }
  const missed = routes.filter((route) => !checked.has(route) && !(route in unreachablePages));
  return { checked, missed, total: routes.length };
}
