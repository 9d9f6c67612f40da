import { randomUUID } from "node:crypto";
import Link from "next/link";
import { after } from "next/server";
import { createCommentAction, saveDraftAction } from "@/app/_actions/posts";
import { acceptAnswerForm, deleteCommentForm, helpfulCommentForm } from "@/app/_actions/reply-forms";
import { DraftAutosave } from "@/app/_components/editor/draft-autosave";
import { RichTextField } from "@/app/_components/editor/rich-text-field";
import { ActionForm } from "@/app/_components/form";
import { Pager } from "@/app/_components/pager";
import { withQuery } from "@/app/_components/query";
import type { Viewer } from "@/lib/auth/request-viewer";
import { recordPostRead } from "@/lib/notifications/reads";
import type { getPostPage } from "@/lib/posts/thread";
import { Comment, replyFormIds } from "./comment";
import { ReplyActions } from "./reply-actions";

// The replies under a post, and the form to add one: on a post's page, and on an event's page
// for the event's own discussion. Opening it marks the replies shown as read, after the page
// has gone out and only when the mark can move.

type Thread = Awaited<ReturnType<typeof getPostPage>>;

/**
 * Where a link to another page of replies lands: on their heading, which the browser scrolls
 * to (and the page's NavigationFocus focuses after a client-side change, while Next announces
 * the new title, which names where the replies now start).
 */
const toReplies = "#replies-heading";

export function Discussion({ viewer, thread, base, slug, query, heading }: { viewer: Viewer; thread: Thread; base: string; slug: string; query: Record<string, string>; heading?: string }) {
  const { post, allowed } = thread;
  const replyTo = thread.comments.find((c) => c.id === query.replyTo);
  if (thread.readChanges) after(() => recordPostRead(viewer, post.id, thread.readUpTo));
  const draft = thread.page?.draft;
  const count = post.commentCount === 1 ? "1 reply" : `${post.commentCount.toLocaleString("en-GB")} replies`;
  return (
    <>
      <section aria-labelledby="replies-heading">
        <ReplyForms thread={thread} />
        <ReplyActions />
        <h2 id="replies-heading" className="text-xl font-bold">
          {heading ? `${heading}: ${count}` : count}
        </h2>
        {thread.unread && (
          <p className="mt-2 border-l-4 border-brand bg-panel p-3" id="new-replies">
            {thread.unread.count === 1 ? "1 new reply" : `${thread.unread.count >= 100 ? "100+" : thread.unread.count} new replies`} since you last read this.{" "}
            <Link href={thread.unread.link}>Go to the first new reply</Link>
          </p>
        )}
        {thread.comments.length === 0 && !thread.prevCursor && (
          <p className="mt-2 text-muted">{allowed.comment ? "No replies yet. Be the first to reply." : "No replies yet."}</p>
        )}
        <ol>
          {/* Keyed by reply, not by place: when a reply above goes, the focus stays with its own reply. */}
          {thread.comments.map((comment) => (
            <Comment key={comment.id} as="li" comment={comment} postId={post.id} canAccept={allowed.acceptAnswer} query={query} report={comment.myReport} />
          ))}
        </ol>
        <Pager
          label="Reply pages"
          first={thread.prevCursor ? { href: `${base}${toReplies}`, text: "First replies" } : null}
          previous={thread.prevCursor ? { href: `${withQuery(base, { before: thread.prevCursor })}${toReplies}`, text: "Earlier replies" } : null}
          next={thread.nextCursor ? { href: `${withQuery(base, { cursor: thread.nextCursor })}${toReplies}`, text: "Later replies" } : null}
        />
      </section>

      {allowed.comment ? (
        <section aria-labelledby="reply-heading" id="reply" className="max-w-3xl space-y-3">
          <h2 id="reply-heading" className="text-xl font-bold">
            {replyTo ? `Reply to ${replyTo.author?.name ?? "a former member"}` : "Add a reply"}
          </h2>
          {replyTo && (
            <blockquote className="border-l-4 border-line pl-3 text-muted">
              {replyTo.bodyHtml.replace(/<[^>]+>/g, " ").slice(0, 280)} <Link href={base + "#reply"}>Reply to the post instead</Link>
            </blockquote>
          )}
          <ActionForm action={createCommentAction} submitLabel="Post reply">
            <input type="hidden" name="postId" value={post.id} />
            <input type="hidden" name="idempotencyKey" value={randomUUID()} />
            {replyTo && <input type="hidden" name="replyToId" value={replyTo.id} />}
            <RichTextField name="body" label="Your reply" defaultValue={draft ?? undefined} mentionSlug={slug} load="on-focus" rows={6} />
            <DraftAutosave draftKey={`comment:${post.id}`} save={saveDraftAction} />
          </ActionForm>
        </section>
      ) : (
        <p className="border-l-4 border-line pl-3">{thread.refusals.comment}</p>
      )}
    </>
  );
}

/**
 * The page's one form for each of the replies' buttons, each only when some reply shows its
 * button: a reply's button names the form and carries the reply's id (Comment's ReplyButton).
 * They post before the page's script has loaded; afterwards ReplyActions takes their submits.
 */
function ReplyForms({ thread }: { thread: Thread }) {
  const shown = thread.acceptedAnswer ? [thread.acceptedAnswer, ...thread.comments] : thread.comments;
  const any = (action: "react" | "delete") => shown.some((c) => !c.deleted && c.allowed[action]);
  return (
    <>
      {any("react") && <form id={replyFormIds.helpful} action={helpfulCommentForm} data-reply-action="helpful" hidden />}
      {any("delete") && <form id={replyFormIds.delete} action={deleteCommentForm} data-reply-action="delete" hidden />}
      {thread.allowed.acceptAnswer && (
        <form id={replyFormIds.accept} action={acceptAnswerForm} data-reply-action="accept" hidden>
          <input type="hidden" name="postId" value={thread.post.id} />
        </form>
      )}
    </>
  );
}
