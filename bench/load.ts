import autocannon from "autocannon";

export type Target = {
  name: string;
  path: string;
  group: "ceiling" | "page" | "api" | "write";
  method?: "GET" | "POST";
  body?: string;
};

export type Measure = {
  name: string;
  path: string;
  group: Target["group"];
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Drives one target with autocannon (warm-up first, not counted) and returns what it measured. */
export async function measure(base: string, cookie: string, target: Target, options: { seconds: number; warmup: number; connections: number }): Promise<Measure> {
  const request = {
    url: `${base}${target.path}`,
    method: target.method ?? "GET",
    headers: { cookie, ...(target.body ? { "content-type": "application/json" } : {}) },
    body: target.body,
  };
  if (options.warmup > 0) await autocannon({ ...request, connections: Math.min(10, options.connections), duration: options.warmup });
  const latencies: number[] = [];
  const result = await autocannon({
    ...request,
    connections: options.connections,
    duration: options.seconds,
    setupClient: (client) => {
      client.on("response", (_status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
    },
  });
  latencies.sort((a, b) => a - b);
  return {
    name: target.name,
    path: target.path,
    group: target.group,
    rps: Math.round(result.requests.average),
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    p99: Math.round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}
