import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Each layer rule in eslint.config.mjs, proven to fire: a fixture that breaks it is linted as
// if it stood where the rule applies, and must be reported; one that keeps it must not be.

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

const ROUTES = /Routes reach the database and the policy only through a domain function/;
const POLICY = /The policy decides from the schema and the errors alone/;
const DB = /The database layer depends only on the environment/;
const DOMAIN = /Domain code never imports from app/;
const TESTS = /Production code never imports test code/;

/** fixture file → where it is linted as if it stood, and the zone that must report it (null: none may). */
const cases: { fixture: string; as: string; zone: RegExp | null }[] = [
  { fixture: "route-imports-db.ts", as: "app/api/lint-fixture/route.ts", zone: ROUTES },
  { fixture: "route-imports-policy-type.ts", as: "app/(app)/lint-fixture/page.tsx", zone: ROUTES },
  { fixture: "route-imports-domain.ts", as: "app/(app)/lint-fixture/page.tsx", zone: null },
  { fixture: "policy-imports-domain.ts", as: "lib/policy/lint-fixture.ts", zone: POLICY },
  { fixture: "policy-imports-db-client.ts", as: "lib/policy/lint-fixture.ts", zone: POLICY },
  { fixture: "policy-imports-schema.ts", as: "lib/policy/lint-fixture.ts", zone: null },
  { fixture: "db-imports-policy.ts", as: "lib/db/lint-fixture.ts", zone: DB },
  { fixture: "db-imports-env.ts", as: "lib/db/lint-fixture.ts", zone: null },
  { fixture: "domain-imports-app.ts", as: "lib/posts/lint-fixture.ts", zone: DOMAIN },
  { fixture: "production-imports-test-support.ts", as: "lib/posts/lint-fixture.ts", zone: TESTS },
  { fixture: "production-imports-test-file.ts", as: "app/_components/lint-fixture.ts", zone: TESTS },
  { fixture: "test-imports-anything.ts", as: "lib/posts/lint-fixture.test.ts", zone: null },
];

async function layerProblems(fixture: string, as: string): Promise<string[]> {
  const code = readFileSync(path.join(import.meta.dirname, "fixtures", fixture), "utf8");
  const [result] = await eslint.lintText(code, { filePath: path.join(root, as) });
  return result!.messages.filter((m) => m.ruleId === "import/no-restricted-paths").map((m) => m.message);
}

describe("layer rules", () => {
  for (const { fixture, as, zone } of cases) {
    it(`${zone ? "reports" : "allows"} ${fixture.replace(/\.ts$/, "").replaceAll("-", " ")} (as ${as})`, async () => {
      const problems = await layerProblems(fixture, as);
      if (zone) expect(problems).toEqual([expect.stringMatching(zone)]);
      else expect(problems).toEqual([]);
    });
  }
});
