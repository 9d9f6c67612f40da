// DATABASE_URL=postgres://… npm run bench:analytics -- [--rounds 30] [--events 250] [--documents 2000] [--others 9] [--keep] [--plans] [--clean]
// The figures page's domain call for the biggest community (most members), as one of its
// facilitators, at one connection: p50 and p95 of --rounds calls for each period, then each
// figure's own query the same way, so that a slow one stands out. The bulk benchmark data has
// no events or documents, so --events past events and --documents documents are added to that
// community first, and as many to each of the --others next biggest communities, so that the
// community's share of those tables is small as it would be (see analytics-extras.ts); they are
// removed afterwards unless --keep is given (--clean only removes them). If
// the database lacks the index the document figures read (a later migration than its data),
// it is built for the run and dropped again. Last, every statement of one year's figures runs
// again under EXPLAIN ANALYZE: its time, buffers and any sequential scan (--plans prints each plan).
import { sql } from "drizzle-orm";
import pg from "pg";
import { getCommunityAnalytics, LIST_LIMIT } from "@/lib/analytics/community";
import { documentFigures, mostActiveDocuments, untouchedDocuments } from "@/lib/analytics/documents";
import { eventFigures, quietUpcomingEvents } from "@/lib/analytics/events";
import { dormantMembers, mostHelpful, questionFigures, unansweredQuestions, waitingWork } from "@/lib/analytics/lists";
import { periodOf, periods, type PeriodKey } from "@/lib/analytics/period";
import { weeklySeries } from "@/lib/analytics/series";
import { closeDb, getDb } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-count";
import { selectRows } from "@/lib/db/rows";
import type { Viewer } from "@/lib/policy";
import { loadAccount } from "@/lib/users/account";
import { addExtras, countExtras, removeExtras } from "./analytics-extras";
import { percentile, sampleTimes } from "./percentiles";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const ROUNDS = option("--rounds", 30);
const EVENTS = option("--events", 250);
const DOCUMENTS = option("--documents", 2000);
const OTHERS = option("--others", 9);
if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to a PostgreSQL database filled by `npm run bench:data`.");
  process.exit(2);
}
// One connection: the figures' queries run one after another, as on a single serverless connection.
process.env.DATABASE_POOL_MAX = "1";
const INDEX = "document_revisions_document_created_idx";

type Timing = { p50: number; p95: number };

/** Runs `work` ROUNDS times after one warm-up; p50 and p95 in ms. */
async function time(work: () => Promise<unknown>): Promise<Timing> {
  const samples = await sampleTimes(work, ROUNDS);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Shared Hit Blocks"?: number; "Shared Read Blocks"?: number; Plans?: PlanNode[] };

/** Runs each statement of `work` again under EXPLAIN ANALYZE and prints a line for each. */
async function explainAll(work: () => Promise<unknown>) {
  const { queries, params } = await countQueries(work);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const seqScans = (n: PlanNode): string[] => [...(n["Node Type"] === "Seq Scan" ? [n["Relation Name"]!] : []), ...(n.Plans ?? []).flatMap(seqScans)];
  console.log(`\n${queries.length} statements for a year's figures, each under EXPLAIN ANALYZE:\n`);
  console.log("| Statement | ms | buffers hit | read | sequential scans |\n|---|---:|---:|---:|---|");
  try {
    for (const [i, text] of queries.entries()) {
      const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(`explain (analyze, buffers, format json) ${text}`, params[i]);
      const [{ Plan: plan, "Execution Time": took }] = rows[0]!["QUERY PLAN"];
      const start = text.replace(/\s+/g, " ").slice(0, 90).replaceAll("|", "/");
      console.log(`| \`${start}…\` | ${took.toFixed(1)} | ${plan["Shared Hit Blocks"] ?? 0} | ${plan["Shared Read Blocks"] ?? 0} | ${seqScans(plan).join(", ") || "none"} |`);
      if (args.includes("--plans")) {
        const { rows: lines } = await client.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${text}`, params[i]);
        console.log(`\n\`\`\`\n${text}\n${lines.map((l) => l["QUERY PLAN"]).join("\n")}\n\`\`\`\n`);
      }
    }
  } finally {
    await client.end();
  }
}

const ms = (t: Timing) => `${t.p50.toFixed(1)} ms | ${t.p95.toFixed(1)} ms`;

async function main() {
  const db = await getDb();
  type Community = { id: string; slug: string; name: string; member_count: number; post_count: number; facilitator: string };
  const biggestCommunities = () =>
    selectRows<Community>(
      db,
      sql`select c.id, c.slug, c.name, c.member_count, c.post_count,
          (select m.user_id from memberships m where m.community_id = c.id and m.status = 'active' and m.role in ('owner', 'facilitator') order by m.user_id limit 1) as facilitator
        from communities c order by c.member_count desc, c.post_count desc limit ${1 + OTHERS}`,
    );
  // Leftovers of a run stopped half way go first, so that the counts below are the data's own.
  for (const c of await biggestCommunities()) await removeExtras(db, c.id);
  if (args.includes("--clean")) return;
  const biggest = await biggestCommunities();
  const community = biggest[0];
  if (!community?.facilitator) throw new Error("The biggest community has no facilitator to look at its figures.");
  // The bulk data predates confirmed addresses: the facilitator is taken as having confirmed theirs.
  const viewer = { ...((await loadAccount(community.facilitator)) as Viewer), verified: true };
  const [{ has } = { has: false }] = await selectRows<{ has: boolean }>(db, sql`select to_regclass(${INDEX}) is not null as has`);
  if (!has) await db.execute(sql.raw(`create index ${INDEX} on document_revisions (document_id, created_at)`));
  try {
    if (EVENTS + DOCUMENTS > 0) {
      for (const c of biggest) await addExtras(db, c.id, { events: EVENTS, documents: DOCUMENTS });
      await db.execute(sql`analyze events, event_rsvps, documents, document_revisions, document_comments`);
    }
    const made = EVENTS + DOCUMENTS > 0 ? await countExtras(db, community.id) : null;
    console.log(`${community.name} (${community.slug}): ${community.member_count.toLocaleString()} members, ${community.post_count.toLocaleString()} posts.`);
    if (made) {
      console.log(
        `Added for the run, to it and to each of the ${OTHERS} next biggest: ${made.events} events with ${made.rsvps.toLocaleString()} answers, ${made.documents.toLocaleString()} documents with ${made.revisions.toLocaleString()} versions and ${made.comments.toLocaleString()} comments.`,
      );
    }
    console.log(`${ROUNDS} rounds after one warm-up, one connection, against ${new URL(process.env.DATABASE_URL!).host}.${has ? "" : ` (${INDEX} built for the run.)`}\n`);
    console.log("| Period | Whole page's figures p50 | p95 |\n|---|---:|---:|");
    const whole: Record<string, Timing> = {};
    for (const key of Object.keys(periods) as PeriodKey[]) {
      whole[key] = await time(() => getCommunityAnalytics(viewer, community.slug, { period: key }));
      console.log(`| ${periods[key].label} | ${ms(whole[key])} |`);
    }
    const c = { id: community.id, memberCount: community.member_count };
    const figures: [string, (period: ReturnType<typeof periodOf>) => Promise<unknown>][] = [
      ["members, joiners, active, posts per week", (p) => weeklySeries(db, c, p)],
      ["questions and time to first reply", (p) => questionFigures(db, c.id, p)],
      ["unanswered questions", (p) => unansweredQuestions(db, c.id, p, LIST_LIMIT)],
      ["dormant members", (p) => dormantMembers(db, c.id, p, LIST_LIMIT)],
      ["most helpful", (p) => mostHelpful(db, c.id, p, 5)],
      ["waiting for a facilitator", () => waitingWork(db, c.id)],
      ["events held and answers", (p) => eventFigures(db, c.id, p)],
      ["events coming up with few going", (p) => quietUpcomingEvents(db, c.id, p.asOf, LIST_LIMIT)],
      ["document activity", (p) => documentFigures(db, c.id, p)],
      ["most active documents", (p) => mostActiveDocuments(db, c.id, p, 5)],
      ["documents untouched for 90 days", (p) => untouchedDocuments(db, c.id, p.asOf, LIST_LIMIT)],
    ];
    console.log(`\n| Figure | ${(Object.keys(periods) as PeriodKey[]).map((k) => `${periods[k].label} p50 | p95`).join(" | ")} |`);
    console.log(`|---|${"---:|---:|".repeat(Object.keys(periods).length)}`);
    for (const [name, run] of figures) {
      const cells: string[] = [];
      for (const key of Object.keys(periods) as PeriodKey[]) {
        const period = periodOf(key, new Date());
        cells.push(ms(await time(() => run(period))));
      }
      console.log(`| ${name} | ${cells.join(" | ")} |`);
    }
    await explainAll(() => getCommunityAnalytics(viewer, community.slug, { period: "year" }));
  } finally {
    if (!args.includes("--keep")) for (const c of biggest) await removeExtras(db, c.id);
    if (!has && !args.includes("--keep")) await db.execute(sql.raw(`drop index ${INDEX}`));
    const [after] = await selectRows<{ post_count: number }>(db, sql`select post_count from communities where id = ${community.id}`);
    if (!args.includes("--keep") && after?.post_count !== community.post_count) console.error(`The post count moved from ${community.post_count} to ${after?.post_count}.`);
  }
}

main()
  .then(() => closeDb())
  .catch(async (error: unknown) => {
    console.error(error);
    await closeDb();
    process.exit(1);
  });
