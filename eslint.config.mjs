import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/*", "../app/*"], message: "Domain code never imports from app/." }] },
      ],
    },
  },
  {
    files: ["app/**"],
    rules: { "no-restricted-imports": "off" },
  },
  globalIgnores([".next/**", "node_modules/**", ".data/**", "next-env.d.ts", "playwright-report/**", "test-results/**", "bench/results/**"]),
]);
