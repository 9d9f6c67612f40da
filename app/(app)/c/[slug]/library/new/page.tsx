import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { createDocumentAction } from "@/app/_actions/library";
import { CommunityHeader } from "@/app/_components/community-header";
import { RichTextField } from "@/app/_components/editor/rich-text-field";
import { ActionForm, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery } from "@/app/_components/query";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getLibrary } from "@/lib/library/documents";
import { DOCUMENT_TITLE_MAX } from "@/lib/library/validation";
import { communityTitle, loadCommunityPage } from "../../load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/library/new">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug, "New document") };
}

export default async function NewDocumentPage({ params, searchParams }: PageProps<"/c/[slug]/library/new">) {
  const { slug } = await params;
  const viewer = await requireViewer(`/c/${slug}/library/new`);
  const query = pageQuery(await searchParams);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  const { data: library } = await loadPage(() => getLibrary(viewer, slug, { limit: "1" }));
  if (!library) return null;
  return (
    <div className="max-w-3xl">
      <CommunityHeader page={page} current="library" title="New document" />
      {!library.allowed.createDocument ? (
        <p>{library.refusals.createDocument}</p>
      ) : (
        <ActionForm action={createDocumentAction} submitLabel="Create document">
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="idempotencyKey" value={randomUUID()} />
          <TextField name="title" label="Title" maxLength={DOCUMENT_TITLE_MAX + 50} hint={`Up to ${DOCUMENT_TITLE_MAX} characters.`} />
          {library.folders.length > 0 && (
            <div>
              <label htmlFor="field-folderId" className="block font-semibold">
                Folder (optional)
              </label>
              <select id="field-folderId" name="folderId" defaultValue={query.folder ?? ""} className="border-2 border-ink bg-white px-2 py-1">
                <option value="">No folder</option>
                {library.folders.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <RichTextField name="body" label="First draft" hint="You can change it, and invite co-authors, once it is created. Leave it empty to start from a blank page." imageUpload={{ community: slug }} />
        </ActionForm>
      )}
    </div>
  );
}
