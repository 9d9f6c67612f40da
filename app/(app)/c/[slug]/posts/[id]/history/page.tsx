import type { Metadata } from "next";
import Link from "next/link";
import { formatDate, plural } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { DiffKey } from "@/app/_components/diff-view";
import { formatDateTime } from "@/app/_components/library";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getPostHistory } from "@/lib/posts/history";
import { loadCommunityPage } from "../../../load";

export const metadata: Metadata = { title: "Changes to a post" };

export default async function PostHistoryPage({ params }: PageProps<"/c/[slug]/posts/[id]/history">) {
  const { slug, id } = await params;
  const viewer = await requireViewer(`/c/${slug}/posts/${id}/history`);
  const { data } = await loadPage(() => getPostHistory(viewer, id));
  if (!data) return null;
  const { data: community } = await loadPage(() => loadCommunityPage(data.community.slug));
  if (!community) return null;
  const back = `/c/${data.community.slug}/posts/${id}`;
  return (
    <div className="space-y-6">
      <CommunityHeader page={community} current="about" title={`Changes to “${data.post.title}”`} />
      <p>
        Posted {formatDate(data.post.createdAt)} by {data.post.authorName ?? "a former member"}, then edited {plural(data.editCount, "time")}.{" "}
        <Link href={back}>Back to the post</Link>
      </p>
      {data.edits.length === 0 ? <p>This post has not been edited.</p> : <DiffKey />}
      <ol className="space-y-8">
        {data.edits.map((edit) => (
          <li key={edit.number}>
            <section aria-labelledby={`edit-${edit.number}`} className="space-y-2 border-b border-line pb-6">
              <h2 id={`edit-${edit.number}`} className="text-xl font-bold">
                Version {edit.number}: edited by {edit.editorName ?? "a former member"}, {formatDateTime(edit.createdAt)}
              </h2>
              <p className="text-sm">
                {plural(edit.wordsAdded, "word")} added, {plural(edit.wordsRemoved, "word")} removed
                {edit.reason && ` · a facilitator's reason: ${edit.reason}`}
              </p>
              {edit.previousTitle !== edit.title && (
                <p>
                  The title changed from “{edit.previousTitle}” to “{edit.title}”.
                </p>
              )}
              <div className="diff max-w-3xl space-y-3" dangerouslySetInnerHTML={{ __html: edit.diffHtml }} />
            </section>
          </li>
        ))}
      </ol>
    </div>
  );
}
