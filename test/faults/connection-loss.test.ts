import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { communities, posts } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { startSession } from "@/lib/users/sessions";
import { makeUser } from "@/test/support/factories";
import { communityWith } from "@/test/support/posts";

// The database connection dropped in the middle of a write: the backend is killed with
// pg_terminate_backend while the transaction waits, after its first row is written. Nothing
// of it may remain, the member is told plainly and keeps what they typed, the next write
// works, and the health route reports an outage and the recovery. Needs a real PostgreSQL
// (TEST_DATABASE_URL), with node-postgres or, with DATABASE_DRIVER=neon, the Neon driver.

const session = vi.hoisted(() => ({ current: null as { userId: string; sessionId?: string } | null }));
// Outside Next.js there is no request: give the actions the headers a browser's request has.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "roundtable.test", origin: "http://roundtable.test", "user-agent": "fuzz" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock("@/lib/auth", () => ({ readSession: async () => session.current, signIn: async () => undefined, signOut: async () => undefined }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), revalidatePath: () => undefined }));

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** A superuser connection to the test database, or to the cluster's own database. */
async function connect(url: string) {
  const client = new pg.Client({ connectionString: url });
  // The outage below ends this connection too; that is expected, not a failure.
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

/** Waits until a backend of this database is blocked on a lock after writing (it holds a transaction id). */
async function blockedWriter(watcher: pg.Client): Promise<number> {
  for (;;) {
    const { rows } = await watcher.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()
          and wait_event_type = 'Lock' and backend_xid is not null`,
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

describe.skipIf(!onPostgres)("the database connection lost mid-transaction", () => {
  let member: Viewer;
  let slug: string;
  let communityId: string;
  let admin: pg.Client;
  // A second connection watches: inside admin's transaction, pg_stat_activity would not change.
  let watcher: pg.Client;
  beforeAll(async () => {
    member = await makeUser({ name: "Nia Newpost" });
    slug = await communityWith(await makeUser({ name: "Owen Owner" }), "Resilient practice", [member]);
    const db = await getDb();
    communityId = (await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, slug)))[0]!.id;
    admin = await connect(process.env.DATABASE_URL!);
    watcher = await connect(process.env.DATABASE_URL!);
  });
  afterAll(async () => {
    await admin?.end();
    await watcher?.end();
  });

  const counts = async () => {
    const db = await getDb();
    const [row] = await db.select({ postCount: communities.postCount }).from(communities).where(eq(communities.id, communityId));
    const rows = await db.select({ id: posts.id }).from(posts).where(eq(posts.communityId, communityId));
    return { postCount: row!.postCount, posts: rows.length };
  };

  it("leaves no partial write, tells the member plainly and keeps what they typed; the next write works", async () => {
    const { createPostAction } = await import("@/app/_actions/posts");
    session.current = { userId: member.id, sessionId: await startSession(member.id, { device: "Test browser", network: "" }) };
    const before = await counts();
    const values = { slug, kind: "discussion", title: "Written as the database went away", body: "<p>Every word kept.</p>", bodyFormat: "html", tags: "" };

    // Hold the community's row (not its key, which the post's foreign key shares): the post's
    // insert succeeds, then the trigger that counts it waits here.
    await admin.query("begin");
    await admin.query("select 1 from communities where id = $1 for no key update", [communityId]);
    const submitted = createPostAction(null, form(values));
    const pid = await blockedWriter(watcher);
    const { rows } = await admin.query<{ killed: boolean }>("select pg_terminate_backend($1) as killed", [pid]);
    expect(rows[0]!.killed).toBe(true);
    await admin.query("rollback");

    const state = await submitted;
    expect(state).toMatchObject({ ok: false, status: 503, values: { title: values.title, body: values.body } });
    expect(state?.message).toMatch(/cannot reach our database.*nothing was saved/i);
    expect(await counts()).toEqual(before);

    // The pool replaced the killed connection: the same post now goes in, once.
    const retried = await createPostAction(null, form(values)).catch((e: { digest?: string }) => e.digest);
    expect(retried).toMatch(/^NEXT_REDIRECT;.*\/posts\//);
    expect(await counts()).toEqual({ postCount: before.postCount + 1, posts: before.posts + 1 });
  });

  it("the health route reports the outage and the recovery", async () => {
    const { GET } = await import("@/app/api/health/route");
    const health = async () => {
      const response = await GET(new Request("http://roundtable.test/api/health"), { params: Promise.resolve({}) });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    expect(await health()).toEqual({ status: 200, body: { ok: true, database: "ok" } });

    const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    const cluster = await connect(process.env.TEST_DATABASE_URL!);
    try {
      await cluster.query(`alter database ${database} allow_connections false`);
      await cluster.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [database]);
      expect(await health()).toEqual({ status: 503, body: { error: { status: 503, message: "The database is not answering." } } });
    } finally {
      await cluster.query(`alter database ${database} allow_connections true`);
      await cluster.end();
    }
    expect(await health()).toEqual({ status: 200, body: { ok: true, database: "ok" } });
  });
});
