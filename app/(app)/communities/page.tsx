import type { Metadata } from "next";
import Link from "next/link";
import { CommunityCard } from "@/app/_components/community";
import { buttonClass } from "@/app/_components/button-styles";
import { inputClass, labelClass, selectClass } from "@/app/_components/field-styles";
import { Icon } from "@/app/_components/icon";
import { Pager } from "@/app/_components/pager";
import { Plus } from "lucide";
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
        <Link href={page.parent ? `/communities/new?parent=${page.parent.slug}` : "/communities/new"} className={buttonClass("secondary")}>
          <Icon icon={Plus} />
          {page.parent ? "Add a sub-community" : "Start a community"}
        </Link>
      </div>
      {page.parent && (
        <p>
          <Link href={`/c/${page.parent.slug}`}>Back to {page.parent.name}</Link> ·{" "}
          <Link href="/communities">All communities</Link>
        </p>
      )}

      <form method="get" role="search" aria-label="Communities" className="flex flex-wrap items-end gap-x-4 gap-y-3 bg-panel p-4">
        {page.parent && <input type="hidden" name="parent" value={page.parent.slug} />}
        <div className="w-full sm:w-auto">
          <label htmlFor="directory-q" className={labelClass}>
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
            className={`${inputClass} w-full sm:w-64`}
          />
        </div>
        <div>
          <label htmlFor="directory-filter" className={labelClass}>
            Show
          </label>
          <select id="directory-filter" name="filter" defaultValue={filter} className={selectClass}>
            <option value="all">All communities</option>
            <option value="mine">Only mine</option>
          </select>
        </div>
        <div>
          <label htmlFor="directory-sort" className={labelClass}>
            Sort by
          </label>
          <select id="directory-sort" name="sort" defaultValue={sort} className={selectClass}>
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
            {q ? `No communities match “${q}”. Try other words, or ` : filter === "mine" ? "You have not joined any communities yet. Show all communities to find one, or " : "There are no communities here yet. "}
            <Link href={page.parent ? `/communities/new?parent=${page.parent.slug}` : "/communities/new"}>{q || filter === "mine" ? "start one" : "Start one"}</Link>.
          </p>
        ) : (
          page.items.map((community) => <CommunityCard key={community.id} community={community} />)
        )}
      </section>

      <Pager
        label="Pages"
        first={query.cursor ? { href: withQuery("/communities", { ...query, cursor: undefined }), text: "First page" } : null}
        next={page.nextCursor ? { href: withQuery("/communities", { ...query, cursor: page.nextCursor }), text: "Next page" } : null}
      />
    </div>
  );
}
