// npx tsx bench/heap-holders.ts <early.heapsnapshot> <late.heapsnapshot>
// Reads two snapshots kept by `npm run bench:heap -- --keep` and says whether whole requests
// are being kept: how many HTTP requests (IncomingMessage) each holds, how many of the early
// ones are still alive in the late one (a leak, not load in flight), which paths they were for,
// and how many stay reachable when the edges from async resources to their async-context
// store (kResourceStore) are cut, or when promises are left out.
import { createReadStream } from "node:fs";
import { parse } from "heap-snapshot-toolkit";

/* eslint-disable @typescript-eslint/no-explicit-any -- DevTools' heap model has no published types */
type Skip = (target: any, edgeName: string) => boolean;

function reachableRequests(snap: any, skip: Skip): number {
  const seen = new Uint8Array(snap.nodeCount);
  const queue = [snap.rootNode().ordinal()];
  seen[queue[0]] = 1;
  let requests = 0;
  while (queue.length) {
    const node = snap.createNode(queue.pop() * snap.nodeFieldCount);
    for (let it = node.edges(); it.hasNext(); it.next()) {
      const edge = it.item();
      if (edge.type() === "weak" || edge.type() === "shortcut") continue;
      const target = edge.node();
      if (seen[target.ordinal()]) continue;
      seen[target.ordinal()] = 1;
      if (skip(target, String(edge.name()))) continue;
      if (target.className() === "IncomingMessage") requests += 1;
      queue.push(target.ordinal());
    }
  }
  return requests;
}

function requestsIn(snap: any): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 0; i < snap.nodeCount; i++) {
    const node = snap.createNode(i * snap.nodeFieldCount);
    if (node.className() !== "IncomingMessage") continue;
    let method = "?";
    let url = "?";
    for (let it = node.edges(); it.hasNext(); it.next()) {
      const edge = it.item();
      if (edge.name() === "method") method = String(edge.node().name());
      if (edge.name() === "url") url = String(edge.node().name());
    }
    out.set(node.id(), `${method} ${url.replace(/\?.*/, "?…").replace(/[0-9a-f-]{36}/g, ":id").replace(/^\/c\/[^/]+/, "/c/:slug")}`);
  }
  return out;
}

const [earlyFile, lateFile] = process.argv.slice(2);
if (!earlyFile || !lateFile) {
  console.error("Usage: npx tsx bench/heap-holders.ts <early.heapsnapshot> <late.heapsnapshot>");
  process.exit(2);
}
const early = requestsIn(await parse(createReadStream(earlyFile, "utf-8")));
const late: any = await parse(createReadStream(lateFile, "utf-8"));
const lateRequests = requestsIn(late);
const kept = [...early.keys()].filter((id) => lateRequests.has(id)).length;
console.log(`Requests held: ${early.size} early, ${lateRequests.size} late; ${kept} of the early ones still held late.`);
const byPath = new Map<string, number>();
for (const what of lateRequests.values()) byPath.set(what, (byPath.get(what) ?? 0) + 1);
console.log("Held late, by path:", [...byPath].sort((a, b) => b[1] - a[1]).slice(0, 10));
// lru-cache's class name is minified in the server bundle: know its instances by a field of theirs.
const lruCaches = new Set<number>();
for (let i = 0; i < late.nodeCount; i++) {
  const node = late.createNode(i * late.nodeFieldCount);
  for (let it = node.edges(); it.hasNext(); it.next()) if (it.item().name() === "ttlAutopurge") lruCaches.add(node.ordinal());
}
console.log(`Reachable: all edges ${reachableRequests(late, () => false)}; without kResourceStore edges ${reachableRequests(late, (_, name) => name.includes("kResourceStore"))}; without promises ${reachableRequests(late, (t) => t.className() === "Promise")}; without the LRU cache ${reachableRequests(late, (t) => lruCaches.has(t.ordinal()))}.`);
