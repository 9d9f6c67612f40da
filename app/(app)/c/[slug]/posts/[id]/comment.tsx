import { CircleCheck, Flag, Pencil, Reply, ShieldCheck, ThumbsUp, Trash2 } from "lucide";
import { editCommentAction } from "@/app/_actions/posts";
import { acceptAnswerForm, deleteCommentForm, helpfulCommentForm } from "@/app/_actions/reply-forms";
import { Avatar } from "@/app/_components/avatar";
import { buttonClass } from "@/app/_components/button-styles";
import { formatDate } from "@/app/_components/community";
import { RichTextField } from "@/app/_components/editor/rich-text-field";
import { ActionForm } from "@/app/_components/form";
import { IconSprite, SpriteIcon } from "@/app/_components/icon";
import { CommentModeration, ReportForm } from "@/app/_components/moderation";
import type { getPostPage } from "@/lib/posts/thread";

// One reply on the post page: who wrote it, what it answers, its text, one row of actions in one
// style, and what became of the viewer's report on it.

type PageData = Awaited<ReturnType<typeof getPostPage>>;
type CommentData = PageData["comments"][number];
type ReportStatus = "open" | "resolved" | "dismissed";

const actionClass = buttonClass("link", "sm");
/** The icons of a reply's actions: drawn once per page by ReplyIcons, referred to by each reply. */
const replyIcons = { helpful: ThumbsUp, reply: Reply, edit: Pencil, delete: Trash2, accepted: CircleCheck, report: Flag, moderate: ShieldCheck };
type ReplyIcon = keyof typeof replyIcons;
const icon = (name: ReplyIcon) => <SpriteIcon name={`reply-${name}`} />;

/** Once per page that shows replies. */
export function ReplyIcons() {
  return <IconSprite icons={Object.fromEntries(Object.entries(replyIcons).map(([name, data]) => [`reply-${name}`, data]))} />;
}

export function Comment({
  comment,
  base,
  postId,
  canAccept,
  query,
  report,
  copy = false,
}: {
  comment: CommentData;
  base: string;
  postId: string;
  canAccept: boolean;
  query: Record<string, string>;
  report?: ReportStatus | null;
  /** A second showing of the reply (the accepted answer): no anchor and no forms of its own. */
  copy?: boolean;
}) {
  const anchor = copy ? undefined : `comment-${comment.id}`;
  if (comment.deleted) {
    return (
      <div id={anchor} className="border-b border-line py-4 text-muted">
        This reply was deleted by its author.
      </div>
    );
  }
  const editing = !copy && query.edit === comment.id && comment.allowed.edit;
  const here = `#comment-${comment.id}`;
  const author = comment.author?.name ?? "A former member";
  return (
    <div id={anchor} className="reply">
      <Avatar name={comment.author?.name ?? ""} seed={comment.author?.id ?? ""} size="sm" />
      <div className="min-w-0 flex-1 space-y-2">
        <p className="text-sm">
          {comment.isNew && <span className="mr-2 rounded bg-brand px-2 font-semibold text-white">New</span>}
          {comment.author ? (
            <a href={`/people/${comment.author.id}`} className="font-semibold">
              {author}
            </a>
          ) : (
            <span className="font-semibold">{author}</span>
          )}
          <span className="text-muted">
            {` · ${formatDate(comment.createdAt)}`}
            {comment.editedAt && " · edited"}
          </span>
          {comment.isAccepted && !copy && (
            <span className="ml-2 inline-flex items-center gap-1 font-semibold text-success">
              {icon("accepted")}
              Accepted answer
            </span>
          )}
        </p>
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
                <a href={`#comment-${comment.replyTo.id}`}>{comment.replyTo.author ?? "A former member"} wrote</a>: {comment.replyTo.text}
              </>
            ) : (
              "Replying to a reply that has been removed."
            )}
          </blockquote>
        )}
        {editing ? (
          <ActionForm action={editCommentAction} submitLabel="Save reply">
            <input type="hidden" name="commentId" value={comment.id} />
            <RichTextField name="body" label="Edit your reply" defaultValue={comment.bodyHtml} rows={5} />
          </ActionForm>
        ) : (
          <div className="prose-body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
        )}
        <div data-testid="reply-actions" className="reply-actions">
          {comment.allowed.react && (
            <ReplyButton name="helpful" action={helpfulCommentForm} icon="helpful" label={comment.iFoundHelpful ? "Helpful (undo)" : "Helpful"} fields={{ commentId: comment.id }} />
          )}
          {comment.helpfulCount > 0 && (
            <span className="text-muted">{comment.helpfulCount === 1 ? "1 person found this helpful" : `${comment.helpfulCount} people found this helpful`}</span>
          )}
          {comment.allowed.reply && (
            <ReplyLink href={`${base}?replyTo=${comment.id}#reply`} icon="reply" label="Reply" more={`to ${author}`} />
          )}
          {comment.allowed.edit && !editing && !copy && (
            <ReplyLink href={`${base}?edit=${comment.id}${here}`} icon="edit" label="Edit" more="your reply" />
          )}
          {comment.allowed.delete && !copy && (
            <ReplyButton name="delete" action={deleteCommentForm} icon="delete" label="Delete" fields={{ commentId: comment.id }} />
          )}
          {canAccept && (
            <ReplyButton
              name="accept"
              action={acceptAnswerForm}
              icon="accepted"
              label={comment.isAccepted ? "Unmark as the answer" : "Mark as the answer"}
              fields={{ postId, commentId: comment.isAccepted ? "" : comment.id }}
            />
          )}
          {comment.allowed.report && !report && !copy && (
            <ReplyLink href={`${base}?report=${comment.id}${here}`} icon="report" label="Report" more="this reply" />
          )}
          {comment.allowed.moderate && !copy && (
            <ReplyLink href={`${base}?moderate=${comment.id}${here}`} icon="moderate" label="Moderate" more="this reply" />
          )}
        </div>
        {report && <ReportStatus status={report} what="reply" />}
        {!copy && query.report === comment.id && comment.allowed.report && !report && <ReportForm postId={postId} commentId={comment.id} />}
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
      </div>
    </div>
  );
}

/**
 * One of a reply's buttons: a plain form, the same for every reply, with no client component of
 * its own. The page's one ReplyActions island handles its submit once loaded.
 */
function ReplyButton({ name, action, icon: iconName, label, fields }: { name: string; action: (data: FormData) => Promise<void>; icon: ReplyIcon; label: string; fields: Record<string, string> }) {
  return (
    <form action={action} data-reply-action={name}>
      {Object.entries(fields).map(([field, value]) => (
        <input key={field} type="hidden" name={field} value={value} />
      ))}
      <button type="submit" className={actionClass}>
        {icon(iconName)}
        {label}
      </button>
    </form>
  );
}

/**
 * One of a reply's link actions; `more` finishes its name for screen readers. A plain link, as
 * the author's name is: nothing per reply for the browser to hydrate.
 */
function ReplyLink({ href, icon: name, label, more }: { href: string; icon: ReplyIcon; label: string; more: string }) {
  return (
    <a href={href} className={actionClass}>
      {icon(name)}
      {label}
      <span className="sr-only"> {more}</span>
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
