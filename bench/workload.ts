// A mixed read/write load for the soak and the heap analysis: members reading many different
// posts, communities and searches (so caches meet many keys, as on a live site) with about one
// request in ten a new reply. Runs for a given time with autocannon and counts what came back.
import autocannon from "autocannon";
import pg from "pg";
import type { Fixtures } from "./fixtures";

const words = ["performance", "budget", "housing", "waste", "residents", "scrutiny", "recruitment", "data", "commissioning", "carbon", "planning", "inspection"];

/** Posts and communities to read, chosen from the open communities, the same for the same data. */
export async function readingList(url: string, count = 2000) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; slug: string }>(
      `select p.id, c.slug from posts p join communities c on c.id = p.community_id
       where c.visibility = 'open' and p.deleted_at is null and p.status = 'published' order by md5(p.id::text) limit $1`,
      [count],
    );
    return { posts: rows.map((r) => `/c/${r.slug}/posts/${r.id}`), communities: [...new Set(rows.map((r) => `/c/${r.slug}`))].slice(0, 300) };
  } finally {
    await client.end();
  }
}

/** Responses so far; `statuses` counts them by kind of request and status, e.g. `reply 201`. */
export type Tally = { responses: number; non2xx: number; errors: number; statuses?: Record<string, number> };

/** The status counts as one line, e.g. "page 200: 5,210; reply 201: 580". */
export const statusLine = (t: Tally) =>
  Object.entries(t.statuses ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}: ${n.toLocaleString("en-GB")}`).join("; ");

/** Starts the mixed load; resolves when it ends. `tally` is updated as responses arrive. */
export function mixedLoad(base: string, cookies: { member: string; writer: string }, f: Fixtures, list: Awaited<ReturnType<typeof readingList>>, o: { seconds: number; connections: number }, tally: Tally) {
  let n = 0;
  const pick = <T>(xs: T[]) => xs[n++ % xs.length]!;
  const statuses = (tally.statuses ??= {});
  const count = (kind: string) => (status: number) => void (statuses[`${kind} ${status}`] = (statuses[`${kind} ${status}`] ?? 0) + 1);
  const read = (kind: string, path: () => string) => ({ method: "GET" as const, headers: { cookie: cookies.member }, setupRequest: (req: autocannon.Request) => ({ ...req, path: path() }), onResponse: count(kind) });
  const requests = [
    read("page", () => pick(list.posts)),
    read("page", () => pick(list.communities)),
    read("page", () => `/c/${f.large}`),
    read("page", () => pick(list.posts)),
    read("page", () => `/search?q=${pick(words)}`),
    read("page", () => "/home"),
    read("json", () => `/api/v1/posts/${pick(list.posts).split("/").at(-1)}`),
    read("page", () => `/c/${f.longPostCommunity}/posts/${f.longPost}`),
    read("json", () => `/api/v1/communities/${pick(list.communities).slice(3)}/posts`),
    {
      onResponse: count("reply"),
      method: "POST" as const,
      path: `/api/v1/posts/${f.writePost}/comments`,
      headers: { cookie: cookies.writer, "content-type": "application/json" },
      setupRequest: (req: autocannon.Request) => ({
        ...req,
        body: JSON.stringify({ body: `<p>Soak reply ${n++}: we saw the same in our quarterly review.</p>`, bodyFormat: "html" }),
      }),
    },
  ];
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: base, connections: o.connections, duration: o.seconds, requests }, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on("response", (_client, status) => {
      tally.responses += 1;
      if (status < 200 || status >= 300) tally.non2xx += 1;
    });
    instance.on("reqError", () => (tally.errors += 1));
  });
}
