import { demo, expect, signIn, test, watchSecurityPolicy } from "./support/fixtures";

// The headers every kind of answer carries, read back from the production build: a page, a JSON
// route and a file route. Personalised answers are never kept by a shared cache.

function expectCommonHeaders(headers: Record<string, string>, what: string) {
  expect(headers["strict-transport-security"], `HSTS on ${what}`).toMatch(/max-age=\d{7,}; includeSubDomains/);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["x-request-id"], what).toMatch(/^[0-9a-f-]{36}$/);
}

function expectPrivate(headers: Record<string, string>, what: string) {
  const cache = headers["cache-control"] ?? "";
  expect(cache, `Cache-Control of ${what}`).toContain("private");
  expect(cache, `Cache-Control of ${what}`).toContain("no-store");
}

function scriptPolicy(csp: string) {
  return csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
}

test("a page has a script nonce of its own on each request, frame-ancestors 'none' and no shared caching", async ({ request }) => {
  await signIn(request, demo.member);
  const first = await request.get("/home");
  const second = await request.get("/home");
  for (const [i, response] of [first, second].entries()) {
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expectCommonHeaders(headers, `page ${i}`);
    expectPrivate(headers, "a signed-in page");
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(scriptPolicy(csp)).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scriptPolicy(csp)).not.toContain("unsafe-inline");
    expect(scriptPolicy(csp)).not.toContain("unsafe-eval");
    // Nor for styles: no style element without the nonce, no style attribute at all.
    expect(csp).not.toContain("unsafe-inline");
  }
  const nonceOf = (csp: string) => csp.match(/'nonce-([^']+)'/)![1];
  const [a, b] = [nonceOf(first.headers()["content-security-policy"] ?? ""), nonceOf(second.headers()["content-security-policy"] ?? "")];
  expect(a).not.toBe(b);
  // Next.js puts the request's nonce on each of its scripts; none runs without it.
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, "every script carries the nonce").toContain(`nonce="${a}"`);
});

test("the main pages are served with no style attribute, which the policy would refuse", async ({ request }) => {
  await signIn(request, demo.facilitator);
  const community = "/c/policy-and-performance";
  const post = (await (await request.get(community)).text()).match(/href="(\/c\/policy-and-performance\/posts\/[^"#?]+)"/)?.[1];
  expect(post, "a post linked from the community page").toBeTruthy();
  const pages = ["/", "/home", "/communities", community, post!, "/search?q=performance", "/notifications", "/settings", "/settings/notifications", `${community}/library`, `${community}/events`, `${community}/figures`, `${community}/members`, "/people"];
  for (const path of pages) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const styled = (await response.text()).match(/<[a-zA-Z][^<>]*\sstyle=[^<>]*>/g) ?? [];
    expect(styled, `style attributes in ${path}`).toEqual([]);
  }
});

test("a public page is rendered per request with its nonce too", async ({ request }) => {
  const response = await request.get("/sign-in");
  const csp = response.headers()["content-security-policy"] ?? "";
  const nonce = csp.match(/'nonce-([^']+)'/)![1];
  expectCommonHeaders(response.headers(), "sign-in");
  expectPrivate(response.headers(), "sign-in");
  expect(await response.text()).toContain(`nonce="${nonce}"`);
});

test("a JSON route is private, uncached and may load or be framed by nothing", async ({ request }) => {
  await signIn(request, demo.member);
  const response = await request.get("/api/v1/communities");
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expectCommonHeaders(headers, "JSON");
  expect(headers["cache-control"]).toBe("private, no-store");
  expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});

test("a file route keeps its sandbox, and is private and uncached", async ({ request }) => {
  await signIn(request, demo.facilitator);
  const response = await request.get("/c/policy-and-performance/figures/download/summary");
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expectCommonHeaders(headers, "file");
  expect(headers["cache-control"]).toBe("private, no-store");
  expect(headers["content-disposition"]).toMatch(/^attachment/);
  expect(headers["content-security-policy"]).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
});

test("the main pages load, hydrate and write with the editor under the policy, with no violation", async ({ page, context }) => {
  await signIn(context.request, demo.member);
  const violations = watchSecurityPolicy(page);
  const reported: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => reported.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  for (const path of ["/", "/home", "/communities", "/c/policy-and-performance", "/search?q=performance", "/notifications", "/settings", "/c/policy-and-performance/library"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  // The editor is a client component: it only appears once scripts have run.
  await page.goto("/c/policy-and-performance/new");
  const toolbar = page.getByRole("toolbar", { name: "Formatting" });
  await expect(toolbar).toBeVisible();
  const bold = toolbar.getByRole("button", { name: "Bold", exact: true });
  await bold.hover();
  await expect.poll(async () => (await bold.locator(".tool-tip").boundingBox())?.width ?? 0, "the tooltip shows on hover").toBeGreaterThan(20);
  const editor = page.getByRole("textbox", { name: "Body" });
  await editor.click();
  await page.keyboard.type("Typed under a strict policy.");
  await expect(editor).toContainText("Typed under a strict policy.");
  // Tiptap's own table draws column widths as style attributes; ours draws none.
  await toolbar.getByRole("button", { name: "Table", exact: true }).click();
  await expect(editor.locator("table")).toBeVisible();
  await expect(editor.locator("table[style], table [style]")).toHaveCount(0);
  // The form posts to its server action, which sends the member on to the new post.
  const title = `Written under a strict policy ${Date.now().toString(36)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Typed under a strict policy.")).toBeVisible();
  expect(violations).toEqual([]);
  expect(reported).toEqual([]);
});
