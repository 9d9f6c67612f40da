import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import type { Server } from "./server";

export type Target = {
  name: string;
  path: string;
  group: "ceiling" | "page" | "api" | "write";
  method?: "GET" | "POST";
  body?: string;
  /** Sign in as this cookie instead of the member's. */
  as?: string;
  /** Who the comparison mode signs in as, when not the member (the write target is the writer's). */
  role?: "facilitator";
  /** Also measured with one connection, for the latency a member sees. */
  latency?: true;
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

/** One warm request on its own: its status, the size of its body, and the statements it sent. */
/** `payloadBytes`: of `bytes`, the inline scripts carrying the page's RSC payload (null for a body that is not a page). */
export type Sample = { status: number; bytes: number; gzipBytes: number; payloadBytes: number | null; statements: number | null };

/** The bytes of a page's inline scripts that carry its RSC payload (self.__next_f.push), tags included. */
export function rscPayloadBytes(body: Buffer): number | null {
  const html = body.toString("utf8");
  if (!html.startsWith("<!DOCTYPE html>")) return null;
  let bytes = 0;
  for (const match of html.matchAll(/<script\b[^>]*>(?:(?!<\/script>)[\s\S])*<\/script>/g)) {
    if (match[0].includes("self.__next_f")) bytes += Buffer.byteLength(match[0]);
  }
  return bytes;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function request(base: string, cookie: string, target: Target) {
  return {
    url: `${base}${target.path}`,
    method: target.method ?? "GET",
    headers: { cookie, ...(target.body ? { "content-type": "application/json" } : {}) },
    body: target.body,
  };
}

/** Drives one target with autocannon (warm-up first, not counted) and returns what it measured. */
export async function measure(base: string, cookie: string, target: Target, options: { seconds: number; warmup: number; connections: number }): Promise<Measure> {
  const req = request(base, cookie, target);
  if (options.warmup > 0) await autocannon({ ...req, connections: Math.min(10, options.connections), duration: options.warmup });
  const latencies: number[] = [];
  const result = await autocannon({
    ...req,
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

/**
 * Sends the target's request a few times, one at a time, and reports its status, its body size
 * (as sent without compression, and gzipped) and the statements the server sent to the database
 * per request. Work a request leaves for after its response is counted with the next one, so
 * the mean over several requests misses at most a part of the last one's.
 */
export async function sample(base: string, cookie: string, target: Target, server?: Server, times = 5): Promise<Sample> {
  const req = request(base, cookie, target);
  const before = server ? await quiet(server) : null;
  let last: { status: number; body: Buffer } = { status: 0, body: Buffer.alloc(0) };
  for (let i = 0; i < times; i++) {
    const response = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, redirect: "manual" });
    last = { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  }
  const after = server ? await quiet(server) : null;
  const statements = before && after && before.statements >= 0 ? Math.round(((after.statements - before.statements) / times) * 10) / 10 : null;
  return { status: last.status, bytes: last.body.length, gzipBytes: gzipSync(last.body).length, payloadBytes: rscPayloadBytes(last.body), statements };
}

/**
 * Waits until the server has sent no statement for half a second (up to 20 s): after a load run
 * it is still answering the requests that were queued when the load tool stopped.
 */
export async function quiet(server: Server) {
  let last = await server.stats();
  let still = 0;
  for (let i = 0; i < 200 && still < 5; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await server.stats();
    still = now.statements === last.statements ? still + 1 : 0;
    last = now;
  }
  return last;
}
