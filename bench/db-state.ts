// What the benchmark database is and what state it is in: the seed it was generated from,
// the server's settings, and for each table its size, row estimates against counts, the share
// of pages marked all-visible, dead rows and the last vacuum and analyse. Every results file
// prints this, because the same queries run several times slower on a database that was just
// bulk-loaded than on a settled one.
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { readFileSync } from "node:fs";
import pg from "pg";

export type Meta = { scale: string; seed: number; anchor: Date; fingerprint: string; seconds: number; vacuumed: boolean };

/** Per table: rows, and a hash summed over rows (order does not matter), with times relative to the anchor. */
const fingerprinted: Record<string, string> = {
  users: "id, name, email, job_title, organisation, created_at - $1::timestamptz",
  communities: "id, slug, name, purpose, visibility, parent_id, depth, member_count, post_count, created_at - $1::timestamptz, last_activity_at - $1::timestamptz",
  memberships: "community_id, user_id, role, status, joined_at - $1::timestamptz",
  posts: "id, community_id, author_id, kind, title, body_text, tags, comment_count, helpful_count, accepted_comment_id, created_at - $1::timestamptz, last_activity_at - $1::timestamptz",
  comments: "id, post_id, author_id, body_text, created_at - $1::timestamptz",
  post_reactions: "post_id, user_id, created_at - $1::timestamptz",
  reports: "id, post_id, reporter_id, status",
};

/** A short hash of every generated row: equal fingerprints mean equal data (up to the anchor). */
export async function fingerprintRows(client: pg.Client, anchor: Date): Promise<string> {
  const parts: string[] = [];
  for (const [table, columns] of Object.entries(fingerprinted)) {
    const { rows } = await client.query<{ n: string; h: string }>(
      `select count(*) as n, coalesce(sum(hashtextextended(row(${columns})::text, 0)::numeric), 0) as h from ${table}`,
      columns.includes("$1") ? [anchor] : [],
    );
    parts.push(`${table}:${rows[0]!.n}:${rows[0]!.h}`);
  }
  const { rows } = await client.query<{ md5: string }>("select md5($1) as md5", [parts.join("|")]);
  return rows[0]!.md5.slice(0, 16);
}

export async function writeMeta(client: pg.Client, meta: Meta) {
  await client.query(
    `create table if not exists bench_meta (scale text not null, seed int not null, anchor timestamptz not null, fingerprint text not null,
       generated_at timestamptz not null default now(), seconds int not null, vacuumed boolean not null)`,
  );
  await client.query("truncate bench_meta");
  await client.query("insert into bench_meta (scale, seed, anchor, fingerprint, seconds, vacuumed) values ($1, $2, $3, $4, $5, $6)", [
    meta.scale, meta.seed, meta.anchor, meta.fingerprint, meta.seconds, meta.vacuumed,
  ]);
}

const settingNames = [
  "shared_buffers", "effective_cache_size", "work_mem", "maintenance_work_mem", "jit", "max_parallel_workers_per_gather",
  "random_page_cost", "seq_page_cost", "effective_io_concurrency", "default_statistics_target", "autovacuum", "fsync",
  "synchronous_commit", "max_connections",
];

export type TableState = {
  table: string;
  totalMiB: number;
  heapMiB: number;
  indexMiB: number;
  estimatedRows: number;
  /** Counted after the measurements (see countRows), since counting reads every page. */
  rows: number | null;
  pages: number;
  allVisible: number;
  allFrozen: number | null;
  deadRows: number;
  modifiedSinceAnalyse: number;
  insertedSinceVacuum: number;
  lastVacuum: string | null;
  lastAnalyse: string | null;
  heapCachedMiB: number | null;
};

export type DatabaseState = Awaited<ReturnType<typeof databaseState>>;

/**
 * Reads the database's settings and state from the catalogue and the statistics only: it reads no
 * table, so it does not warm the cache or set hint bits before a measurement. Row counts come
 * from countRows(), after.
 */
export async function databaseState(connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const one = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => (await client.query<T>(sql, values)).rows;
    const meta = await one<{ scale: string; seed: number; anchor: Date; fingerprint: string; generated_at: Date; seconds: number; vacuumed: boolean }>(
      "select * from bench_meta",
    ).catch(() => []);
    const [server] = await one<{ version: string; started: Date; uptime_s: number; database_mib: number }>(
      `select current_setting('server_version') as version, pg_postmaster_start_time() as started,
         extract(epoch from now() - pg_postmaster_start_time())::int as uptime_s, (pg_database_size(current_database()) / 1048576)::int as database_mib`,
    );
    // current_setting() in this session: it includes settings made for the database (ALTER DATABASE ... SET).
    const settings = Object.fromEntries(
      (await one<{ name: string; value: string }>("select name, current_setting(name) as value from pg_settings where name = any($1)", [settingNames])).map((r) => [r.name, r.value]),
    );
    const [cache] = await one<{ hit: string; read: string; reset: Date | null }>(
      "select blks_hit::text as hit, blks_read::text as read, stats_reset as reset from pg_stat_database where datname = current_database()",
    );
    const extensions = new Set((await one<{ extname: string }>("select extname from pg_extension")).map((r) => r.extname));
    for (const name of ["pg_visibility", "pg_buffercache", "pgstattuple"]) {
      if (extensions.has(name)) continue;
      // Needs a superuser; on a managed database the figures that need it are left out.
      await client.query(`create extension if not exists ${name}`).then(() => extensions.add(name), () => undefined);
    }
    const tables = await one<{
      table: string; total: string; heap: string; indexes: string; reltuples: number; relpages: number; relallvisible: number;
      n_dead_tup: string; n_mod_since_analyze: string; n_ins_since_vacuum: string; last_vacuum: Date | null; last_analyze: Date | null;
    }>(
      `select c.relname as table, pg_total_relation_size(c.oid)::text as total, pg_relation_size(c.oid)::text as heap, pg_indexes_size(c.oid)::text as indexes,
         c.reltuples, c.relpages, c.relallvisible, s.n_dead_tup::text, s.n_mod_since_analyze::text, s.n_ins_since_vacuum::text,
         greatest(s.last_vacuum, s.last_autovacuum) as last_vacuum, greatest(s.last_analyze, s.last_autoanalyze) as last_analyze
       from pg_class c join pg_stat_user_tables s on s.relid = c.oid
       where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace and c.relname not like 'bench\\_%' and pg_relation_size(c.oid) > 0
       order by pg_total_relation_size(c.oid) desc`,
    );
    const tableStates: TableState[] = [];
    for (const t of tables) {
      const [frozen] = extensions.has("pg_visibility")
        ? await one<{ all_frozen: string }>("select all_frozen::text from pg_visibility_map_summary($1::regclass)", [t.table])
        : [];
      const [cached] = extensions.has("pg_buffercache")
        ? await one<{ n: string }>(
            "select count(*)::text as n from pg_buffercache b where b.reldatabase = (select oid from pg_database where datname = current_database()) and b.relfilenode = pg_relation_filenode($1::regclass)",
            [t.table],
          )
        : [];
      const mib = (bytes: string | number) => Math.round((Number(bytes) / 1048576) * 10) / 10;
      tableStates.push({
        table: t.table,
        totalMiB: mib(t.total),
        heapMiB: mib(t.heap),
        indexMiB: mib(t.indexes),
        estimatedRows: Math.round(Math.max(0, t.reltuples)),
        rows: null,
        pages: t.relpages,
        allVisible: t.relpages ? Math.round((t.relallvisible / t.relpages) * 1000) / 1000 : 1,
        allFrozen: frozen && t.relpages ? Math.round((Number(frozen.all_frozen) / Math.max(1, t.relpages)) * 1000) / 1000 : null,
        deadRows: Number(t.n_dead_tup),
        modifiedSinceAnalyse: Number(t.n_mod_since_analyze),
        insertedSinceVacuum: Number(t.n_ins_since_vacuum),
        lastVacuum: t.last_vacuum?.toISOString() ?? null,
        lastAnalyse: t.last_analyze?.toISOString() ?? null,
        heapCachedMiB: cached ? mib(Number(cached.n) * 8192) : null,
      });
    }
    // A GIN index filled row by row keeps new entries in a pending list that every search reads
    // through, and that makes the planner price the index high, until VACUUM merges it.
    const ginPending = extensions.has("pgstattuple")
      ? (
          await one<{ index: string; pending_pages: number; pending_tuples: string }>(
            `select i.relname as index, g.pending_pages, g.pending_tuples::text from pg_index x join pg_class i on i.oid = x.indexrelid join pg_am a on a.oid = i.relam
             cross join lateral pgstatginindex(i.oid) g
             where a.amname = 'gin' and i.relnamespace = 'public'::regnamespace order by g.pending_pages desc`,
          )
        ).map((r) => ({ index: r.index, pendingPages: r.pending_pages, pendingTuples: Number(r.pending_tuples) }))
      : null;
    const autovacuumNow = (await one<{ query: string }>("select query from pg_stat_activity where backend_type = 'autovacuum worker'")).map((r) => r.query);
    const hit = Number(cache!.hit);
    const read = Number(cache!.read);
    return {
      generated: meta[0] ? { ...meta[0], anchor: meta[0].anchor.toISOString(), generated_at: meta[0].generated_at.toISOString() } : null,
      server: { version: server!.version, started: server!.started.toISOString(), uptimeSeconds: server!.uptime_s, databaseMiB: server!.database_mib },
      settings,
      // Statistics survive a clean restart: without a reset they run from the cluster's creation.
      cache: { hitRatio: hit + read ? Math.round((hit / (hit + read)) * 1000) / 1000 : null, blocksRead: read, since: cache!.reset?.toISOString() ?? "the cluster's creation" },
      autovacuumNow,
      ginPending,
      tables: tableStates,
      machine: machine(),
    };
  } finally {
    await client.end();
  }
}

function machine() {
  let pageCacheMiB: number | null = null;
  try {
    const m = readFileSync("/proc/meminfo", "utf8").match(/^Cached:\s+(\d+) kB/m);
    if (m) pageCacheMiB = Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux
  }
  return {
    cpus: cpus().length,
    load: loadavg().map((l) => Math.round(l * 100) / 100),
    memoryMiB: Math.round(totalmem() / 1048576),
    freeMiB: Math.round(freemem() / 1048576),
    pageCacheMiB,
    node: process.version,
  };
}

/** Counts the rows of each table in the state (reading every page: seconds at large), once the measuring is over. */
export async function countRows(connectionString: string, state: DatabaseState): Promise<DatabaseState> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    for (const t of state.tables) t.rows = Number((await client.query<{ n: string }>(`select count(*)::text as n from "${t.table}"`)).rows[0]!.n);
    return state;
  } finally {
    await client.end();
  }
}

/** The state as a Markdown section for a results file. */
export function stateMarkdown(s: DatabaseState): string[] {
  const g = s.generated;
  const minutes = (x: number) => (x < 120 ? `${x} s` : x < 7200 ? `${Math.round(x / 60)} min` : `${Math.round(x / 3600)} h`);
  const ago = (iso: string | null) => (iso ? `${minutes(Math.round((Date.now() - Date.parse(iso)) / 1000))} ago` : "never");
  const pending = (s.ginPending ?? []).filter((g) => g.pendingPages > 0);
  const settled = pending.length === 0 && s.tables.every((t) => t.allVisible >= 0.9 && t.deadRows <= Math.max(1000, t.estimatedRows * 0.05));
  return [
    "## Database",
    "",
    g
      ? `Generated by \`bench:data\` at ${g.scale} scale with seed ${g.seed}, anchor ${g.anchor}, fingerprint ${g.fingerprint}, at ${g.generated_at} in ${g.seconds} s${g.vacuumed ? ", then vacuumed, frozen and analysed" : ", not vacuumed (--no-vacuum)"}.`
      : "Not generated by this version of `bench:data` (no bench_meta table): seed unknown.",
    `PostgreSQL ${s.server.version}, up ${minutes(s.server.uptimeSeconds)} (started ${s.server.started}); database ${s.server.databaseMiB} MiB.` +
      ` Buffer cache hit ratio since ${s.cache.since}: ${s.cache.hitRatio ?? "–"} (${s.cache.blocksRead.toLocaleString("en-GB")} blocks read from outside shared buffers).`,
    `State: ${settled ? "settled (every table at least 90% all-visible, few dead rows, no GIN pending lists)" : "NOT settled: some tables are mostly not all-visible, hold many dead rows or have GIN pending lists (see below)"}.` +
      ` Autovacuum working now: ${s.autovacuumNow.length ? s.autovacuumNow.join("; ") : "no"}.` +
      ` GIN pending lists: ${s.ginPending === null ? "unknown (needs pgstattuple)" : pending.length ? pending.map((g) => `${g.index} ${g.pendingPages} pages (${g.pendingTuples.toLocaleString("en-GB")} entries)`).join(", ") : "none"}.`,
    `Machine: ${s.machine.cpus} CPUs, load ${s.machine.load.join(" ")}, ${s.machine.freeMiB} of ${s.machine.memoryMiB} MiB free, OS page cache ${s.machine.pageCacheMiB ?? "–"} MiB; Node ${s.machine.node}.`,
    "",
    `Settings: ${Object.entries(s.settings).map(([k, v]) => `${k}=${v}`).join(", ")}.`,
    "",
    "Read before the measurements, from the catalogue and statistics; rows counted after them.",
    "",
    "| Table | total MiB | heap MiB | indexes MiB | rows | estimated | all-visible | all-frozen | dead rows | changed since analyse | last vacuum | last analyse | heap in shared buffers MiB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|",
    ...s.tables.map(
      (t) =>
        `| ${t.table} | ${t.totalMiB} | ${t.heapMiB} | ${t.indexMiB} | ${t.rows?.toLocaleString("en-GB") ?? "–"} | ${t.estimatedRows.toLocaleString("en-GB")} | ${Math.round(t.allVisible * 100)}% | ${t.allFrozen === null ? "–" : `${Math.round(t.allFrozen * 100)}%`} | ${t.deadRows.toLocaleString("en-GB")} | ${t.modifiedSinceAnalyse.toLocaleString("en-GB")} | ${ago(t.lastVacuum)} | ${ago(t.lastAnalyse)} | ${t.heapCachedMiB ?? "–"} |`,
    ),
  ];
}

/** One line for a console: is the database settled? */
export function stateSummary(s: DatabaseState): string {
  const worst = [...s.tables].sort((a, b) => a.allVisible - b.allVisible)[0];
  const g = s.generated;
  return `Database: ${g ? `${g.scale}, seed ${g.seed}, fingerprint ${g.fingerprint}` : "seed unknown"}; PostgreSQL ${s.server.version} up ${Math.round(s.server.uptimeSeconds / 60)} min; least all-visible table ${worst ? `${worst.table} ${Math.round(worst.allVisible * 100)}%` : "–"}; dead rows ${s.tables.reduce((n, t) => n + t.deadRows, 0).toLocaleString("en-GB")}.`;
}
