import type { Metadata } from "next";
import Link from "next/link";
import { createFolderAction } from "@/app/_actions/library";
import { buttonClass } from "@/app/_components/button-styles";
import { formatDate, plural } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { ActionForm, TextField } from "@/app/_components/form";
import { deadlineText, StatusBadge } from "@/app/_components/library";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery, withQuery } from "@/app/_components/query";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getLibrary } from "@/lib/library/documents";
import { communityTitle, loadCommunityPage } from "../load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/library">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug, "Library") };
}

export default async function LibraryPage({ params, searchParams }: PageProps<"/c/[slug]/library">) {
  const { slug } = await params;
  const viewer = await requireViewer(`/c/${slug}/library`);
  const query = pageQuery(await searchParams);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  const { data: library } = await loadPage(() => getLibrary(viewer, slug, query));
  if (!library) return null;
  const base = `/c/${slug}/library`;
  return (
    <div>
      <CommunityHeader page={page} current="library" title={library.folder ? `Library: ${library.folder.name}` : "Library"} />
      <div className="grid gap-10 md:grid-cols-[3fr_1fr]">
        <section aria-labelledby="documents-heading" className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="documents-heading" className="text-xl font-bold">
              {library.folder ? `Documents in ${library.folder.name}` : "Documents"}
            </h2>
            {library.allowed.createDocument && (
              <Link href={withQuery(`${base}/new`, { folder: library.folder?.id })} className={buttonClass("primary")}>
                New document
              </Link>
            )}
          </div>
          {library.folder && <Link href={base}>Show every document</Link>}
          {library.documents.length === 0 ? (
            <p className="text-muted">
              No documents here yet.{library.allowed.createDocument ? " Start one with New document: the people you choose can then draft it with you." : ""}
            </p>
          ) : (
            <ol className="space-y-3">
              {library.documents.map((doc) => (
                <li key={doc.id} className="border-b border-line pb-3">
                  <Link href={`${base}/${doc.id}`} className="text-lg font-bold">
                    {doc.title}
                  </Link>{" "}
                  <StatusBadge status={doc.status} />
                  <p className="text-sm text-muted">
                    {doc.status === "out_for_comment" && `${deadlineText(doc.commentDeadline)} · `}
                    Changed {formatDate(doc.updatedAt)}
                    {doc.updatedBy && ` by ${doc.updatedBy}`} · {plural(doc.revisionCount, "version")} · {plural(doc.commentCount, "comment")}
                  </p>
                </li>
              ))}
            </ol>
          )}
          {(query.cursor || library.nextCursor) && (
            <nav aria-label="Document pages" className="flex gap-6">
              {query.cursor && <Link href={withQuery(base, { folder: query.folder })}>Most recent</Link>}
              {library.nextCursor && (
                <Link href={withQuery(base, { folder: query.folder, cursor: library.nextCursor })} rel="next">
                  Older documents
                </Link>
              )}
            </nav>
          )}
        </section>
        <aside aria-labelledby="folders-heading" className="space-y-4">
          <h2 id="folders-heading" className="text-xl font-bold">
            Folders
          </h2>
          {library.folders.length === 0 ? (
            <p className="text-muted">No folders yet.</p>
          ) : (
            <ul className="space-y-1">
              {library.folders.map((folder) => (
                <li key={folder.id}>
                  <Link href={`${base}?folder=${folder.id}`} aria-current={library.folder?.id === folder.id ? "page" : undefined}>
                    {folder.name}
                  </Link>{" "}
                  <span className="text-sm text-muted">({folder.documents})</span>
                </li>
              ))}
            </ul>
          )}
          {library.allowed.createFolder && (
            <ActionForm action={createFolderAction} submitLabel="Add folder" kind="secondary" idPrefix="folder">
              <input type="hidden" name="slug" value={slug} />
              <TextField name="name" label="New folder" maxLength={100} />
            </ActionForm>
          )}
        </aside>
      </div>
    </div>
  );
}
