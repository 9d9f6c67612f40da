// The client JavaScript each main page loads before any interaction, gzipped, read from the
// production build in .next: the framework's root chunks plus every chunk of the page's
// entries (its layouts, error and not-found boundaries, and the page itself). Chunks that
// load only on demand, such as the rich-text editor, are not counted.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const pages: Record<string, string> = {
  "Landing": "(public)/page",
  "Home": "(app)/home/page",
  "Directory": "(app)/communities/page",
  "Community": "(app)/c/[slug]/page",
  "Post": "(app)/c/[slug]/posts/[id]/page",
  "New post": "(app)/c/[slug]/new/page",
};

export function pageWeights(dir = ".next") {
  const build = JSON.parse(readFileSync(path.join(dir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const sizeOf = (file: string) => gzipSync(readFileSync(path.join(dir, file))).length;
  return Object.entries(pages).map(([label, entry]) => {
    const store: Record<string, { entryJSFiles: Record<string, string[]> }> = {};
    (globalThis as Record<string, unknown>).__RSC_MANIFEST = store;
    const manifest = path.resolve(dir, "server/app", `${entry}_client-reference-manifest.js`);
    new Function("globalThis", readFileSync(manifest, "utf8"))(globalThis);
    const files = new Set(build.rootMainFiles);
    for (const chunks of Object.values(Object.values(store)[0]!.entryJSFiles)) for (const c of chunks) files.add(c);
    const bytes = [...files].reduce((sum, file) => sum + sizeOf(file), 0);
    return { page: label, files: files.size, kbGzip: Math.round((bytes / 1024) * 10) / 10 };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(pageWeights());
