import type { Metadata } from "next";
import Link from "next/link";
import { restoreRevisionAction } from "@/app/_actions/library";
import { CommunityHeader } from "@/app/_components/community-header";
import { ActionButton } from "@/app/_components/form";
import { formatDateTime } from "@/app/_components/library";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getRevision } from "@/lib/library/history";
import { loadCommunityPage } from "../../../../load";
import { documentTitle, sendToHome } from "../../load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/library/[id]/versions/[number]">): Promise<Metadata> {
  const { id, number } = await params;
  return { title: await documentTitle(id, `Version ${Number(number) || ""}`) };
}

export default async function VersionPage({ params }: PageProps<"/c/[slug]/library/[id]/versions/[number]">) {
  const { slug, id, number } = await params;
  const viewer = await requireViewer(`/c/${slug}/library/${id}/versions/${number}`);
  const { data } = await loadPage(() => getRevision(viewer, id, Number(number)));
  if (!data) return null;
  sendToHome(slug, data, `/versions/${number}`);
  const { data: community } = await loadPage(() => loadCommunityPage(slug));
  if (!community) return null;
  const base = `/c/${slug}/library/${id}`;
  const { revision } = data;
  const current = revision.number === data.document.revisionCount;
  return (
    <div className="space-y-6">
      <CommunityHeader page={community} current="library" title={`Version ${revision.number} of ${data.document.title}`} />
      <p>
        Saved {formatDateTime(revision.createdAt)}. <Link href={`${base}/history`}>Back to the history</Link>
        {revision.number > 1 && (
          <>
            {" · "}
            <Link href={`${base}/compare?from=${revision.number - 1}&to=${revision.number}`}>What changed in this version</Link>
          </>
        )}
        {!current && (
          <>
            {" · "}
            <Link href={`${base}/compare?from=${revision.number}&to=${data.document.revisionCount}`}>Compare with the current version</Link>
          </>
        )}
      </p>
      {current ? (
        <p className="font-semibold">This is the current version.</p>
      ) : data.allowed.restore ? (
        <div className="space-y-2 border-l-4 border-brand bg-panel p-3">
          <p>Bringing this version back saves it as a new version. Nothing saved since is lost: it stays in the history.</p>
          <ActionButton action={restoreRevisionAction} label={`Bring back version ${revision.number}`} fields={{ documentId: id, number: String(revision.number) }} />
        </div>
      ) : null}
      <article aria-label={`Text of version ${revision.number}`} className="prose-body max-w-3xl">
        <h2 className="text-2xl font-bold">{revision.title}</h2>
        <div dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
      </article>
    </div>
  );
}
