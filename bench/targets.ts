import type { Fixtures } from "./fixtures";
import type { Target } from "./load";

/** What the benchmark measures, in order. `writer` is the cookie the write target posts as. */
export function targets(f: Fixtures, writer: string, facilitator = ""): Target[] {
  return [
    { name: "Static file (ceiling)", path: "/robots.txt", group: "ceiling" },
    // What any signed-in page costs before its own content and data: the framework, the proxy, the
    // session and the site's header. A page cannot serve faster than this.
    { name: "Floor: new-community form (signed in, no data)", path: "/communities/new", group: "page" },
    { latency: true, name: "Community feed, large", path: `/c/${f.large}`, group: "page" },
    { name: "Community feed, small", path: `/c/${f.small}`, group: "page" },
    { latency: true, name: "Post with 200 replies", path: `/c/${f.longPostCommunity}/posts/${f.longPost}`, group: "page" },
    { latency: true, name: "Home feed", path: "/home", group: "page" },
    { latency: true, name: "Community figures, large (facilitator)", path: `/c/${f.large}/figures`, group: "page", as: facilitator, role: "facilitator" },
    { name: "Directory", path: "/communities", group: "page" },
    { latency: true, name: "Search, common word", path: "/search?q=performance", group: "page" },
    { latency: true, name: "Search, rare phrase", path: `/search?q=${encodeURIComponent(`"${f.rarePhrase}"`)}`, group: "page" },
    { latency: true, name: "API: community feed, large", path: `/api/v1/communities/${f.large}/posts`, group: "api" },
    { name: "API: community feed, small", path: `/api/v1/communities/${f.small}/posts`, group: "api" },
    { name: "API: post with 200 replies", path: `/api/v1/posts/${f.longPost}`, group: "api" },
    { name: "API: home feed", path: "/api/v1/feed", group: "api" },
    { name: "API: directory", path: "/api/v1/communities", group: "api" },
    { latency: true, name: "API: search, common word", path: "/api/v1/search?q=performance&type=posts", group: "api" },
    { latency: true, name: "API: search, rare phrase", path: `/api/v1/search?type=posts&q=${encodeURIComponent(`"${f.rarePhrase}"`)}`, group: "api" },
    {
      name: "Create a reply (write)",
      path: `/api/v1/posts/${f.writePost}/comments`,
      group: "write",
      method: "POST",
      body: JSON.stringify({ body: "<p>Thanks, this matches what we found when we reviewed our own measures.</p>", bodyFormat: "html" }),
      as: writer,
    },
  ];
}

/** Reads flags of the form `--name value`. */
export function options(args: string[]) {
  const option = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1]! : fallback);
  const flag = (name: string) => args.includes(`--${name}`);
  return { option, flag };
}

/** The short commit of a folder's HEAD, with "+changes" when its tracked files differ from it. */
export async function describeCommit(dir = process.cwd()): Promise<string> {
  const { execFileSync } = await import("node:child_process");
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: dir, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: dir, encoding: "utf8" }).trim();
    return dirty ? `${sha}+changes` : sha;
  } catch {
    return "unknown";
  }
}
