import type { Browser, BrowserContext, Page } from "@playwright/test";
import { demo, expect, signIn, signUp } from "./fixtures";

// People and places a test makes for itself, so that no test depends on what another changed.

export const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** A page in a browser context of its own, signed in as a new, confirmed account. */
export async function newPerson(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const { email, password } = await signUp(page.request, name);
  await signIn(page.request, email, password);
  return page;
}

/** A page signed in as the demo facilitator, in a browser context of its own. */
export async function demoFacilitator(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page.request, demo.facilitator);
  return page;
}

/** A new open community started by the given page's account, which owns it. */
export async function newCommunity(owner: Page, name: string): Promise<string> {
  const created = await owner.request.post("/api/v1/communities", { data: { name, purpose: "For a test.", visibility: "open" } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { slug: string }).slug;
}

export async function join(page: Page, slug: string) {
  expect((await page.request.post(`/api/v1/communities/${slug}/membership`)).status()).toBe(200);
}

/** A discussion posted through the JSON API; returns its address. */
export async function newPost(page: Page, slug: string, title: string, body = "<p>How do you present this to members?</p>") {
  const response = await page.request.post(`/api/v1/communities/${slug}/posts`, { data: { kind: "discussion", title, body, bodyFormat: "html" } });
  expect(response.status()).toBe(201);
  return `/c/${slug}/posts/${((await response.json()) as { postId: string }).postId}`;
}

/** Closes the browser contexts a test opened for its people (all but the test's own). */
export async function closePeople(browser: Browser, own: BrowserContext) {
  for (const context of browser.contexts()) if (context !== own) await context.close();
}

/**
 * The scene for a journey about a post: a new community (owned by the demo facilitator), an
 * author who has posted in it, and a second member who reads it.
 */
export async function postWithReader(browser: Browser, label: string, title: string, body?: string) {
  const id = stamp();
  const facilitator = await demoFacilitator(browser);
  const slug = await newCommunity(facilitator, `${label} ${id}`);
  const [author, reader] = [await newPerson(browser, `Ada Author ${id}`), await newPerson(browser, `Rae Reader ${id}`)];
  await join(author, slug);
  await join(reader, slug);
  const path = await newPost(author, slug, `${title} ${id}`, body);
  return { id, slug, path, title: `${title} ${id}`, facilitator, author, reader };
}
