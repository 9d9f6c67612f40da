import type { Metadata } from "next";
import Link from "next/link";
import { Search } from "lucide";
import { buttonClass } from "@/app/_components/button-styles";
import { inputClass, labelClass, selectClass } from "@/app/_components/field-styles";
import { Icon } from "@/app/_components/icon";
import { Person } from "@/app/_components/person";
import { formatDate, plural, VisibilityBadge } from "@/app/_components/community";
import { kindLabel } from "@/app/_components/feed";
import { describeStart } from "@/lib/events/time";
import { threadPath } from "@/lib/posts/load";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery, withQuery } from "@/app/_components/query";
import { requireViewer } from "@/lib/auth/request-viewer";
import { search } from "@/lib/search";
import type { PostHit } from "@/lib/search/posts";
import { LibraryResults } from "./library-results";
import { replyLink } from "@/lib/posts/reply-link";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: PageProps<"/search">) {
  const viewer = await requireViewer("/search");
  const query = pageQuery(await searchParams);
  const { data: result, error } = await loadPage(() => search(viewer, query));
  const q = query.q ?? "";
  const link = (changes: Record<string, string | undefined>) => withQuery("/search", { ...query, cursor: undefined, ...changes });
  const posts = result?.posts;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{result?.community ? `Search ${result.community.name}` : "Search"}</h1>
      <form method="get" action="/search" role="search" aria-label="Search Roundtable" className="space-y-3 bg-panel p-4">
        {result?.community && <input type="hidden" name="community" value={result.community.slug} />}
        <div>
          <label htmlFor="search-q" className={labelClass}>
            Words to find
          </label>
          <p id="search-q-hint" className="text-sm text-muted">
            Use quotes for a phrase, a minus to leave a word out, and OR for either: “performance framework” -county OR unitary
          </p>
          {error && (
            <p id="search-q-error" className="font-semibold text-danger">
              <span className="sr-only">Error: </span>
              {error.message}
            </p>
          )}
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q.slice(0, 500)}
            aria-describedby={error ? "search-q-hint search-q-error" : "search-q-hint"}
            aria-invalid={error ? true : undefined}
            className={`${inputClass} mt-1 w-full max-w-2xl`}
          />
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="search-type" className={`${labelClass} text-sm`}>
              Look in
            </label>
            <select id="search-type" name="type" defaultValue={query.type ?? "all"} className={selectClass}>
              <option value="all">Everything</option>
              <option value="posts">Posts and replies</option>
              <option value="documents">Documents and files</option>
              <option value="communities">Communities</option>
              <option value="people">People</option>
            </select>
          </div>
          <div>
            <label htmlFor="search-sort" className={`${labelClass} text-sm`}>
              Sort by
            </label>
            <select id="search-sort" name="sort" defaultValue={query.sort ?? "relevance"} className={selectClass}>
              <option value="relevance">Best match</option>
              <option value="newest">Newest</option>
            </select>
          </div>
          <div>
            <label htmlFor="search-from" className={`${labelClass} text-sm`}>
              From
            </label>
            <input id="search-from" name="from" type="date" defaultValue={query.from ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="search-to" className={`${labelClass} text-sm`}>
              To
            </label>
            <input id="search-to" name="to" type="date" defaultValue={query.to ?? ""} className={inputClass} />
          </div>
          {["kind", "tag", "answered", "author"].map((name) => query[name] && <input key={name} type="hidden" name={name} value={query[name]} />)}
          <button type="submit" className={buttonClass("primary")}>
            <Icon icon={Search} />
            Search
          </button>
        </div>
      </form>

      {result?.notice && <p className="text-lg">{result.notice}</p>}

      {result && (result.communities.length > 0 || result.people.length > 0) && (
        <div className="grid gap-6 md:grid-cols-2">
          {result.communities.length > 0 && (
            <section aria-labelledby="communities-heading">
              <h2 id="communities-heading" className="text-xl font-bold">
                Communities
              </h2>
              <ul className="mt-2 space-y-2">
                {result.communities.map((c) => (
                  <li key={c.slug}>
                    <Link href={`/c/${c.slug}`} className="font-semibold">
                      {c.name}
                    </Link>{" "}
                    <VisibilityBadge visibility={c.visibility} />
                    <span className="block text-sm text-muted">{plural(c.memberCount, "member")}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {result.people.length > 0 && (
            <section aria-labelledby="people-heading">
              <h2 id="people-heading" className="text-xl font-bold">
                People
              </h2>
              <ul className="mt-2 space-y-3">
                {result.people.map((p) => (
                  <li key={p.id}>
                    <Person person={p}>
                      <span className="block text-sm text-muted">{[p.jobTitle, p.organisation].filter(Boolean).join(", ")}</span>
                    </Person>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}

      {result?.documents && result.documents.items.length > 0 && <LibraryResults hits={result.documents.items} />}

      {posts && (
        <div className="grid gap-8 md:grid-cols-[1fr_3fr]">
          <aside aria-labelledby="refine-heading" className="space-y-4 text-sm">
            <h2 id="refine-heading" className="text-lg font-bold">
              Narrow down
            </h2>
            <FacetList title="Kind" items={posts.facets.kinds.map((k) => ({ label: `${kindLabel[k.kind]}s`, count: k.count, href: link({ kind: k.kind }), active: query.kind === k.kind }))} clear={query.kind ? link({ kind: undefined }) : null} />
            <FacetList
              title="Questions"
              items={[
                { label: "With an accepted answer", count: posts.facets.answered.yes, href: link({ answered: "yes" }), active: query.answered === "yes" },
                { label: "Still unanswered", count: posts.facets.answered.no, href: link({ answered: "no" }), active: query.answered === "no" },
              ].filter((i) => i.count > 0 || i.active)}
              clear={query.answered ? link({ answered: undefined }) : null}
            />
            {!result?.community && (
              <FacetList title="Community" items={posts.facets.communities.map((c) => ({ label: c.name, count: c.count, href: link({ community: c.slug }), active: false }))} clear={null} />
            )}
            <FacetList title="Tag" items={posts.facets.tags.map((t) => ({ label: `#${t.tag}`, count: t.count, href: link({ tag: t.tag }), active: query.tag === t.tag }))} clear={query.tag ? link({ tag: undefined }) : null} />
            {result?.community && <Link href={link({ community: undefined })}>Search all communities instead</Link>}
          </aside>
          <section aria-labelledby="posts-heading">
            <h2 id="posts-heading" className="text-xl font-bold" aria-live="polite">
              {posts.facets.capped ? `More than ${plural(posts.facets.total, "post")} found: the best among the most recent` : `${plural(posts.facets.total, "post")} found`}
            </h2>
            {posts.items.length === 0 && <p className="mt-2">Nothing matches. Try fewer or different words, or remove a filter.</p>}
            <ol className="mt-2 space-y-4">
              {posts.items.map((hit) => (
                <li key={hit.id} className="border-b border-line pb-3">
                  <Link href={hit.matchedCommentId ? replyLink(threadPath(hit.communitySlug, hit), hit.matchedCommentId) : threadPath(hit.communitySlug, hit)} className="text-lg font-bold">
                    {hit.title}
                  </Link>
                  <p className="text-sm text-muted">{hitLine(hit)}</p>
                  {hit.event && (
                    <p className="text-sm font-semibold">
                      {hit.event.cancelled ? "Cancelled: was to start " : "Starts "}
                      {describeStart(hit.event.startsAt, hit.event.timeZone)}
                    </p>
                  )}
                  {hit.snippet && <p className="mt-1" dangerouslySetInnerHTML={{ __html: hit.snippet }} />}
                </li>
              ))}
            </ol>
            {posts.nextCursor && (
              <p className="mt-4">
                <Link href={withQuery("/search", { ...query, cursor: posts.nextCursor })} rel="next">
                  More results
                </Link>
              </p>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

/** What, where, by whom and when, as one line of text (one text node, not eight). */
function hitLine(hit: PostHit): string {
  const answer = hit.kind === "question" ? (hit.answered ? " · answered" : " · unanswered") : "";
  const author = hit.authorName ? ` · ${hit.authorName}` : "";
  const reply = hit.matchedCommentId ? " · matched in a reply" : "";
  return `${kindLabel[hit.kind]}${answer} in ${hit.communityName}${author} · ${formatDate(hit.createdAt)}${reply}`;
}

function FacetList({ title, items, clear }: { title: string; items: { label: string; count: number; href: string; active: boolean }[]; clear: string | null }) {
  if (items.length === 0 && !clear) return null;
  return (
    <nav aria-label={`Narrow by ${title.toLowerCase()}`}>
      <h3 className="font-semibold">{title}</h3>
      <ul className="space-y-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.active ? "true" : undefined} className={item.active ? "font-bold" : undefined}>
              {item.label}
            </Link>{" "}
            <span className="text-muted">{`(${item.count.toLocaleString("en-GB")})`}</span>
          </li>
        ))}
        {clear && (
          <li>
            <Link href={clear}>Any {title.toLowerCase()}</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
