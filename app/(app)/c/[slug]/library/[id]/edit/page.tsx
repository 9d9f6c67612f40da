import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { saveDocumentAction, saveDocumentDraftAction } from "@/app/_actions/library";
import { CommunityHeader } from "@/app/_components/community-header";
import { DraftAutosave } from "@/app/_components/editor/draft-autosave";
import { RichTextField } from "@/app/_components/editor/rich-text-field";
import { ActionForm, TextField } from "@/app/_components/form";
import { DocumentTabs, formatDateTime } from "@/app/_components/library";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getEditor } from "@/lib/library/page";
import { DOCUMENT_TITLE_MAX, NOTE_MAX } from "@/lib/library/validation";
import { loadCommunityPage } from "../../../load";
import { documentTitle, sendToHome } from "../load";
import { Clashes } from "./clashes";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/library/[id]/edit">): Promise<Metadata> {
  return { title: await documentTitle((await params).id, "Edit") };
}

const DRAFT_FIELDS = ["title", "body", "baseRevisionId", "editKey"];

export default async function EditDocumentPage({ params }: PageProps<"/c/[slug]/library/[id]/edit">) {
  const { slug, id } = await params;
  const viewer = await requireViewer(`/c/${slug}/library/${id}/edit`);
  const { data: editor, error } = await loadPage(() => getEditor(viewer, id));
  const { data: community } = await loadPage(() => loadCommunityPage(slug));
  if (!community) return null;
  const base = `/c/${slug}/library/${id}`;
  if (!editor) {
    return (
      <div>
        <CommunityHeader page={community} current="library" title="Edit document" />
        <p>
          {error?.message} <Link href={base}>Back to the document</Link>
        </p>
      </div>
    );
  }
  sendToHome(slug, editor, "/edit");
  return (
    <div className="space-y-6">
      <CommunityHeader page={community} current="library" title={`Edit: ${editor.document.title}`} />
      <DocumentTabs base={base} current="edit" canEdit />
      {editor.newer ? (
        <Clashes editor={editor} />
      ) : (
        editor.draftSavedAt && (
          <p role="status" className="border-l-4 border-brand bg-panel p-3">
            We kept the changes you had not saved yet, from {formatDateTime(editor.draftSavedAt)}. They are in the editor below.
          </p>
        )
      )}
      <div className="max-w-3xl">
        <ActionForm action={saveDocumentAction} submitLabel="Save changes" pendingLabel="Saving…">
          <input type="hidden" name="documentId" value={editor.document.id} />
          <input type="hidden" name="baseRevisionId" value={editor.baseRevisionId} />
          <input type="hidden" name="editKey" value={randomUUID()} />
          <TextField name="title" label="Title" defaultValue={editor.title} maxLength={DOCUMENT_TITLE_MAX + 50} />
          <RichTextField name="body" label="Text" defaultValue={editor.bodyHtml} imageUpload={{ documentId: editor.document.id }} hint="Others may edit at the same time. When you save, changes to different paragraphs are combined; if you both changed the same paragraph, you will see both to choose." />
          <TextField name="note" label="What did you change? (optional)" maxLength={NOTE_MAX} hint="A few words for the history, for example: Updated the timetable." />
          <DraftAutosave draftKey={editor.document.id} save={saveDocumentDraftAction} names={DRAFT_FIELDS} />
        </ActionForm>
      </div>
    </div>
  );
}
