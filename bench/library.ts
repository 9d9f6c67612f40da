// DATABASE_URL=postgres://… npm run bench:library -- [--revisions 500] [--rounds 20] [--keep]
// A document with many revisions: makes one through the real save path (every save names its
// base, as the editor's do, some on a stale base so that they merge), then times the history
// page (first page and a deep page, by keyset), a difference between adjacent revisions and one
// across the whole history, and a save on top. Prints medians and 90th percentiles. The
// document and its community are removed afterwards unless --keep is given.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db/client";
import { communities, memberships, users } from "@/lib/db/schema";
import { createDocument } from "@/lib/library/documents";
import { compareRevisions, getHistory } from "@/lib/library/history";
import { getEditor } from "@/lib/library/page";
import { saveDocument } from "@/lib/library/save";
import type { Viewer } from "@/lib/policy";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const REVISIONS = option("--revisions", 500);
const ROUNDS = option("--rounds", 20);
if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to a PostgreSQL database (for example one filled by `npm run bench:data`).");
  process.exit(2);
}
process.env.RATE_LIMITS = "off";

const words = "council housing social care budget scrutiny commissioning outcomes partners residents services evidence review framework measures quarterly".split(" ");
const sentence = (seed: number) => Array.from({ length: 14 }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(" ") + ".";
const paragraphs = (seeds: number[]) => seeds.map((s) => `<p>${sentence(s)} ${sentence(s + 1)} ${sentence(s + 2)}</p>`).join("");

async function setUp() {
  const db = await getDb();
  const id = randomUUID();
  const [user] = await db
    .insert(users)
    .values({ id, name: "Library bench", email: `library-bench-${id}@bench.example` })
    .returning({ id: users.id, name: users.name, email: users.email, siteRole: users.siteRole, status: users.status, createdAt: users.createdAt });
  const [community] = await db.insert(communities).values({ slug: `library-bench-${id.slice(0, 8)}`, name: "Library bench", visibility: "private", createdById: id }).returning();
  await db.insert(memberships).values({ communityId: community!.id, userId: id, role: "owner", status: "active", joinedAt: new Date() });
  return { viewer: user as Viewer, community: community! };
}

/** Runs `work` ROUNDS times after one warm-up, and gives its median and 90th percentile in ms. */
async function time(work: () => Promise<unknown>) {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { median: at(0.5), p90: at(0.9) };
}

async function main() {
  const { viewer, community } = await setUp();
  const seeds = Array.from({ length: 40 }, (_, i) => i * 5);
  const { documentId } = await createDocument(viewer, community.slug, { title: "Bench document", body: paragraphs(seeds), bodyFormat: "html" });
  const building = performance.now();
  let stale: string | null = null;
  for (let n = 2, count = 1; count < REVISIONS; n++) {
    const editor = await getEditor(viewer, documentId);
    // Change one paragraph; every tenth revision also adds one. Every seventh save starts from
    // the revision before the newest, as when two people edit at once, and is merged.
    seeds[(n * 13) % seeds.length] = n * 11;
    if (n % 10 === 0) seeds.push(n * 17);
    const base = n % 7 === 0 && stale ? stale : editor.baseRevisionId;
    stale = editor.baseRevisionId;
    const saved = await saveDocument(viewer, documentId, { title: "Bench document", body: paragraphs(seeds), bodyFormat: "html", baseRevisionId: base });
    if (saved.outcome !== "saved") await saveDocument(viewer, documentId, { title: "Bench document", body: paragraphs(seeds), bodyFormat: "html", baseRevisionId: (await getEditor(viewer, documentId)).baseRevisionId });
    count = (await getHistory(viewer, documentId, { limit: "1" })).document.revisionCount;
  }
  const buildSeconds = (performance.now() - building) / 1000;
  const history = await getHistory(viewer, documentId, { limit: "50" });
  let deep = history.nextCursor;
  for (let i = 0; i < 8 && deep; i++) deep = (await getHistory(viewer, documentId, { limit: "50", cursor: deep })).nextCursor ?? deep;
  const count = history.document.revisionCount;
  const results = {
    "history, first page (50)": await time(() => getHistory(viewer, documentId, { limit: "50" })),
    "history, a deep page (50)": await time(() => getHistory(viewer, documentId, { limit: "50", cursor: deep ?? undefined })),
    "difference, adjacent revisions": await time(() => compareRevisions(viewer, documentId, { from: String(count - 1), to: String(count) })),
    [`difference, revision 1 to ${count}`]: await time(() => compareRevisions(viewer, documentId, { from: "1", to: String(count) })),
    "open the editor": await time(() => getEditor(viewer, documentId)),
  };
  console.log(`\nA document with ${count} revisions (${seeds.length} paragraphs, about ${seeds.length * 42} words); built through the save path in ${buildSeconds.toFixed(1)} s.`);
  console.log(`Each figure: median and 90th percentile of ${ROUNDS} runs, in-process domain calls against ${new URL(process.env.DATABASE_URL!).hostname}.\n`);
  console.log("| Call | Median | p90 |\n|---|---:|---:|");
  for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${r.median.toFixed(1)} ms | ${r.p90.toFixed(1)} ms |`);
  if (!args.includes("--keep")) {
    const db = await getDb();
    await db.delete(communities).where(eq(communities.id, community.id));
    await db.delete(users).where(eq(users.id, viewer.id));
  }
  await closeDb();
}

main().catch(async (error: unknown) => {
  console.error(error);
  await closeDb();
  process.exit(1);
});
