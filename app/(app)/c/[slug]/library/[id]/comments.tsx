import { randomUUID } from "node:crypto";
import { addCommentAction, deleteCommentAction } from "@/app/_actions/library";
import { RichTextField } from "@/app/_components/editor/rich-text-field";
import { ActionButton, ActionForm, TextField } from "@/app/_components/form";
import { formatDateTime } from "@/app/_components/library";
import type { getDocumentPage } from "@/lib/library/page";
import { PassagePicker } from "./passage-picker";

type Data = Awaited<ReturnType<typeof getDocumentPage>>;

/** Comments on the document: on the whole, or on a passage quoted from it. */
export function Comments({ data }: { data: Data }) {
  const { document, comments, allowed, refusals } = data;
  return (
    <section aria-labelledby="comments-heading" id="comments" className="space-y-4">
      <h2 id="comments-heading" className="text-xl font-bold">
        {comments.length === 1 ? "1 comment" : `${comments.length} comments`}
      </h2>
      {comments.length === 0 && <p className="text-muted">No comments yet.</p>}
      <ol className="space-y-4">
        {comments.map((comment) => (
          <li key={comment.id} id={`comment-${comment.id}`} className="border-l-4 border-line pl-3">
            <p className="text-sm text-muted">
              {comment.authorName ?? "A former member"} · {formatDateTime(comment.createdAt)} · on version {comment.revisionNumber}
            </p>
            {comment.quote && (
              <blockquote className="my-1 border-l-4 border-brand bg-panel px-3 py-1">
                <span className="sr-only">About the passage: </span>“{comment.quote}”
                {comment.quoteFound === false && <span className="block text-sm text-muted">This passage has changed since.</span>}
              </blockquote>
            )}
            <div className="prose-body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
            {(comment.mine || allowed.moderate) && (
              <ActionButton action={deleteCommentAction} label="Delete comment" kind="link" fields={{ commentId: comment.id }} />
            )}
          </li>
        ))}
      </ol>
      {allowed.comment ? (
        <ActionForm action={addCommentAction} submitLabel="Add comment" idPrefix="comment">
          <h3 className="text-lg font-bold">Add a comment</h3>
          <input type="hidden" name="documentId" value={document.id} />
          <input type="hidden" name="idempotencyKey" value={randomUUID()} />
          <PassagePicker textId="document-text" fieldId="comment-field-quote" />
          <TextField name="quote" label="Passage you are commenting on (optional)" multiline rows={2} hint="Copy the words from the document, or select them in the text above and choose Comment on the selected words. Leave it empty to comment on the whole document." />
          <RichTextField name="body" label="Your comment" load="on-focus" rows={4} />
        </ActionForm>
      ) : (
        <p className="text-muted">{refusals.comment}</p>
      )}
    </section>
  );
}
