// npm run bench:explain -- [--scale large] [--big-table-rows 5000] [--smoke] [--plans] [--only <text>]
// Makes the domain calls behind every benchmarked page and endpoint, records each SQL
// statement they send, and runs it again under EXPLAIN (ANALYZE, BUFFERS) inside a
// transaction that is rolled back. Prints the cost of each path and its slowest statements,
// and fails if any statement scans a big table sequentially. `--plans` prints the plan of
// every statement slower than 20 ms; `--smoke` writes no results file. Each path also shows the
// buffers its statements touched: pages read from outside shared buffers (a cold cache), pages
// dirtied by reading (hint bits a bulk load left unset) and heap fetches by index-only scans
// (pages not marked all-visible, as before the first VACUUM). The database's state is printed too.
// A statement the server sends prepared (lib/db/drivers/named-statements.ts) is also run as a
// connection runs it after five times, with the generic plan PostgreSQL keeps if it keeps one; such
// a plan far slower than the one made for the values is a finding, as is a sequential scan in it.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import pg from "pg";
import { listCommunityHealth } from "@/lib/admin/communities";
import { listPeople } from "@/lib/admin/people";
import { getPlatformFigures } from "@/lib/admin/platform";
import { getCommunityAnalytics } from "@/lib/analytics/community";
import { listDirectory } from "@/lib/communities/directory";
import { getHomePage } from "@/lib/communities/home";
import { getCommunityPage } from "@/lib/communities/page";
import { closeDb } from "@/lib/db/client";
import { plannedPerValue, withLiteralLimits } from "@/lib/db/drivers/named-statements";
import { countRows, databaseState, stateMarkdown, stateSummary } from "./db-state";
import { countQueries } from "@/lib/db/query-count";
import { listCommunityLog } from "@/lib/moderation/audit";
import { getModerationQueue, moderationBadge, moveDestinations } from "@/lib/moderation/reports";
import { listNotifications, unreadCount } from "@/lib/notifications/inbox";
import type { Viewer } from "@/lib/policy";
import { createComment } from "@/lib/posts/mutations";
import { getCommunityFeed, getHomeFeed } from "@/lib/posts/feeds";
import { getPostPage } from "@/lib/posts/thread";
import { search } from "@/lib/search";
import { loadAccount } from "@/lib/users/account";
import { loadSession } from "@/lib/users/sessions";
import { findFixtures, removeBenchWrites } from "./fixtures";
import { benchAccounts } from "./scales";
import { describeCommit } from "./targets";

// The write path is measured, not throttled: two runs a second apart must both pass.
process.env.RATE_LIMITS = "off";
const args = process.argv.slice(2);
const scale = args.includes("--scale") ? args[args.indexOf("--scale") + 1]! : "large";
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database filled by `npm run bench:data`.");
  process.exit(2);
}
/** node-postgres's own conversion of a value to the text it sends for a parameter. */
const { prepareValue } = createRequire(import.meta.url)("pg/lib/utils.js") as { prepareValue: (value: unknown) => string | null };
/**
 * A table with more rows than this is big: a sequential scan of it is a finding. At small
 * scale every table fits in a few pages and the planner is right to scan some of them, so
 * the smoke test raises the bar and checks only that the paths run.
 */
const BIG_TABLE_ROWS = Number(args.includes("--big-table-rows") ? args[args.indexOf("--big-table-rows") + 1] : 5_000);

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Heap Fetches"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  "Shared Dirtied Blocks"?: number;
  Plans?: PlanNode[];
};
type Buffers = { hit: number; read: number; dirtied: number; heapFetches: number };
type Explained = { ms: number; seqScans: string[]; plan: string; buffers: Buffers };
/** `generic`: the same statement as the server runs it prepared, after five runs (the plan PostgreSQL keeps, if it keeps one). */
type Statement = Explained & { path: string; sql: string; generic: Explained | null };
/** A generic plan worth a look: over twice the custom plan's time and over 2 ms more. */
const slowGeneric = (s: Statement) => s.generic !== null && s.generic.ms > 2 * s.ms && s.generic.ms - s.ms > 2;
/** Its sequential scans of big tables, planned for its values and as a generic plan. */
const scansOf = (s: Statement) => [...s.seqScans, ...(s.generic?.seqScans ?? []).map((scan) => `${scan}, generic plan`)];

const state = await databaseState(url);
console.log(stateSummary(state));
const client = new pg.Client({ connectionString: url });
await client.connect();
const big = new Set(
  (await client.query<{ relname: string }>(`select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace and reltuples > $1`, [BIG_TABLE_ROWS])).rows.map((r) => r.relname),
);
const f = await findFixtures(url);
const { rows: [ids] } = await client.query<{ member: string; writer: string; facilitator: string; large_id: string }>(
  `select (select id from users where email = $1) as member, (select id from users where email = $2) as writer,
     (select m.user_id from memberships m join communities c on c.id = m.community_id
      where c.slug = $3 and m.role in ('owner', 'facilitator') and m.status = 'active'
        and exists (select 1 from users u where u.id = m.user_id and u.email_verified is not null) limit 1) as facilitator,
     (select id from communities where slug = $3) as large_id`,
  [benchAccounts.member, benchAccounts.writer, f.large],
);
const as = async (id: string) => (await loadAccount(id)) as Viewer;
// The member's session, as the benchmark signed them in (any id will do when there is none: the statement is the same).
const { rows: [signedIn] } = await client.query<{ id: string }>(`select id from user_sessions where user_id = $1 order by last_seen_at desc limit 1`, [ids!.member]);
const memberSession = signedIn?.id ?? crypto.randomUUID();
const member = await as(ids!.member);
const writer = await as(ids!.writer);
const facilitator = await as(ids!.facilitator);
// The policy decides on the viewer it is given: the member, as a site admin, for the admin pages' statements.
const admin: Viewer = { ...member, siteRole: "admin" };
// Cursors for the second pages, found when those paths come (after their first pages), so that
// the first pages' first calls are the first to read their rows.
const cursor = {
  feed: async () => (await getCommunityFeed(member, f.large, {})).nextCursor ?? undefined,
  search: async () => (await search(member, { q: "performance", type: "posts" })).posts?.nextCursor ?? undefined,
  /** The last reply of the long post's third page: its page is one that starts at it. */
  lateReply: async () => {
    let page = await getPostPage(member, f.longPostCommunity, f.longPost, {});
    for (let i = 0; i < 2 && page.nextCursor; i++) page = await getPostPage(member, f.longPostCommunity, f.longPost, { cursor: page.nextCursor });
    return page.comments.at(-1)?.id;
  },
};
let feedPage2: string | undefined;
let searchPage2: string | undefined;
let lateReply: string | undefined;
const started = new Date();

/**
 * Paths that read a whole big table on purpose, and which tables: the site admin's totals count
 * every account and community (an index is no cheaper for a count of every row). Their scans are
 * listed but are not a finding.
 */
const WHOLE_TABLE_READS: Record<string, string[]> = { "Site admin: platform figures, 4 weeks": ["users", "communities"] };
const intended = (path: string, scan: string) => (WHOLE_TABLE_READS[path] ?? []).includes(scan.split(" ")[0]!);

// What each benchmarked request asks of the database, as its page or route handler does.
const paths: [string, () => Promise<unknown>][] = [
  ["Community feed, large", async () => [await loadSession(member.id, memberSession), await getCommunityPage(member, f.large), await getCommunityFeed(member, f.large, {}, { page: true })]],
  ["Community feed, large, page 2", () => getCommunityFeed(member, f.large, { cursor: feedPage2 })],
  ["Community feed, large, unanswered questions", () => getCommunityFeed(member, f.large, { kind: "question", unanswered: "1" })],
  ["Community feed, small", async () => [await getCommunityPage(member, f.small), await getCommunityFeed(member, f.small, {}, { page: true })]],
  ["Community feed, large, as its facilitator", async () => [await getCommunityPage(facilitator, f.large), await moderationBadge(facilitator, ids!.large_id), await getCommunityFeed(facilitator, f.large, {})]],
  ["Community figures, large, 4 weeks", async () => [await getCommunityPage(facilitator, f.large), await getCommunityAnalytics(facilitator, f.large, {})]],
  ["Community figures, large, a year", () => getCommunityAnalytics(facilitator, f.large, { period: "year" })],
  ["Site admin: platform figures, 4 weeks", () => getPlatformFigures(admin, {})],
  ["Site admin: people, unconfirmed, searched", async () => [await listPeople(admin, {}), await listPeople(admin, { show: "unverified", q: "smith" })]],
  ["Site admin: communities, largest and gone quiet", async () => [await listCommunityHealth(admin, {}), await listCommunityHealth(admin, { show: "quiet" })]],
  ["Moderation queue and log, large", async () => [await getModerationQueue(facilitator, f.large), await listCommunityLog(facilitator, f.large, {}), await moveDestinations(facilitator, ids!.large_id)]],
  [
    "Post with 200 replies",
    // The page's draft, reports, attachments and header come in the thread's own statements.
    () => getPostPage(member, f.longPostCommunity, f.longPost, {}, { page: true }),
  ],
  // A link to a reply deep in the thread, and the way back from it: the page and the first page in one statement.
  ["Post with 200 replies, the page of a late reply", () => getPostPage(member, f.longPostCommunity, f.longPost, { reply: lateReply }, { page: true })],
  ["Home feed", async () => [await getHomePage(member), await getHomeFeed(member, {})]],
  ["Directory", () => listDirectory(member, {})],
  ["Directory, by name, searched", () => listDirectory(member, { q: "waste", sort: "name" })],
  ["Search, common word", () => search(member, { q: "performance" })],
  ["Search, common word, page 2", () => search(member, { q: "performance", type: "posts", cursor: searchPage2 })],
  ["Search, common word, newest first", () => search(member, { q: "performance", type: "posts", sort: "newest" })],
  ["Search, rare phrase", () => search(member, { q: `"${f.rarePhrase}"` })],
  ["Search, misspelt community name", () => search(member, { q: "recyclin grop", type: "communities" })],
  ["Create a reply (write)", () => createComment(writer, f.writePost, { body: "<p>Thanks, this matches what we found.</p>", bodyFormat: "html" })],
  ["Header: unread notifications (every page)", () => unreadCount(member)],
  ["Notifications page", () => listNotifications(member, {})],
];

// `--only <text>` runs just the paths whose names contain the text (say `--only Search`).
const only = args.includes("--only") ? args[args.indexOf("--only") + 1]!.toLowerCase() : null;
const chosen = only ? paths.filter(([path]) => path.toLowerCase().includes(only)) : paths;
const statements: Statement[] = [];
/**
 * Each path's calls timed the first time and again: on a database just loaded, the first reader
 * of a page pays for setting its hint bits and for reading it into memory; EXPLAIN, which runs
 * after, sees only the warm cost.
 */
const calls = new Map<string, { first: number; again: number }>();
for (const [path, work] of chosen) {
  if (path === "Community feed, large, page 2") feedPage2 = await cursor.feed();
  if (path === "Search, common word, page 2") searchPage2 = await cursor.search();
  if (path === "Post with 200 replies, the page of a late reply") lateReply = await cursor.lateReply();
  let t = performance.now();
  const { queries, params } = await countQueries(work);
  const first = performance.now() - t;
  t = performance.now();
  await work();
  calls.set(path, { first, again: performance.now() - t });
  for (const [i, text] of queries.entries()) {
    // Transaction control (begin, commit) and settings have no plan.
    if (!/^\s*\(?\s*(select|insert|update|delete|with)\b/i.test(text)) continue;
    const values = params[i] ?? [];
    const statement: Statement = { path, sql: text, ...(await explain(text, values)), generic: plannedPerValue(text) ? null : await explainGeneric(text, values) };
    // A busy machine only ever adds time: before calling a generic plan slow, the faster of three runs of each.
    for (let again = 0; again < 2 && slowGeneric(statement); again++) {
      statement.ms = Math.min(statement.ms, (await explain(text, values)).ms);
      statement.generic!.ms = Math.min(statement.generic!.ms, (await explainGeneric(text, values)).ms);
    }
    statements.push(statement);
  }
}
// Only a run that wrote cleans up: the clean-up locks posts, on a database others may be using.
if (chosen.some(([path]) => path.includes("(write)"))) await removeBenchWrites(url, f.writePost, started);
await closeDb();
await client.end();
await countRows(url, state);

/** Runs one statement under EXPLAIN ANALYZE and rolls it back, so writes leave nothing behind. */
async function explain(text: string, values: unknown[], setup?: string): Promise<Explained> {
  await client.query("begin");
  try {
    if (setup) await client.query(setup);
    const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(`explain (analyze, buffers, format json) ${text}`, values);
    const [{ Plan, "Execution Time": ms }] = rows[0]!["QUERY PLAN"];
    const plan = args.includes("--plans") && ms > 20 ? (await client.query<{ "QUERY PLAN": string }>(`explain (analyze) ${text}`, values)).rows.map((r) => r["QUERY PLAN"]).join("\n") : "";
    const buffers = { hit: Plan["Shared Hit Blocks"] ?? 0, read: Plan["Shared Read Blocks"] ?? 0, dirtied: Plan["Shared Dirtied Blocks"] ?? 0, heapFetches: heapFetches(Plan) };
    return { ms, seqScans: seqScansOfBigTables(Plan), plan, buffers };
  } finally {
    await client.query("rollback");
  }
}

/**
 * The statement as the driver prepares it (whole-number limits written in), run as a prepared
 * statement runs on a connection that has sent it before: PostgreSQL plans the first five runs for
 * their values, then keeps a generic plan if it judges that one no dearer. The sixth run is
 * explained, with whichever plan PostgreSQL chose. Each run is undone, so writes can repeat.
 */
async function explainGeneric(text: string, values: unknown[]): Promise<Explained> {
  const prepared = withLiteralLimits(text, values);
  await client.query(`prepare explained_statement as ${prepared.text}`);
  try {
    // EXECUTE takes no parameters of its own: the values go in as quoted text, as the driver sends them.
    const literals = prepared.values.map((value) => {
      const text = prepareValue(value);
      return text === null ? "null" : client.escapeLiteral(String(text));
    });
    const execute = `execute explained_statement${literals.length ? `(${literals.join(", ")})` : ""}`;
    const runs = `savepoint run; ${execute}; rollback to savepoint run;`.repeat(5);
    return await explain(execute, [], runs);
  } finally {
    await client.query("deallocate explained_statement");
  }
}

function heapFetches(node: PlanNode): number {
  return (node["Heap Fetches"] ?? 0) + (node.Plans ?? []).reduce((n, p) => n + heapFetches(p), 0);
}

/** Sequential scans of big tables that ran (a plan node that never ran, 0 loops, read nothing). */
function seqScansOfBigTables(node: PlanNode): string[] {
  const ran = (node["Actual Loops"] ?? 1) > 0;
  const here = ran && node["Node Type"] === "Seq Scan" && node["Relation Name"] && big.has(node["Relation Name"]) ? [`${node["Relation Name"]} (${node["Actual Rows"]} rows × ${node["Actual Loops"]})`] : [];
  return [...here, ...(node.Plans ?? []).flatMap(seqScansOfBigTables)];
}

const round = (ms: number) => ms.toFixed(1);
/** A statement on one line, cut to `length` characters, for a list. */
const oneLine = (sql: string, length = 140) => `\`${sql.replace(/\s+/g, " ").slice(0, length)}…\``;
const lines = [
  `# Query plans: ${scale} scale, ${new Date().toISOString().slice(0, 10)}`,
  "",
  `Every statement behind each benchmarked request, run again under EXPLAIN ANALYZE as the benchmark member. Big tables (more than ${BIG_TABLE_ROWS.toLocaleString("en-GB")} rows): ${[...big].sort().join(", ") || "none"}.`,
  "",
  "Buffers are 8 KiB pages: hit in shared buffers, read from outside them (the OS cache or the disk), dirtied by reading (hint bits being set), and heap fetches of index-only scans (pages not yet all-visible).",
  "",
  "First call and again: the domain calls themselves, timed from Node, the first time (after a restart or a bulk load, the cold cost) and straight after.",
  "",
  "Generic ms: the same statements as the server prepares them, on their sixth run, with the plan PostgreSQL keeps by then (a generic one, if it judges that no dearer). Searches by words are never prepared, so they count as planned.",
  "",
  "| Path | first call ms | again ms | statements | total ms | generic ms | slowest ms | buffers hit | read | dirtied | heap fetches | sequential scans of big tables |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ...chosen.map(([path]) => {
    const mine = statements.filter((s) => s.path === path);
    const scans = mine.flatMap((s) => scansOf(s).map((scan) => (intended(path, scan) ? `${scan}, on purpose` : scan)));
    const sum = (k: keyof Buffers) => mine.reduce((t, s) => t + s.buffers[k], 0);
    const generic = mine.reduce((t, s) => t + (s.generic ?? s).ms, 0);
    return `| ${path} | ${round(calls.get(path)!.first)} | ${round(calls.get(path)!.again)} | ${mine.length} | ${round(mine.reduce((t, s) => t + s.ms, 0))} | ${round(generic)} | ${round(Math.max(0, ...mine.map((s) => s.ms)))} | ${sum("hit")} | ${sum("read")} | ${sum("dirtied")} | ${sum("heapFetches")} | ${scans.join(", ") || "none"} |`;
  }),
  "",
  "## Generic plans far slower than planning for the values",
  "",
  ...(statements.some(slowGeneric)
    ? statements.filter(slowGeneric).map((s) => `- ${round(s.generic!.ms)} ms generic against ${round(s.ms)} ms, ${s.path}: ${oneLine(s.sql)}`)
    : ["None."]),
  "",
  "## The five slowest statements",
  "",
  ...[...statements]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((s) => `- ${round(s.ms)} ms, ${s.path}: ${oneLine(s.sql)}`),
  "",
  // With --only, every statement of the chosen paths: few enough to list, and what a change to one is judged by.
  ...(only
    ? [
        "## Each statement",
        "",
        "| Path | ms | generic ms | buffers hit | read | statement |",
        "|---|---:|---:|---:|---:|---|",
        ...statements.map((s) => `| ${s.path} | ${round(s.ms)} | ${s.generic ? round(s.generic.ms) : "–"} | ${s.buffers.hit} | ${s.buffers.read} | ${oneLine(s.sql.replace(/\|/g, "\\|"), 70)} |`),
        "",
      ]
    : []),
  ...stateMarkdown(state),
];
const text = lines.join("\n") + "\n";
for (const s of statements.filter((x) => x.plan)) console.log(`\n${s.path}\n${s.sql}\n${s.plan}\n`);
console.log(text);
if (!args.includes("--smoke")) {
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/${new Date().toISOString().slice(0, 10)}-${await describeCommit()}-${scale}-explain${only ? `-${only.replace(/[^a-z0-9]+/g, "-")}` : ""}.md`, text);
}
if (statements.some((s) => scansOf(s).some((scan) => !intended(s.path, scan)))) {
  console.error("A statement scans a big table sequentially: see the table above.");
  process.exit(1);
}
// At small scale (the smoke test) every plan takes a fraction of a millisecond, and only a busy
// machine could make one look slow: there the list is printed but does not fail the run.
if (statements.some(slowGeneric) && !args.includes("--smoke")) {
  console.error("A prepared statement's generic plan is far slower than its plan for the values: see the list above.");
  process.exit(1);
}
