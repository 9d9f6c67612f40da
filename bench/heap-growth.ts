// npx tsx bench/heap-growth.ts <early.heapsnapshot> <late.heapsnapshot> [rows]
// Reads two snapshots of one server kept by `npm run bench:heap -- --keep` and says which
// long-lived objects the new memory hangs from. V8 numbers objects in the order it first sees
// them and keeps the numbers between snapshots of one process, so an object of the late snapshot
// whose number the early one lacks was made between the two and is still alive. Each such object
// is charged to its nearest dominator that was already alive early (the old object whose loss
// would free it): a cache filling up shows as one Map or cache object with megabytes under it, a
// leak as whatever holds the per-request objects, and compiled code as many functions each
// gaining a little.
import { createReadStream } from "node:fs";
import { parse } from "heap-snapshot-toolkit";

/* eslint-disable @typescript-eslint/no-explicit-any -- DevTools' heap model has no published types */
const [earlyFile, lateFile, rowsArg] = process.argv.slice(2);
if (!earlyFile || !lateFile) {
  console.error("Usage: npx tsx bench/heap-growth.ts <early.heapsnapshot> <late.heapsnapshot> [rows]");
  process.exit(2);
}
const rows = Number(rowsArg ?? 25);
const KiB = (bytes: number) => (bytes / 1024).toFixed(0);

const earlySnap: any = await parse(createReadStream(earlyFile, "utf-8"));
const oldIds = new Set<number>();
for (let i = 0; i < earlySnap.nodeCount; i++) oldIds.add(earlySnap.createNode(i * earlySnap.nodeFieldCount).id());
const earlyTotal = earlySnap.retainedSizes[earlySnap.rootNode().ordinal()] as number;

const snap: any = await parse(createReadStream(lateFile, "utf-8"));
const fields = snap.nodeFieldCount as number;
const node = (ordinal: number) => snap.createNode(ordinal * fields);
const isOld = new Uint8Array(snap.nodeCount);
for (let i = 0; i < snap.nodeCount; i++) isOld[i] = oldIds.has(node(i).id()) ? 1 : 0;
const rootOrdinal = snap.rootNode().ordinal() as number;
isOld[rootOrdinal] = 1;

/** The nearest dominator that was alive early, for every node (memoised: dominators form a tree). */
const holderOf = new Int32Array(snap.nodeCount).fill(-1);
function holder(ordinal: number): number {
  const path: number[] = [];
  let at = ordinal;
  for (;;) {
    const up = (snap.dominatorsTree[at] as number) ?? rootOrdinal;
    if (isOld[up] || up === at) {
      for (const p of path.concat(at)) holderOf[p] = up;
      return up;
    }
    if (holderOf[up] !== -1) {
      for (const p of path.concat(at)) holderOf[p] = holderOf[up]!;
      return holderOf[up]!;
    }
    path.push(at);
    at = up;
  }
}

const charged = new Map<number, { bytes: number; count: number; classes: Map<string, number> }>();
let newBytes = 0;
let newCount = 0;
for (let i = 0; i < snap.nodeCount; i++) {
  if (isOld[i]) continue;
  const n = node(i);
  const self = n.selfSize() as number;
  newBytes += self;
  newCount += 1;
  const h = holder(i);
  const entry = charged.get(h) ?? { bytes: 0, count: 0, classes: new Map() };
  entry.bytes += self;
  entry.count += 1;
  const cls = String(n.className()).slice(0, 40);
  entry.classes.set(cls, (entry.classes.get(cls) ?? 0) + self);
  charged.set(h, entry);
}

/** A node's name with how it is held: the first strong retainer edges up a few levels. */
function describe(ordinal: number) {
  const n = node(ordinal);
  const label = `${n.className()}${n.name() && n.name() !== n.className() ? ` "${String(n.name()).slice(0, 40)}"` : ""}`;
  const chain: string[] = [];
  let at = n;
  for (let depth = 0; depth < 5; depth++) {
    let next: any = null;
    for (let it = at.retainers(); it.hasNext(); it.next()) {
      const edge = it.item();
      if (edge.type() === "weak" || edge.type() === "shortcut") continue;
      const from = edge.node();
      if (from.isRoot()) break;
      chain.push(`.${edge.name()} of ${from.className()}`);
      next = from;
      break;
    }
    if (!next) break;
    at = next;
  }
  return `${label} ${chain.join(" ")}`.replace(/\|/g, "/").replace(/\s+/g, " ");
}

const lateTotal = snap.retainedSizes[rootOrdinal] as number;
console.log(`Heap: ${KiB(earlyTotal)} KiB early, ${KiB(lateTotal)} KiB late. Objects made between the snapshots and still alive: ${newCount}, ${KiB(newBytes)} KiB.`);
console.log(`\n| held by (alive early) | new KiB | new objects | largest new classes (KiB) |\n|---|---:|---:|---|`);
for (const [ordinal, c] of [...charged].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, rows)) {
  const classes = [...c.classes].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${KiB(v)}`).join(", ");
  console.log(`| ${describe(ordinal).slice(0, 200)} | ${KiB(c.bytes)} | ${c.count} | ${classes.replace(/\|/g, "/")} |`);
}
