import { editCommentAction } from "@/app/_actions/posts";
import { actionIconClass, type ActionIcon } from "@/app/_components/action-icons";
import { Avatar } from "@/app/_components/avatar";
import { formatDate } from "@/app/_components/community";
import { RichTextField } from "@/app/_components/editor/rich-text-field";
import { ActionForm } from "@/app/_components/form";
import { CommentModeration, ReportForm } from "@/app/_components/moderation";
import type { getPostPage } from "@/lib/posts/thread";

// One reply on the post page: who wrote it, what it answers, its text, one row of actions in one
// style, and what became of the viewer's report on it. A page shows fifty, and each is sent twice
// (as HTML, and again in the RSC payload that hydrates it), so a reply's markup is kept short:
// short class names (globals.css), icons drawn by CSS from a class (action-icons.ts), links
// relative to the page they are on, no wrapper around the lines beside the avatar (a grid), and buttons that submit the page's one form for their
// action (ReplyForms) with the reply's id as their value, instead of a form of their own.

type PageData = Awaited<ReturnType<typeof getPostPage>>;
type CommentData = PageData["comments"][number];
type ReportStatus = "open" | "resolved" | "dismissed";

/** A reply's action looks as buttonClass("link", "sm") does, by one short name (globals.css). */
const actionClass = "ra";
/** The ids of the page's forms that the reply buttons submit (ReplyForms). */
export const replyFormIds = { helpful: "reply-helpful", delete: "reply-delete", accept: "reply-accept" } as const;
/** Where a reply's Report link lands: the one report form a page opens, under its reply. */
const reportFormId = "reply-report";

export function Comment({
  comment,
  postId,
  canAccept,
  query,
  report,
  copy = false,
  as: Root = "div",
}: {
  comment: CommentData;
  postId: string;
  canAccept: boolean;
  query: Record<string, string>;
  report?: ReportStatus | null;
  /** A second showing of the reply (the accepted answer): no anchor and no forms of its own. */
  copy?: boolean;
  /** The element the reply is: an item of the thread's list, or a block of its own. */
  as?: "div" | "li";
}) {
  const anchor = copy ? undefined : `comment-${comment.id}`;
  if (comment.deleted) {
    return (
      <Root id={anchor} className="border-b border-line py-4 text-muted">
        This reply was deleted by its author.
      </Root>
    );
  }
  const editing = !copy && query.edit === comment.id && comment.allowed.edit;
  const here = `#comment-${comment.id}`;
  const author = comment.author?.name ?? "A former member";
  return (
    <Root id={anchor} className="reply">
      <Avatar name={comment.author?.name ?? ""} seed={comment.author?.id ?? ""} size="sm" />
      <p className="reply-by">
        {comment.isNew && <span className="mr-2 rounded bg-brand px-2 font-semibold text-white">New</span>}
        {comment.author ? <a href={`/people/${comment.author.id}`}>{author}</a> : <span className="font-semibold text-ink">{author}</span>}
        {` · ${formatDate(comment.createdAt)}${comment.editedAt ? " · edited" : ""}`}
        {comment.isAccepted && !copy && <span className={`ml-2 inline-flex items-center gap-1 font-semibold text-success ${actionIconClass("accepted")}`}>Accepted answer</span>}
      </p>
      {(comment.hidden || comment.replyTo) && (
        <>
          {comment.hidden && (
            <p className="text-sm font-semibold text-danger">
              {comment.mine
                ? "A facilitator has hidden your reply: only you and the facilitators can see it."
                : "Hidden by a facilitator: only its author and the facilitators can see it."}
            </p>
          )}
          {comment.replyTo && (
            <blockquote className="border-l-2 border-line pl-2 text-sm text-muted">
              {comment.replyTo.text ? (
                <>
                  <a href={`${comment.replyTo.here ? "" : `?reply=${comment.replyTo.id}`}#comment-${comment.replyTo.id}`}>{comment.replyTo.author ?? "A former member"} wrote</a>: {comment.replyTo.text}
                </>
              ) : (
                "Replying to a reply that has been removed."
              )}
            </blockquote>
          )}
        </>
      )}
      {editing ? (
        <ActionForm action={editCommentAction} submitLabel="Save reply">
          <input type="hidden" name="commentId" value={comment.id} />
          <RichTextField name="body" label="Edit your reply" defaultValue={comment.bodyHtml} rows={5} />
        </ActionForm>
      ) : (
        <div className="prose-body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      )}
      <div className="reply-actions">
        {comment.allowed.react && <ReplyButton form="helpful" icon="helpful" label={comment.iFoundHelpful ? "Helpful (undo)" : "Helpful"} value={comment.id} />}
        {comment.helpfulCount > 0 && (
          <span className="text-muted">{comment.helpfulCount === 1 ? "1 person found this helpful" : `${comment.helpfulCount} people found this helpful`}</span>
        )}
        {comment.allowed.reply && <ReplyLink href={`?replyTo=${comment.id}#reply`} icon="reply" label="Reply" more={`to ${author}`} named />}
        {comment.allowed.edit && !editing && !copy && <ReplyLink href={`?edit=${comment.id}${here}`} icon="edit" label="Edit" more="your reply" />}
        {comment.allowed.delete && !copy && <ReplyButton form="delete" icon="delete" label="Delete" value={comment.id} />}
        {canAccept && (
          <ReplyButton form="accept" icon="accepted" label={comment.isAccepted ? "Unmark as the answer" : "Mark as the answer"} value={comment.isAccepted ? "" : comment.id} />
        )}
        {comment.allowed.report && !report && !copy && <ReplyLink href={`?report=${comment.id}#${reportFormId}`} icon="report" label="Report" more="this reply" named />}
        {comment.allowed.moderate && !copy && <ReplyLink href={`?moderate=${comment.id}${here}`} icon="moderate" label="Moderate" more="this reply" named />}
      </div>
      {/* What most replies lack, behind one test: each absent part costs the RSC payload a word. */}
      {(report || (!copy && (query.report === comment.id || query.moderate === comment.id || comment.revisions.length > 0))) && (
        <>
          {report && <ReportStatus status={report} what="reply" />}
          {!copy && query.report === comment.id && comment.allowed.report && !report && (
            <div id={reportFormId}>
              <ReportForm postId={postId} commentId={comment.id} />
            </div>
          )}
          {!copy && query.moderate === comment.id && comment.allowed.moderate && <CommentModeration commentId={comment.id} hidden={comment.hidden} />}
          {comment.revisions.length > 0 && !copy && (
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
        </>
      )}
    </Root>
  );
}

/**
 * One of a reply's buttons: it submits the page's form for its action (ReplyForms) with the
 * reply's id as `commentId`, so it works before the page's script has loaded; once loaded, the
 * page's ReplyActions island takes the submit.
 */
function ReplyButton({ form, icon, label, value }: { form: keyof typeof replyFormIds; icon: ActionIcon; label: string; value: string }) {
  return (
    <button form={replyFormIds[form]} name="commentId" value={value} className={`${actionClass} ${actionIconClass(icon)}`}>
      {label}
    </button>
  );
}

/**
 * One of a reply's link actions, relative to the page it is on; `more` finishes its name for
 * screen readers. Reply, Report and Moderate carry their whole name as an aria-label (shorter
 * than a hidden span, in the HTML and the RSC payload); Edit keeps words of its own, since its
 * name "Edit your reply" as a label would be confused with the "Your reply" box by tools that
 * find a field by its label. A plain link, as the author's name is: nothing per reply to hydrate.
 */
function ReplyLink({ href, icon, label, more, named = false }: { href: string; icon: ActionIcon; label: string; more: string; named?: boolean }) {
  const className = `${actionClass} ${actionIconClass(icon)}`;
  if (named) {
    return (
      <a href={href} className={className} aria-label={`${label} ${more}`}>
        {label}
      </a>
    );
  }
  return (
    <a href={href} className={className}>
      {label}
      <span className="sr-only">{` ${more}`}</span>
    </a>
  );
}

export function ReportStatus({ status, what }: { status: ReportStatus; what: string }) {
  const text = {
    open: `You reported this ${what}. The facilitators have not dealt with it yet.`,
    resolved: `You reported this ${what}, and a facilitator has dealt with it.`,
    dismissed: `You reported this ${what}. A facilitator looked and decided no action was needed.`,
  }[status];
  return <p className="text-sm text-muted">{text}</p>;
}
