// Loaded into a benchmarked server with NODE_OPTIONS="--require bench/probe.cjs" (by
// bench/server.ts only, never in production). It counts the statements the server sends
// through node-postgres and answers the benchmark over the IPC channel: memory now, statements
// so far, the live heap after a full collection, or a heap snapshot written to a file. It works on any commit of the app, so that the
// comparison mode can measure an older build the same way.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload loads with require() */

if (process.env.BENCH_PROBE === "1" && typeof process.send === "function") {
  const v8 = require("node:v8");
  let statements = 0;
  try {
    // The same module the server loads: node-postgres is external to Next's bundles.
    const pg = require(require.resolve("pg", { paths: [process.cwd()] }));
    const query = pg.Client.prototype.query;
    const log = process.env.BENCH_PROBE_LOG === "1";
    pg.Client.prototype.query = function countedQuery(...args) {
      statements += 1;
      // BENCH_PROBE_LOG=1 prints the start of every statement, to see what a page sends.
      if (log) process.stderr.write(`[statement ${statements}] ${String(args[0]?.text ?? args[0]).replace(/\s+/g, " ").slice(0, 120)}\n`);
      return query.apply(this, args);
    };
  } catch {
    statements = -1; // no node-postgres here: statements are not measured
  }

  const stats = () => {
    const m = process.memoryUsage();
    // spaceSizes: what V8 has committed to each heap space now (the young generation is new_space).
    const spaceSizes = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size]));
    return { statements, rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, spaceSizes };
  };

  // A full collection on request: what is left in the heap after it is the live data, without
  // the garbage waiting for the next collection that makes heap use a sawtooth.
  v8.setFlagsFromString("--expose-gc");
  const collect = require("node:vm").runInNewContext("gc");
  const liveStats = () => {
    collect();
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
    return { ...stats(), live: process.memoryUsage().heapUsed, spaces };
  };

  process.on("message", (message) => {
    if (!message || typeof message !== "object" || typeof message.probe !== "string") return;
    const reply = (body) => process.send({ probe: message.probe, id: message.id, ...body });
    if (message.probe === "stats") reply(stats());
    if (message.probe === "live") reply(liveStats());
    if (message.probe === "snapshot") reply({ file: v8.writeHeapSnapshot(message.file) });
  });
  // The channel alone must not keep a server alive that was asked to stop.
  process.channel?.unref();
}
