import { performance } from "node:perf_hooks";

// Timing a call one after another, as the small benchmarks do: one warm-up, then `rounds` runs.

/** Each run's time in ms, fastest first. */
export async function sampleTimes(work: () => Promise<unknown>, rounds: number): Promise<number[]> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

/** The `q` quantile (0.5, 0.95) of sorted samples: the smallest that at least that share are at or under. */
export const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
