import { randomUUID } from "node:crypto";
import Link from "next/link";
import { createCommentAction, saveDraftAction } from "@/app/_actions/posts";
import { DraftAutosave } from "@/app/_components/editor/draft-autosave";
import { RichTextField } from "@/app/_components/editor/rich-text-field";
import { ActionForm } from "@/app/_components/form";
import { withQuery } from "@/app/_components/query";
import type { Viewer } from "@/lib/auth/request-viewer";
import { myReportsOn } from "@/lib/moderation/reports";
import { getDraft } from "@/lib/posts/drafts";
import type { getPostPage } from "@/lib/posts/thread";
import { Comment, CommentExtras } from "./comment";

// The replies under a post, and the form to add one: on a post's page, and on an event's page
// for the event's own discussion.

type Thread = Awaited<ReturnType<typeof getPostPage>>;

export async function Discussion({ viewer, thread, base, slug, query, heading }: { viewer: Viewer; thread: Thread; base: string; slug: string; query: Record<string, string>; heading?: string }) {
  const { post, allowed } = thread;
  const replyTo = thread.comments.find((c) => c.id === query.replyTo);
  const [draft, myReports] = await Promise.all([
    allowed.comment ? getDraft(viewer, `comment:${post.id}`) : null,
    myReportsOn(viewer, post.id, thread.comments.map((c) => c.id)),
  ]);
  const reportOn = (commentId: string) => myReports.find((r) => r.commentId === commentId);
  const count = post.commentCount === 1 ? "1 reply" : `${post.commentCount} replies`;
  return (
    <>
      <section aria-labelledby="replies-heading" className="space-y-4">
        <h2 id="replies-heading" className="text-xl font-bold">
          {heading ? `${heading}: ${count}` : count}
        </h2>
        {thread.comments.length === 0 && !query.cursor && <p className="text-muted">No replies yet.</p>}
        <ol className="space-y-4">
          {thread.comments.map((comment) => (
            <li key={comment.id}>
              <Comment comment={comment} base={base} postId={post.id} canAccept={allowed.acceptAnswer} editing={query.edit === comment.id} />
              <CommentExtras comment={comment} base={base} postId={post.id} query={query} report={reportOn(comment.id)} />
            </li>
          ))}
        </ol>
        <nav aria-label="Reply pages" className="flex gap-6">
          {query.cursor && <Link href={base}>First replies</Link>}
          {thread.nextCursor && (
            <Link href={withQuery(base, { cursor: thread.nextCursor })} rel="next">
              Later replies
            </Link>
          )}
        </nav>
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
            <RichTextField name="body" label="Your reply" defaultValue={draft?.body} mentionSlug={slug} load="on-focus" rows={6} />
            <DraftAutosave draftKey={`comment:${post.id}`} save={saveDraftAction} />
          </ActionForm>
        </section>
      ) : (
        <p className="text-muted">{thread.refusals.comment}</p>
      )}
    </>
  );
}
