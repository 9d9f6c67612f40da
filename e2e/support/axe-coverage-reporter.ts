import { readdirSync } from "node:fs";
import path from "node:path";
import type { FullConfig, FullResult, Reporter, Suite } from "@playwright/test/reporter";
import { axeCoverage, unreachablePages } from "./axe-coverage";

/**
 * Prints the pages axe checked in this run. On a whole run (every spec file, no filter) a page
 * of the app that no test checked fails the run, so a new page cannot be missed.
 */
export default class AxeCoverageReporter implements Reporter {
  private wholeRun = false;
  private testsRun = 0;

  onBegin(config: FullConfig, suite: Suite) {
    const project = config.projects[0];
    if (!project) return;
    const specs = readdirSync(project.testDir).filter((name) => name.endsWith(".spec.ts"));
    const ignored = [project.testIgnore].flat().map(String);
    const expected = specs.filter((name) => !ignored.some((pattern) => name === pattern || name.includes(pattern)));
    const running = new Set(suite.allTests().map((test) => path.basename(test.location.file)));
    const unfiltered = config.grep instanceof RegExp && config.grep.source === ".*" && !config.grepInvert;
    this.wholeRun = unfiltered && expected.every((name) => running.has(name));
  }

  onTestEnd() {
    this.testsRun++;
  }

  async onEnd(result: FullResult) {
    if (this.testsRun === 0) return undefined;
    const { checked, missed, total } = axeCoverage();
    console.log(`\nPages checked with axe: ${checked.size} of ${total}`);
    for (const [route, times] of [...checked].sort()) console.log(`  ${route} (${times})`);
    for (const [route, why] of Object.entries(unreachablePages)) console.log(`  ${route}: not checked, ${why}`);
    if (!this.wholeRun || missed.length === 0) return undefined;
    console.log(`Pages no test checked with axe:\n${missed.map((route) => `  ${route}`).join("\n")}`);
    if (result.status === "passed") return { status: "failed" as const };
    return undefined;
  }

  printsToStdio() {
    return false;
  }
}
