import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Viewer } from "@/lib/policy";
import { makeUser } from "@/test/support/factories";
import { publicFormAction, signedInFormAction } from "./form-action";
import { endSession, startSession } from "@/lib/users/sessions";
import { logError } from "@/lib/log";
import { publicJsonRoute, signedInJsonRoute, unknownApiPath } from "./json-route";

// The wrappers every server action and route handler is made with: they prove the viewer
// before the domain runs, and answer in the shape forms and API clients expect.

const session = vi.hoisted(() => ({ current: null as { userId: string; sessionId?: string } | null }));
vi.mock("@/lib/auth", () => ({ readSession: async () => session.current }));

let member: Viewer;
let suspended: Viewer;
beforeAll(async () => {
  member = await makeUser({ name: "Mia Member" });
  suspended = await makeUser({ name: "Sid Suspended", status: "suspended" });
});

const sessions = new Map<string, string>();
/** Signs in as the viewer with a live session row, as the session cookie names one. */
const signInAs = async (viewer: Viewer | null) => {
  if (viewer && !sessions.has(viewer.id)) sessions.set(viewer.id, await startSession(viewer.id, { device: "Test browser", network: "" }));
  session.current = viewer ? { userId: viewer.id, sessionId: sessions.get(viewer.id) } : null;
};
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const callRoute = (route: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>) => route(new Request("http://roundtable.test/api"), { params: Promise.resolve({}) });

describe("signed-in JSON routes", () => {
  it("answer 401 signed out and 403 suspended, and never run the domain call", async () => {
    const run = vi.fn(async () => ({ ok: true }));
    const route = signedInJsonRoute(run);
    await signInAs(null);
    expect([(await callRoute(route)).status, await (await callRoute(route)).json()]).toEqual([401, { error: { status: 401, message: "Please sign in first." } }]);
    await signInAs(suspended);
    expect((await callRoute(route)).status).toBe(403);
    expect(run).not.toHaveBeenCalled();
  });

  it("hand the domain call the proven viewer", async () => {
    await signInAs(member);
    const response = await callRoute(signedInJsonRoute(async (_request, viewer) => ({ name: viewer.name })));
    expect([response.status, await response.json()]).toEqual([200, { name: "Mia Member" }]);
  });
});

describe("the request's id", () => {
  type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const call = (route: Route, headers: Record<string, string> = {}) =>
    route(new Request("http://roundtable.test/api/v1/x", { headers }), { params: Promise.resolve({}) });

  it("is on every answer, the platform's when it is plainly an id, and on what the request logs", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((line) => (lines.push(String(line)), true));
    try {
      const route = publicJsonRoute(async () => {
        logError("test_event", new Error("logged inside the request"));
        await new Promise((resolve) => setImmediate(resolve));
        return { ok: true };
      });
      const offered = await call(route, { "x-request-id": "edge-1234-abcd" });
      expect(offered.headers.get("x-request-id")).toBe("edge-1234-abcd");
      const fresh = await call(route, { "x-request-id": "not an id; drop table" });
      expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      await vi.waitFor(() => expect(lines.filter((l) => l.includes("test_event"))).toHaveLength(2));
      const ids = lines.filter((l) => l.includes("test_event")).map((l) => JSON.parse(l).requestId);
      expect(ids).toEqual(["edge-1234-abcd", fresh.headers.get("x-request-id")]);
    } finally {
      spy.mockRestore();
    }
  });

  it("is on a failure's answer too, and on the API's answer for an address with no route", async () => {
    await signInAs(null);
    const refused = await call(signedInJsonRoute(async () => ({})));
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const nothing = await unknownApiPath(new Request("http://roundtable.test/api/v1/nothing/here"), { params: Promise.resolve({ path: ["nothing", "here"] }) });
    expect([nothing.status, (await nothing.json()).error.status]).toEqual([404, 404]);
    expect(nothing.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("sessions that can be ended", () => {
  it("a session cookie whose session was ended, or that names none, opens nothing", async () => {
    const route = signedInJsonRoute(async (_request, viewer) => ({ name: viewer.name }));
    await signInAs(member);
    expect((await callRoute(route)).status).toBe(200);
    session.current = { userId: member.id, sessionId: undefined };
    expect((await callRoute(route)).status).toBe(401);
    await endSession(sessions.get(member.id));
    session.current = { userId: member.id, sessionId: sessions.get(member.id) };
    expect((await callRoute(route)).status).toBe(401);
    sessions.delete(member.id);
  });
});

describe("cross-site requests", () => {
  const post = (headers: Record<string, string>) =>
    new Request("http://localhost:3000/api/v1/communities", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: "name=x" });

  it("refuses a write that a page on another site sent, before anything runs", async () => {
    await signInAs(member);
    const run = vi.fn(async () => ({ ok: true }));
    const route = signedInJsonRoute(run);
    const context = { params: Promise.resolve({}) };
    const refused: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "https://evil.example" }, { origin: "null" }];
    for (const headers of refused) {
      const response = await route(post(headers), context);
      expect([response.status, (await response.json()).error.message]).toEqual([403, "This request came from another site, so it was refused."]);
    }
    expect(run).not.toHaveBeenCalled();
    const allowed: Record<string, string>[] = [{ "sec-fetch-site": "same-origin", origin: "http://localhost:3000" }, {}];
    for (const headers of allowed) {
      expect((await route(post(headers), context)).status).toBe(200);
    }
    expect((await publicJsonRoute(run)(post({ "sec-fetch-site": "cross-site" }), context)).status).toBe(403);
  });
});

describe("signed-in form actions", () => {
  it("send the signed-out to sign in, tell the suspended why, and never run the domain call", async () => {
    const run = vi.fn(async () => ({ message: "Done." }));
    const action = signedInFormAction(run);
    await signInAs(null);
    const redirected = await action(null, form({ title: "A" })).catch((error: { digest?: string }) => error.digest);
    expect(redirected).toMatch(/^NEXT_REDIRECT;.*;\/sign-in;/);
    await signInAs(suspended);
    expect(await action(null, form({ title: "A" }))).toMatchObject({ ok: false, status: 403, message: "Your account is suspended.", values: { title: "A" } });
    expect(run).not.toHaveBeenCalled();
  });

  it("hand the domain call the proven viewer and report its message", async () => {
    await signInAs(member);
    const action = signedInFormAction(async (viewer, values) => ({ message: `${viewer.name} saved ${values.title}` }));
    expect(await action(null, form({ title: "A plan" }))).toEqual({ ok: true, message: "Mia Member saved A plan" });
  });
});

describe("public form actions with an input schema", () => {
  const schema = z.object({ email: z.email("Enter an email address."), password: z.string().min(1, "Enter your password.") });

  it("put bad values beside their fields before running, keeping what was typed but never a password", async () => {
    const run = vi.fn(async () => undefined);
    const state = await publicFormAction(schema, run)(null, form({ email: "not an address", password: "" }));
    expect(state).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { email: ["Enter an email address."], password: ["Enter your password."] },
      values: { email: "not an address" },
    });
    expect(state?.values).not.toHaveProperty("password");
    expect(run).not.toHaveBeenCalled();
  });

  it("hand `run` the parsed input", async () => {
    const state = await publicFormAction(schema, async ({ email }) => ({ message: email }))(null, form({ email: "a@x.gov.uk", password: "p" }));
    expect(state).toEqual({ ok: true, message: "a@x.gov.uk" });
  });
});

describe("public JSON routes", () => {
  it("answer on a route with no dynamic segment, where Next passes no params", async () => {
    const route = publicJsonRoute(async () => ({ ok: true }));
    const response = await route(new Request("http://roundtable.test/api/health"), {} as { params: Promise<Record<string, string>> });
    expect([response.status, await response.json()]).toEqual([200, { ok: true }]);
  });

  it("turn an unexpected error into a safe 500 with no details", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await publicJsonRoute(async () => {
      throw new Error("connection string with a password in it");
    })(new Request("http://roundtable.test/api"), { params: Promise.resolve({}) });
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toMatch(/password/);
    quiet.mockRestore();
  });
});
