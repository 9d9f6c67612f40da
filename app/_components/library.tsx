import Link from "next/link";
import { attachFileAction } from "@/app/_actions/library";
import { formatDate } from "./community";
import { ActionForm } from "./form";
import { FileField } from "./file-field";

// Shared pieces of the library pages, and the attachments list used by documents and posts.

export const statusText = { draft: "Draft", out_for_comment: "Out for comment", agreed: "Agreed" } as const;
export type DocumentStatus = keyof typeof statusText;

export function StatusBadge({ status }: { status: DocumentStatus }) {
  const colour = status === "agreed" ? "border-success text-success" : status === "out_for_comment" ? "border-brand text-brand" : "border-ink text-ink";
  return <span className={`inline-block rounded border-2 px-2 text-sm font-semibold ${colour}`}>{statusText[status]}</span>;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

/** A date and time in plain words, as the UK reads it. */
export function formatDateTime(date: Date) {
  return timeFormat.format(date);
}

export function deadlineText(deadline: Date | null) {
  return deadline ? `comments close ${formatDate(deadline)}` : "no closing date";
}

export function formatBytes(size: number) {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** The document's own pages: reading, editing, history. */
export function DocumentTabs({ base, current, canEdit }: { base: string; current: "read" | "edit" | "history"; canEdit: boolean }) {
  const tabs = [
    { id: "read", label: "Document", href: base, show: true },
    { id: "edit", label: "Edit", href: `${base}/edit`, show: canEdit },
    { id: "history", label: "History", href: `${base}/history`, show: true },
  ];
  return (
    <nav aria-label="Document sections">
      <ul className="flex flex-wrap gap-1 border-b-2 border-line">
        {tabs
          .filter((t) => t.show)
          .map((tab) => (
            <li key={tab.id}>
              <Link
                href={tab.href}
                aria-current={tab.id === current ? "page" : undefined}
                className={`-mb-0.5 inline-block border-b-4 px-3 py-2 font-semibold no-underline ${tab.id === current ? "border-brand text-ink" : "border-transparent"}`}
              >
                {tab.label}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}

type Attachment = { id: string; name: string; size: number; createdAt: Date };

/** Files attached to a document or a post, each downloaded through the app, and a form to attach one. */
export function Attachments({ files, canAttach, place, maxMb }: { files: Attachment[]; canAttach: boolean; place: { documentId?: string; postId?: string }; maxMb: number }) {
  if (files.length === 0 && !canAttach) return null;
  return (
    <section aria-labelledby="attachments-heading" className="space-y-3">
      <h2 id="attachments-heading" className="text-xl font-bold">
        Attachments
      </h2>
      {files.length === 0 ? (
        <p className="text-muted">No files attached yet.</p>
      ) : (
        <ul className="space-y-1">
          {files.map((file) => (
            <li key={file.id}>
              <a href={`/files/${file.id}`} download={file.name}>
                {file.name}
              </a>{" "}
              <span className="text-sm text-muted">
                ({formatBytes(file.size)}, added {formatDate(file.createdAt)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {canAttach && (
        <ActionForm action={attachFileAction} submitLabel="Attach file" kind="secondary" idPrefix="attach">
          {place.documentId && <input type="hidden" name="documentId" value={place.documentId} />}
          {place.postId && <input type="hidden" name="postId" value={place.postId} />}
          <input type="hidden" name="kind" value="attachment" />
          <FileField name="file" label="Attach a file" hint={`PDF, Word, Excel, PowerPoint, OpenDocument, image or text files, up to ${maxMb} MB.`} />
        </ActionForm>
      )}
    </section>
  );
}

type ForComment = { id: string; title: string; commentDeadline: Date | null; commentCount: number };

/** Documents out for comment, soonest deadline first, for the community page. */
export function OutForComment({ slug, documents }: { slug: string; documents: ForComment[] }) {
  if (documents.length === 0) return null;
  return (
    <section aria-labelledby="out-for-comment-heading" className="border-l-4 border-brand pl-4">
      <h2 id="out-for-comment-heading" className="text-xl font-bold">
        Out for comment
      </h2>
      <ul className="mt-2 space-y-2">
        {documents.map((doc) => (
          <li key={doc.id}>
            <Link href={`/c/${slug}/library/${doc.id}#comments`} className="font-semibold">
              {doc.title}
            </Link>
            <span className="block text-sm text-muted">
              {doc.commentDeadline ? `Comments close ${formatDate(doc.commentDeadline)}` : "No closing date"} · {doc.commentCount === 1 ? "1 comment" : `${doc.commentCount} comments`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
