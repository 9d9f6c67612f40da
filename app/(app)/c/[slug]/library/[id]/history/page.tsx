import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/app/_components/button-styles";
import { plural } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { DocumentTabs, formatDateTime } from "@/app/_components/library";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery, withQuery } from "@/app/_components/query";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getHistory } from "@/lib/library/history";
import { loadCommunityPage } from "../../../load";
import { documentTitle, sendToHome } from "../load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/library/[id]/history">): Promise<Metadata> {
  return { title: await documentTitle((await params).id, "History") };
}

export default async function HistoryPage({ params, searchParams }: PageProps<"/c/[slug]/library/[id]/history">) {
  const { slug, id } = await params;
  const viewer = await requireViewer(`/c/${slug}/library/${id}/history`);
  const query = pageQuery(await searchParams);
  const { data } = await loadPage(() => getHistory(viewer, id, query));
  if (!data) return null;
  sendToHome(slug, data, "/history");
  const { data: community } = await loadPage(() => loadCommunityPage(slug));
  if (!community) return null;
  const base = `/c/${slug}/library/${id}`;
  const latest = data.document.revisionCount;
  return (
    <div className="space-y-6">
      <CommunityHeader page={community} current="library" title={`History: ${data.document.title}`} />
      <DocumentTabs base={base} current="history" canEdit={data.allowed.restore} />
      <form method="get" action={`${base}/compare`} aria-labelledby="compare-heading" className="flex flex-wrap items-end gap-3 bg-panel p-4">
        <h2 id="compare-heading" className="w-full text-lg font-bold">
          Compare two versions
        </h2>
        <div>
          <label htmlFor="compare-from" className="block text-sm font-semibold">
            From version
          </label>
          <input id="compare-from" name="from" type="number" min={1} max={latest} defaultValue={Math.max(1, latest - 1)} className="w-24 border-2 border-ink px-2 py-1" />
        </div>
        <div>
          <label htmlFor="compare-to" className="block text-sm font-semibold">
            To version
          </label>
          <input id="compare-to" name="to" type="number" min={1} max={latest} defaultValue={latest} className="w-24 border-2 border-ink px-2 py-1" />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Compare
        </button>
      </form>
      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="text-xl font-bold">
          {plural(latest, "version")}, newest first
        </h2>
        <ol className="mt-2 space-y-3">
          {data.revisions.map((r) => (
            <li key={r.number} className="border-b border-line pb-3">
              <p className="font-semibold">
                <Link href={`${base}/versions/${r.number}`}>Version {r.number}</Link>
                {r.number === latest && " (current)"}
              </p>
              <p className="text-sm">
                {r.authorName ?? "A former member"}, {formatDateTime(r.createdAt)}
                {r.number > 1 && ` · ${plural(r.wordsAdded, "word")} added, ${plural(r.wordsRemoved, "word")} removed`}
                {r.restoredFrom && ` · brought back version ${r.restoredFrom}`}
                {r.mergedFrom && ` · combined with changes made since version ${r.mergedFrom}`}
              </p>
              {r.note && <p className="text-sm text-muted">“{r.note}”</p>}
              {r.number > 1 && (
                <Link href={`${base}/compare?from=${r.number - 1}&to=${r.number}`} className="text-sm">
                  What changed in version {r.number}
                </Link>
              )}
            </li>
          ))}
        </ol>
        <nav aria-label="History pages" className="mt-4 flex gap-6">
          {query.cursor && <Link href={`${base}/history`}>Newest versions</Link>}
          {data.nextCursor && (
            <Link href={withQuery(`${base}/history`, { cursor: data.nextCursor })} rel="next">
              Older versions
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
