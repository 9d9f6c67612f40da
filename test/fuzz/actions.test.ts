import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requireActiveViewer } from "@/lib/auth/request-viewer";
import { isAppError } from "@/lib/errors";
import { CaseCounter } from "./fuzz-report";
import { anyValue, expectNoPollution, formFields } from "./payloads";
import { changedTables, makeWorld, rowCounts, sessionFor, type Actor, type World } from "./world";

// Every exported server action, called as an attacker may call it (any arguments, not only a
// form), as a signed-out visitor, a member and a facilitator. None may answer with a 5xx or
// throw anything but a redirect or an AppError, and a refused call writes nothing.

const session = vi.hoisted(() => ({ current: null as { userId: string; sessionId?: string } | null }));
// Outside Next.js there is no request: give the actions the headers a browser's request has.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "roundtable.test", origin: "http://roundtable.test", "user-agent": "fuzz" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock("@/lib/auth", () => ({
  readSession: async () => session.current,
  // Auth.js's own sign-in needs a request; the fuzzing is of what happens before it.
  signIn: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), revalidatePath: () => undefined }));

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const actionsDir = path.resolve("app/_actions");
const counter = new CaseCounter();
const started = Date.now();

let world: World;
const actions: [string, (...args: unknown[]) => Promise<unknown>][] = [];
beforeAll(async () => {
  process.env.AUTH_URL = "http://roundtable.test";
  world = await makeWorld();
  for (const file of readdirSync(actionsDir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const exported = (await import(path.join(actionsDir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") actions.push([`${file.replace(/\.ts$/, "")}.${name}`, value as (...args: unknown[]) => Promise<unknown>]);
    }
  }
});
afterAll(() => counter.write("server-actions", (Date.now() - started) / 1000));

function formOf(fields: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of fields) data.append(key, value);
  return data;
}

type Outcome = { refused: boolean; problem?: string };

/** What the call came to, as a browser would see it. */
async function call(action: (...args: unknown[]) => Promise<unknown>, args: unknown[]): Promise<Outcome> {
  try {
    const result = (await action(...args)) as { ok?: boolean; status?: number; error?: string; savedAt?: string } | null | undefined;
    if (result && typeof result === "object" && "status" in result && (result.status ?? 0) >= 500) return { refused: true, problem: `answered ${result.status}: ${JSON.stringify(result)}` };
    if (result && typeof result === "object" && "error" in result && /our side/.test(String(result.error))) return { refused: true, problem: `answered ${result.error}` };
    return { refused: Boolean(result && (result.ok === false || result.error)) };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { refused: digest.includes(";/sign-in;") };
    if (isAppError(error) && error.status < 500) return { refused: true };
    return { refused: true, problem: `threw ${error instanceof Error ? error.stack : String(error)}` };
  }
}

describe("fuzzing every server action", () => {
  it("finds the actions", () => {
    expect(actions.length).toBeGreaterThan(60);
  });

  for (const actor of ["signed out", "member", "facilitator"] as Actor[]) {
    it(`as ${actor}: no 5xx, nothing but redirects and AppErrors thrown, and a refusal writes nothing`, { timeout: 600_000 }, async () => {
      const viewer = world.actors[actor];
      session.current = sessionFor(world, viewer);
      // The signed-in actors really are signed in, or the fuzzing would stop at the door.
      if (viewer) expect((await requireActiveViewer()).id).toBe(viewer.id);
      const args = fc.oneof(
        { weight: 4, arbitrary: formFields(world.known).map((fields) => [null, formOf(fields)]) },
        { weight: 1, arbitrary: formFields(world.known).map((fields) => [formOf(fields)]) },
        { weight: 2, arbitrary: fc.array(anyValue(world.known), { maxLength: 3 }) },
      );
      for (const [name, action] of actions) {
        await fc.assert(
          fc.asyncProperty(args, async (callArgs) => {
            const before = await rowCounts();
            const outcome = await call(action, callArgs);
            counter.add(name, outcome.refused);
            expectNoPollution();
            if (outcome.problem) throw new Error(`${name} as ${actor} ${outcome.problem}`);
            if (outcome.refused) expect(changedTables(before, await rowCounts()), `${name} as ${actor} refused but wrote`).toEqual([]);
          }),
          { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
        );
      }
    });
  }
});
