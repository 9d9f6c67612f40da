// npm run bench:lighthouse -- --base http://localhost:3440 [--email …] [--password …] [--community <slug>]
//   [--search <words>] [--form-factors mobile,desktop] [--runs 1]
// Lighthouse (accessibility and performance) on the main pages of a running production server:
// home, a community, a post of it and a search, signed in. The score of a run on a shared
// machine moves with its load, so each row carries the load average when it ran.
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { lighthouse, type LighthouseScores } from "./frontend";
import { signInCookie } from "./server";
import { describeCommit, options } from "./targets";

const { option } = options(process.argv.slice(2));
const base = option("base", "http://localhost:3440");
const email = option("email", "member@example.gov.uk");
const password = option("password", "roundtable-demo");
const community = option("community", "policy-and-performance");
const search = option("search", "performance");
const formFactors = option("form-factors", "mobile,desktop").split(",") as ("mobile" | "desktop")[];
const runs = Number(option("runs", "1"));

const cookie = await signInCookie(base, email, password);
const communityHtml = await (await fetch(`${base}/c/${community}`, { headers: { cookie } })).text();
const post = communityHtml.match(new RegExp(`href="(/c/${community}/posts/[^"#?]+)"`))?.[1];
if (!post) throw new Error(`No post linked from /c/${community}`);
const pages = [
  ["Home", "/home"],
  ["Community", `/c/${community}`],
  ["Post", post],
  ["Search", `/search?q=${encodeURIComponent(search)}`],
] as const;

const load = () => loadavg().map((l) => l.toFixed(1)).join(", ");
const rows: (LighthouseScores & { path: string; load: string })[] = [];
for (let run = 0; run < runs; run++) {
  for (const [page, path] of pages) {
    for (const formFactor of formFactors) {
      process.stdout.write(`Lighthouse ${page} (${formFactor})… `);
      const before = load();
      const score = await lighthouse(`${base}${path}`, cookie, page, formFactor);
      rows.push({ ...score, path, load: before });
      console.log(`performance ${score.performance}, accessibility ${score.accessibility}${score.misses?.length ? ` (misses: ${score.misses.join(", ")})` : ""}; load ${before}`);
    }
  }
}

const date = new Date().toISOString().slice(0, 10);
const commit = await describeCommit();
const text = [
  `# Lighthouse on the main pages, ${date}`,
  "",
  `Commit ${commit}. Lighthouse ${formFactors.join(" and ")} presets against the production build at ${base}, signed in as ${email}.`,
  `Reproduce: start the app (\`E2E_PORT=${new URL(base).port || 80} npx tsx e2e/support/server.ts\` serves the demo data), then \`npm run bench:lighthouse -- --base ${base}${runs > 1 ? ` --runs ${runs}` : ""}\`.`,
  "Load: the 1, 5 and 15-minute load averages of the machine (2 cores) as each page began; performance falls when it is busy.",
  "",
  "| Page | path | form factor | performance | accessibility | FCP | LCP | TBT | CLS | load |",
  "|---|---|---|---:|---:|---:|---:|---:|---:|---|",
  ...rows.map((r) => {
    const m = r.metrics ?? {};
    return `| ${r.page} | \`${r.path}\` | ${r.formFactor} | ${r.performance} | ${r.accessibility} | ${m["first-contentful-paint"]} | ${m["largest-contentful-paint"]} | ${m["total-blocking-time"]} | ${m["cumulative-layout-shift"]} | ${r.load} |`;
  }),
  "",
  `Accessibility audits missed: ${rows.some((r) => r.misses?.length) ? [...new Set(rows.flatMap((r) => r.misses ?? []))].join(", ") : "none"}.`,
].join("\n") + "\n";
console.log(`\n${text}`);
mkdirSync("bench/results", { recursive: true });
const file = `bench/results/${date}-${commit.replace("+changes", "")}-lighthouse.md`;
writeFileSync(file, text);
console.log(`Written to ${file}`);
