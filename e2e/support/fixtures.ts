import { existsSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Locator, type Page, test as base } from "@playwright/test";
import { recordAxeCheck } from "./axe-coverage";
import { cronSecret, mailFile } from "./paths";

export { expect };

export const DEMO_PASSWORD = "roundtable-demo";
export const demo = {
  admin: "admin@example.gov.uk",
  facilitator: "facilitator@example.gov.uk",
  member: "member@example.gov.uk",
};

/**
 * Fails the test if axe finds any WCAG 2.2 A or AA problem on the page as it is now. Only
 * violations are collected (not the long lists of passes), which keeps each scan short.
 * axe runs in the page itself (the library's "legacy mode"): by default it also opens a blank
 * page, injects axe again there and merges the results in it, which is there to test
 * cross-origin frames, and the app has none. The rules and results are the same; a scan takes
 * about half as long.
 */
export async function expectAccessible(page: Page, status = 200) {
  // Pages are rendered per request, so Next streams their metadata: the title may arrive after
  // the body has begun. Wait for the whole document, and for a title (a page without one fails here).
  // A link followed just before may still be replacing the page: if the address changed while axe
  // read the page, it read half of each, so it reads the new page again.
  for (let attempt = 1; ; attempt++) {
    await page.waitForLoadState("load");
    await expect(page).toHaveTitle(/\S/);
    const before = page.url();
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .options({ resultTypes: ["violations"] })
      .setLegacyMode()
      .analyze();
    if (page.url() !== before && attempt < 3) continue;
    const problems = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(problems, `axe on ${page.url()}`).toEqual([]);
    recordAxeCheck(page.url(), status);
    return;
  }
}

/** Opens a page, checks its status, runs axe on it and checks nothing broke its security policy. */
export async function visit(page: Page, path: string, status = 200) {
  const violations = watchSecurityPolicy(page);
  await listenForPolicyViolations(page);
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(status);
  await expectAccessible(page, status);
  expect(violations, `Content Security Policy violations on ${path}`).toEqual([]);
  const events = await page.evaluate(() => (window as unknown as { policyViolations?: string[] }).policyViolations ?? []);
  expect(events, `securitypolicyviolation events on ${path}`).toEqual([]);
  return response;
}

const listening = new WeakSet<Page>();

/**
 * Has each document the page loads keep the browser's securitypolicyviolation events (a style
 * attribute refused, a script without the nonce) in window.policyViolations.
 */
async function listenForPolicyViolations(page: Page) {
  if (listening.has(page)) return;
  listening.add(page);
  await page.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { policyViolations: string[] }).policyViolations = found;
    document.addEventListener("securitypolicyviolation", (e) => found.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
  });
}

/** Collects what the browser refused under the Content Security Policy, as it reports in the console. */
export function watchSecurityPolicy(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/**
 * The status message showing in a page or a part of it. Status regions wait in the page, empty,
 * until they have something to say (so that screen readers announce it); the empty ones are
 * passed over, and exactly one must be saying something.
 */
export function statusMessage(scope: Page | Locator): Locator {
  return scope.getByRole("status").filter({ hasText: /\S/ });
}

/** Signs in through Auth.js's endpoint, not the form, for tests where the form is not under test. */
export async function signIn(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location ?? "").not.toContain("error");
}

export function uniqueEmail(label = "person") {
  return `${label}.${randomBytes(4).toString("hex")}@council.example.gov.uk`;
}

/** Creates an account through the JSON API and confirms its address with the emailed link. */
export async function signUp(request: APIRequestContext, name: string, email = uniqueEmail(), password = "correct horse battery") {
  const response = await request.post("/api/v1/signup", { data: { name, email, password } });
  expect(response.status()).toBe(202);
  const mail = await waitForMail(email, /Confirm your email address/);
  const token = new URL(mail.links[0]!).pathname.split("/").pop();
  const confirmed = await request.post("/api/v1/account/confirm", { data: { token, password } });
  expect(confirmed.status()).toBe(200);
  return { email, password };
}

type Mail = { to: string; subject: string; text: string };

/**
 * Waits for a message to an address whose subject matches, as caught by the test SMTP server.
 * Notification emails go out after the response (and on a loaded machine, a while after), so
 * it waits up to a minute for the message to arrive.
 */
export async function waitForMail(to: string, subject: RegExp): Promise<Mail & { links: string[] }> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const found = readMail()
      .filter((m) => m.to.toLowerCase().includes(to.toLowerCase()) && subject.test(m.subject))
      .at(-1);
    if (found) return { ...found, links: found.text.match(/https?:\/\/\S+/g) ?? [] };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No mail to ${to} matching ${subject}`);
}

/**
 * Waits for an email about a post. Such emails wait a while for more of the same before they
 * go (five seconds on the test servers, EMAIL_BATCH_SECONDS), and then the scheduled run sends
 * them, so this runs it (as the scheduler would every minute) until the email arrives, for up to
 * four minutes.
 */
export async function waitForPostMail(request: APIRequestContext, to: string, subject: RegExp): Promise<Mail & { links: string[] }> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    const cron = await request.get("/api/cron/notifications", { headers: { authorization: `Bearer ${cronSecret}` } });
    expect(cron.status()).toBe(200);
    const found = readMail().filter((m) => m.to.toLowerCase().includes(to.toLowerCase()) && subject.test(m.subject)).at(-1);
    if (found) return { ...found, links: found.text.match(/https?:\/\/\S+/g) ?? [] };
    await new Promise((r) => setTimeout(r, 5_000));
  }
  throw new Error(`No mail to ${to} matching ${subject}`);
}

function readMail(): Mail[] {
  if (!existsSync(mailFile)) return [];
  return readFileSync(mailFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Mail);
}

export const test = base;
