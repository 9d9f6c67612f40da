import type { Metadata } from "next";
import Link from "next/link";
import { CommunityHeader } from "@/app/_components/community-header";
import { formatDate } from "@/app/_components/community";
import { Attachments, deadlineText, DocumentTabs, formatDateTime, StatusBadge } from "@/app/_components/library";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery } from "@/app/_components/query";
import { requireViewer } from "@/lib/auth/request-viewer";
import { fileLimitMb } from "@/lib/files/limits";
import { loadCommunityPage } from "../../load";
import { Comments } from "./comments";
import { documentTitle, loadDocumentPage, sendToHome } from "./load";
import { ManageDocument } from "./manage";
import { LiveRegion } from "@/app/_components/live-region";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/library/[id]">): Promise<Metadata> {
  return { title: await documentTitle((await params).id) };
}

const notices: Record<string, (n: string) => string> = {
  saved: (n) => `Saved as version ${n}.`,
  merged: (n) => `Saved as version ${n}. Someone saved changes while you were editing; yours and theirs are both in.`,
  unchanged: () => "There were no changes to save.",
  restored: (n) => `The earlier version is back, saved as version ${n}.`,
};

export default async function DocumentPage({ params, searchParams }: PageProps<"/c/[slug]/library/[id]">) {
  const { slug, id } = await params;
  await requireViewer(`/c/${slug}/library/${id}`);
  const query = pageQuery(await searchParams);
  const { data } = await loadPage(() => loadDocumentPage(id));
  if (!data) return null;
  sendToHome(slug, data);
  const { data: community } = await loadPage(() => loadCommunityPage(slug));
  if (!community) return null;
  const { document, allowed } = data;
  const base = `/c/${slug}/library/${document.id}`;
  const notice = Object.keys(notices).find((key) => query[key]);
  return (
    <div className="space-y-6">
      <CommunityHeader page={community} current="library" title={document.title} />
      <LiveRegion role="status" className="border-l-4 border-success bg-panel p-3 font-semibold">
        {notice && notices[notice]!(query[notice]!)}
      </LiveRegion>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <StatusBadge status={document.status} />
        {document.status === "out_for_comment" && <span className="font-semibold">Out for comment: {deadlineText(document.commentDeadline)}</span>}
        {data.folder && (
          <span>
            In <Link href={`/c/${slug}/library?folder=${data.folder.id}`}>{data.folder.name}</Link>
          </span>
        )}
      </div>
      <p className="text-sm text-muted">
        Owner: {data.owner?.name ?? "a former member"}
        {data.coauthors.length > 0 && ` · Co-authors: ${data.coauthors.map((c) => c.name).join(", ")}`}
        {data.lastRevision && ` · Version ${data.lastRevision.number}, ${formatDateTime(data.lastRevision.createdAt)}${data.lastRevision.authorName ? ` by ${data.lastRevision.authorName}` : ""}`}
        {` · Started ${formatDate(document.createdAt)}`}
      </p>
      <DocumentTabs base={base} current="read" canEdit={allowed.edit} />
      <div className="grid gap-10 md:grid-cols-[3fr_1fr]">
        <div className="space-y-8">
          <article aria-label="Document text" className="prose-body max-w-3xl" id="document-text">
            {document.bodyHtml ? <div dangerouslySetInnerHTML={{ __html: document.bodyHtml }} /> : <p className="text-muted">This document is empty so far.</p>}
          </article>
          <Attachments files={data.attachments} canAttach={allowed.attach} place={{ documentId: document.id }} maxMb={fileLimitMb()} />
          <Comments data={data} />
        </div>
        <ManageDocument data={data} />
      </div>
    </div>
  );
}
