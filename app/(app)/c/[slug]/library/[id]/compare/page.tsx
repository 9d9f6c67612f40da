import type { Metadata } from "next";
import Link from "next/link";
import { plural } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { DiffView } from "@/app/_components/diff-view";
import { formatDateTime } from "@/app/_components/library";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery } from "@/app/_components/query";
import { requireViewer } from "@/lib/auth/request-viewer";
import { compareRevisions } from "@/lib/library/history";
import { loadCommunityPage } from "../../../load";
import { documentTitle, sendToHome } from "../load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/library/[id]/compare">): Promise<Metadata> {
  return { title: await documentTitle((await params).id, "Compare versions") };
}

export default async function ComparePage({ params, searchParams }: PageProps<"/c/[slug]/library/[id]/compare">) {
  const { slug, id } = await params;
  const viewer = await requireViewer(`/c/${slug}/library/${id}/compare`);
  const query = pageQuery(await searchParams);
  const { data } = await loadPage(() => compareRevisions(viewer, id, query));
  if (!data) return null;
  sendToHome(slug, data, "/compare");
  const { data: community } = await loadPage(() => loadCommunityPage(slug));
  if (!community) return null;
  const base = `/c/${slug}/library/${id}`;
  return (
    <div className="space-y-6">
      <CommunityHeader page={community} current="library" title={`Changes from version ${data.from.number} to ${data.to.number}`} />
      <p>
        <Link href={`${base}/history`}>Back to the history of {data.document.title}</Link>
      </p>
      <p>
        Version {data.from.number} ({formatDateTime(data.from.createdAt)}) to version {data.to.number} ({formatDateTime(data.to.createdAt)}):{" "}
        {plural(data.wordsAdded, "word")} added, {plural(data.wordsRemoved, "word")} removed.
      </p>
      {data.titleChanged && (
        <p>
          The title changed from “{data.from.title}” to “{data.to.title}”.
        </p>
      )}
      <DiffView html={data.diffHtml} />
    </div>
  );
}
