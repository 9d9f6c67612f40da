import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers, enforced: a request flows route (app/) → domain (lib/<domain>) → policy
// (lib/policy) → database (lib/db), and never back up. test/lint/layers.test.ts proves each
// zone below fires on a file that breaks it.
const production = ["./app", "./lib", "./scripts", "./bench", "./instrumentation.ts"];
const layerZones = [
  {
    target: "./app",
    from: ["./lib/db", "./lib/policy"],
    message: "Routes reach the database and the policy only through a domain function in lib/<domain> (import its types from there too).",
  },
  {
    target: "./lib/policy",
    from: "./lib",
    except: ["./policy", "./db/schema", "./errors.ts"],
    message: "The policy decides from the schema and the errors alone: no domain code, no database client.",
  },
  {
    target: "./lib/db",
    from: "./lib",
    except: ["./db", "./env.ts"],
    message: "The database layer depends only on the environment.",
  },
  { target: "./lib", from: "./app", message: "Domain code never imports from app/." },
  { target: production, from: ["./test", "./e2e"], message: "Production code never imports test code." },
  { target: production, from: ["**/*.test.ts", "**/*.test.tsx"], message: "Production code never imports test code." },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests may reach into any layer to set up and check what they test.
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs", "**/*.js"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "test/**", "e2e/**"],
    rules: { "import/no-restricted-paths": ["error", { zones: layerZones }] },
  },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    ".data/**",
    "next-env.d.ts",
    "playwright-report/**",
    "test-results/**",
    "bench/results/**",
    // Files that break the layer rules on purpose, linted by test/lint/layers.test.ts.
    "test/lint/fixtures/**",
  ]),
]);
