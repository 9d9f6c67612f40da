import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requireActiveViewer } from "@/lib/auth/request-viewer";
import { CaseCounter } from "./fuzz-report";
import { anyValue, expectNoPollution, fieldNames, nastyString } from "./payloads";
import { changedTables, makeWorld, rowCounts, sessionFor, type Actor, type World } from "./world";

// Every route handler (JSON routes under app/api, and the routes that answer with a file), with
// fuzzed paths, query strings, headers and bodies, as a signed-out visitor, a member and a
// facilitator. None may answer with a 5xx or reject, and a refused request writes nothing.
// Auth.js's own route is its library's, and is left out.

const session = vi.hoisted(() => ({ current: null as { userId: string; sessionId?: string } | null }));
// Outside Next.js there is no request: give the actions the headers a browser's request has.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "roundtable.test", origin: "http://roundtable.test", "user-agent": "fuzz" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock("@/lib/auth", () => ({ readSession: async () => session.current, signIn: async () => undefined, signOut: async () => undefined }));

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { name: string; params: string[]; handlers: [string, Handler][] };

const counter = new CaseCounter();
const started = Date.now();
let world: World;
const routes: Route[] = [];

/** Route files under a folder, with their dynamic segments' names. */
function routeFiles(dir: string, params: string[] = []): { file: string; params: string[] }[] {
  const found: { file: string; params: string[] }[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === "[...nextauth]") continue;
      const param = name.match(/^\[(?:\.\.\.)?(\w+)\]$/)?.[1];
      found.push(...routeFiles(full, param ? [...params, param] : params));
    } else if (name === "route.ts") found.push({ file: full, params });
  }
  return found;
}

beforeAll(async () => {
  process.env.AUTH_URL = "http://roundtable.test";
  process.env.CRON_SECRET = "cron-secret-for-fuzzing-only-0000";
  process.env.INBOUND_EMAIL_SECRET = "inbound-secret-for-fuzzing-only-0";
  world = await makeWorld();
  for (const { file, params } of routeFiles(path.resolve("app"))) {
    const exported = (await import(file)) as Record<string, unknown>;
    const handlers = METHODS.filter((m) => typeof exported[m] === "function").map((m) => [m, exported[m] as Handler] as [string, Handler]);
    routes.push({ name: path.relative("app", path.dirname(file)) || "/", params, handlers });
  }
});
afterAll(() => counter.write("route-handlers", (Date.now() - started) / 1000));

const bodies = (known: string[]) =>
  fc.oneof(
    anyValue(known).map((v) => ({ type: "application/json", body: safeJson(v) })),
    fc.dictionary(fc.constantFrom(...fieldNames), nastyString(known), { maxKeys: 8 }).map((v) => ({ type: "application/json", body: JSON.stringify(v) })),
    fc.constantFrom('{"a":', "[1,2", "\u0000", "nul", '{"__proto__":{"polluted":"yes"}}', "{".repeat(5000)).map((body) => ({ type: "application/json", body })),
    fc.dictionary(fc.constantFrom(...fieldNames), nastyString(known), { maxKeys: 8 }).map((v) => ({
      type: "application/x-www-form-urlencoded",
      body: new URLSearchParams(v as Record<string, string>).toString(),
    })),
    nastyString(known).map((body) => ({ type: "text/plain", body })),
    fc.constant({ type: "multipart/form-data; boundary=x", body: "--x\r\nbroken" }),
  );

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    return "{}";
  }
}

const requests = (route: Route, known: string[]) =>
  fc.record({
    params: fc.tuple(...route.params.map(() => nastyString(known))),
    query: fc.dictionary(fc.constantFrom(...fieldNames), nastyString(known), { maxKeys: 5 }),
    body: bodies(known),
    authorization: fc.option(fc.oneof(fc.constant("Bearer wrong"), nastyString().map((s) => `Bearer ${s}`), fc.constant("Basic Og==")), { nil: undefined }),
  });

/** Headers must be ByteStrings; anything else a client could not even send. */
const byteString = (s: string) => s.replace(/[^\x20-\x7e]/g, "?");

describe("fuzzing every route handler", () => {
  it("finds the routes", () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  for (const actor of ["signed out", "member", "facilitator"] as Actor[]) {
    it(`as ${actor}: no 5xx, no rejection, and a refusal writes nothing`, { timeout: 600_000 }, async () => {
      const viewer = world.actors[actor];
      session.current = sessionFor(world, viewer);
      // The signed-in actors really are signed in, or the fuzzing would stop at the door.
      if (viewer) expect((await requireActiveViewer()).id).toBe(viewer.id);
      for (const route of routes) {
        for (const [method, handler] of route.handlers) {
          const endpoint = `${method} ${route.name}`;
          await fc.assert(
            fc.asyncProperty(requests(route, world.known), async (r) => {
              const url = new URL(`http://roundtable.test/${route.name}`);
              for (const [k, v] of Object.entries(r.query)) url.searchParams.set(k, v);
              const headers: Record<string, string> = { "content-type": r.body.type };
              if (r.authorization) headers.authorization = byteString(r.authorization);
              const request = new Request(url, { method, headers, body: method === "GET" ? undefined : r.body.body });
              const params = Object.fromEntries(route.params.map((p, i) => [p, r.params[i] ?? ""]));
              const before = await rowCounts();
              const response = await handler(request, { params: Promise.resolve(params) });
              counter.add(endpoint, response.status >= 400);
              expectNoPollution();
              expect(response.status, `${endpoint} as ${actor}: ${await response.clone().text().catch(() => "")}`).toBeLessThan(500);
              if (response.status >= 400) expect(changedTables(before, await rowCounts()), `${endpoint} as ${actor} refused but wrote`).toEqual([]);
            }),
            { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
          );
        }
      }
    });
  }
});
