import type { Metadata } from "next";
import Link from "next/link";
import { CommunityCard } from "@/app/_components/community";
import { buttonClass } from "@/app/_components/button-styles";
import { requireViewer } from "@/lib/auth/request-viewer";
import { listDirectory } from "@/lib/communities/directory";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery, withQuery } from "@/app/_components/query";

export const metadata: Metadata = { title: "Communities" };

const sortLabels = { activity: "Latest activity", size: "Most members", name: "Name (A to Z)" } as const;

export default async function DirectoryPage({ searchParams }: PageProps<"/communities">) {
  const viewer = await requireViewer("/communities");
  const query = pageQuery(await searchParams);
  const { data, error } = await loadPage(() => listDirectory(viewer, query));
  const page = data ?? { items: [], nextCursor: null, parent: null, query: { filter: "all", sort: "activity", q: query.q } };
  const { filter, sort, q } = page.query;
  const heading = page.parent ? `Sub-communities of ${page.parent.name}` : "Communities";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{heading}</h1>
        <Link href={page.parent ? `/communities/new?parent=${page.parent.slug}` : "/communities/new"} className={`${buttonClass("secondary")}`}>
          {page.parent ? "Add a sub-community" : "Start a community"}
        </Link>
      </div>
      {page.parent && (
        <p>
          <Link href={`/c/${page.parent.slug}`}>Back to {page.parent.name}</Link> ·{" "}
          <Link href="/communities">All communities</Link>
        </p>
      )}

      <form method="get" role="search" aria-label="Communities" className="flex flex-wrap items-end gap-4 bg-panel p-4">
        {page.parent && <input type="hidden" name="parent" value={page.parent.slug} />}
        <div>
          <label htmlFor="directory-q" className="block font-semibold">
            Search names and purposes
          </label>
          {error && (
            <p id="directory-q-error" className="font-semibold text-danger">
              <span className="sr-only">Error: </span>
              {error.message}
            </p>
          )}
          <input
            id="directory-q"
            name="q"
            type="search"
            defaultValue={q ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "directory-q-error" : undefined}
            className="border-2 border-ink px-2 py-1.5"
          />
        </div>
        <div>
          <label htmlFor="directory-filter" className="block font-semibold">
            Show
          </label>
          <select id="directory-filter" name="filter" defaultValue={filter} className="border-2 border-ink bg-white px-2 py-1.5">
            <option value="all">All communities</option>
            <option value="mine">Only mine</option>
          </select>
        </div>
        <div>
          <label htmlFor="directory-sort" className="block font-semibold">
            Sort by
          </label>
          <select id="directory-sort" name="sort" defaultValue={sort} className="border-2 border-ink bg-white px-2 py-1.5">
            {Object.entries(sortLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("primary")}>
          Apply
        </button>
      </form>

      <section aria-labelledby="results-heading" aria-live="polite">
        <h2 id="results-heading" className="sr-only">
          Results
        </h2>
        {page.items.length === 0 ? (
          <p>
            {q ? `No communities match “${q}”.` : filter === "mine" ? "You have not joined any communities yet." : "There are no communities here yet."}{" "}
            <Link href="/communities/new">Start one</Link>.
          </p>
        ) : (
          page.items.map((community) => <CommunityCard key={community.id} community={community} />)
        )}
      </section>

      <nav aria-label="Pages" className="flex gap-6">
        {query.cursor && <Link href={withQuery("/communities", { ...query, cursor: undefined })}>First page</Link>}
        {page.nextCursor && (
          <Link href={withQuery("/communities", { ...query, cursor: page.nextCursor })} rel="next">
            Next page
          </Link>
        )}
      </nav>
    </div>
  );
}
