import Link from "next/link";
import { acceptAnswerAction, deleteCommentAction, editCommentAction, helpfulCommentAction } from "@/app/_actions/posts";
import { formatDate } from "@/app/_components/community";
import { RichTextField } from "@/app/_components/editor/rich-text-field";
import { ActionButton, ActionForm } from "@/app/_components/form";
import { CommentModeration, ReportForm } from "@/app/_components/moderation";
import type { getPostPage } from "@/lib/posts/thread";

// One reply on the post page, with its controls, and what became of the viewer's reports.

type PageData = Awaited<ReturnType<typeof getPostPage>>;
type CommentData = PageData["comments"][number];

export function Comment({ comment, base, postId, canAccept, editing }: { comment: CommentData; base: string; postId: string; canAccept: boolean; editing: boolean }) {
  if (comment.deleted) {
    return (
      <div id={`comment-${comment.id}`} className="border-l-4 border-line pl-3 text-muted">
        This reply was deleted by its author.
      </div>
    );
  }
  return (
    <div id={`comment-${comment.id}`} className="space-y-2 border-l-4 border-line pl-3">
      <p className="text-sm">
        {comment.isNew && <span className="mr-2 rounded bg-brand px-2 font-semibold text-white">New</span>}
        <span className="font-semibold">{comment.author ? <Link href={`/people/${comment.author.id}`}>{comment.author.name}</Link> : "A former member"}</span>
        <span className="text-muted">
          {` · ${formatDate(comment.createdAt)}`}
          {comment.editedAt && " · edited"}
          {comment.isAccepted && " · accepted answer"}
        </span>
      </p>
      {comment.hidden && <p className="text-sm font-semibold text-danger">Hidden by a facilitator: only you and the facilitators see it.</p>}
      {comment.replyTo && (
        <blockquote className="border-l-2 border-line pl-2 text-sm text-muted">
          {comment.replyTo.text ? (
            <>
              <a href={`#comment-${comment.replyTo.id}`}>{comment.replyTo.author ?? "A former member"} wrote</a>: {comment.replyTo.text}
            </>
          ) : (
            "Replying to a reply that has been removed."
          )}
        </blockquote>
      )}
      {editing && comment.allowed.edit ? (
        <ActionForm action={editCommentAction} submitLabel="Save reply">
          <input type="hidden" name="commentId" value={comment.id} />
          <RichTextField name="body" label="Edit your reply" defaultValue={comment.bodyHtml} rows={5} />
        </ActionForm>
      ) : (
        <div className="prose-body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      )}
      <div className="flex flex-wrap items-start gap-3 text-sm">
        {comment.helpfulCount > 0 && <span className="py-2">{comment.helpfulCount} found this helpful</span>}
        {comment.allowed.react && (
          <ActionButton action={helpfulCommentAction} label={comment.iFoundHelpful ? "Helpful (undo)" : "Helpful"} kind="secondary" fields={{ commentId: comment.id }} />
        )}
        {comment.allowed.reply && (
          <Link href={`${base}?replyTo=${comment.id}#reply`} className="py-2">
            Reply<span className="sr-only"> to {comment.author?.name ?? "this reply"}</span>
          </Link>
        )}
        {comment.allowed.edit && !editing && (
          <Link href={`${base}?edit=${comment.id}#comment-${comment.id}`} className="py-2">
            Edit<span className="sr-only"> your reply</span>
          </Link>
        )}
        {comment.allowed.delete && <ActionButton action={deleteCommentAction} label="Delete" kind="secondary" fields={{ commentId: comment.id }} />}
        {canAccept && (
          <ActionButton
            action={acceptAnswerAction}
            label={comment.isAccepted ? "Unmark as the answer" : "Mark as the answer"}
            kind="secondary"
            fields={{ postId, commentId: comment.isAccepted ? "" : comment.id }}
          />
        )}
      </div>
      {comment.revisions.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer">Earlier versions ({comment.revisions.length})</summary>
          <ol className="mt-2 space-y-2">
            {comment.revisions.map((revision) => (
              <li key={revision.createdAt.toISOString()} className="border-l-2 border-line pl-2">
                <p className="text-muted">Replaced {formatDate(revision.createdAt)}</p>
                <div className="prose-body" dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

export function ReportStatus({ status, what }: { status: "open" | "resolved" | "dismissed"; what: string }) {
  const text = {
    open: `You reported this ${what}. The facilitators have not dealt with it yet.`,
    resolved: `You reported this ${what}, and a facilitator has dealt with it.`,
    dismissed: `You reported this ${what}. A facilitator looked and decided no action was needed.`,
  }[status];
  return <p className="text-sm text-muted">{text}</p>;
}

/** Report and moderation controls for a reply, opened from links so the page stays light. */
export function CommentExtras({
  comment,
  base,
  postId,
  query,
  report,
}: {
  comment: CommentData;
  base: string;
  postId: string;
  query: Record<string, string>;
  report?: { status: "open" | "resolved" | "dismissed" };
}) {
  if (comment.deleted) return null;
  return (
    <div className="mt-1 space-y-2 pl-4 text-sm">
      <div className="flex gap-4">
        {comment.allowed.report && !report && (
          <Link href={`${base}?report=${comment.id}#comment-${comment.id}`}>
            Report<span className="sr-only"> this reply</span>
          </Link>
        )}
        {comment.allowed.moderate && (
          <Link href={`${base}?moderate=${comment.id}#comment-${comment.id}`}>
            Moderate<span className="sr-only"> this reply</span>
          </Link>
        )}
      </div>
      {report && <ReportStatus status={report.status} what="reply" />}
      {query.report === comment.id && comment.allowed.report && !report && <ReportForm postId={postId} commentId={comment.id} />}
      {query.moderate === comment.id && comment.allowed.moderate && <CommentModeration commentId={comment.id} hidden={comment.hidden} />}
    </div>
  );
}
