import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type LighthouseScores = {
  page: string;
  formFactor: "mobile" | "desktop";
  performance: number;
  accessibility: number;
  /** The accessibility audits that did not pass, and the timings behind the performance score. */
  misses?: string[];
  metrics?: Record<string, string>;
};

type Report = {
  categories: Record<string, { score: number; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; displayValue?: string }>;
};

const timings = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];

const chromeFlags = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
].join(" ");

/** Lighthouse (the npm package, with the system Chromium) on one signed-in page. */
export async function lighthouse(url: string, cookie: string, page: string, formFactor: "mobile" | "desktop"): Promise<LighthouseScores> {
  const dir = mkdtempSync(path.join(tmpdir(), "lighthouse-"));
  const report = path.join(dir, "report.json");
  try {
    await run(
      process.execPath,
      [
        "node_modules/lighthouse/cli/index.js",
        url,
        `--chrome-path=${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}`,
        `--chrome-flags=${chromeFlags}`,
        `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
        "--only-categories=performance,accessibility",
        ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
        "--output=json",
        `--output-path=${report}`,
        "--quiet",
      ],
      { timeout: 180_000, maxBuffer: 50 * 1024 * 1024 },
    );
    const result = JSON.parse(readFileSync(report, "utf8")) as Report;
    const audit = (id: string) => result.audits[id];
    return {
      page,
      formFactor,
      performance: Math.round(result.categories.performance!.score * 100),
      accessibility: Math.round(result.categories.accessibility!.score * 100),
      misses: result.categories.accessibility!.auditRefs.filter((r) => r.weight > 0 && audit(r.id)?.score !== null && (audit(r.id)?.score ?? 1) < 1).map((r) => r.id),
      metrics: Object.fromEntries(timings.map((id) => [id, audit(id)?.displayValue ?? "–"])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
