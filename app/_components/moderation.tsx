import Link from "next/link";
import {
  approvePostAction,
  deleteCommentAsModeratorAction,
  deletePostAction,
  hideCommentAction,
  hidePostAction,
  lockAction,
  movePostAction,
  pinAction,
  reportAction,
  restoreCommentAction,
  restorePostAction,
} from "@/app/_actions/moderation";
import { Lock, LockOpen, Pencil, Pin, PinOff } from "lucide";
import { reasonLabels } from "@/lib/moderation/reports";
import { buttonClass } from "./button-styles";
import { selectClass, labelClass } from "./field-styles";
import { ActionButton, ActionForm, RadioGroup, TextField } from "./form";
import { Icon } from "./icon";

type PostState = { id: string; pinned: boolean; locked: boolean; hidden: boolean; status: "published" | "pending" };

/** The facilitators' controls for a post, next to it. Each says what it did, and most can be undone. */
export function PostModeration({ post, slug, destinations }: { post: PostState; slug: string; destinations: { slug: string; name: string }[] }) {
  const fields = { postId: post.id };
  return (
    <section aria-labelledby="moderate-heading" className="space-y-3 border-2 border-ink p-4">
      <h2 id="moderate-heading" className="text-lg font-bold">
        Moderate this post
      </h2>
      <div className="flex flex-wrap items-start gap-3">
        {post.status === "pending" && <ActionButton action={approvePostAction} label="Approve" fields={fields} />}
        {post.hidden && <ActionButton action={restorePostAction} label="Restore" fields={fields} />}
        <ActionButton
          action={pinAction}
          label={post.pinned ? "Unpin" : "Pin to the top"}
          kind="secondary"
          icon={<Icon icon={post.pinned ? PinOff : Pin} />}
          fields={{ ...fields, pinned: String(!post.pinned) }}
        />
        <ActionButton
          action={lockAction}
          label={post.locked ? "Unlock replies" : "Lock replies"}
          kind="secondary"
          icon={<Icon icon={post.locked ? LockOpen : Lock} />}
          fields={{ ...fields, locked: String(!post.locked) }}
        />
        <Link href={`/c/${slug}/posts/${post.id}/edit?as=facilitator`} className={buttonClass("secondary")}>
          <Icon icon={Pencil} />
          Edit with a reason
        </Link>
      </div>
      {!post.hidden && (
        <details>
          <summary className="cursor-pointer font-semibold">Hide from members</summary>
          <ActionForm action={hidePostAction} submitLabel="Hide post" kind="danger" idPrefix="hide-post" className="mt-2 space-y-3">
            <input type="hidden" name="postId" value={post.id} />
            <TextField name="reason" label="Reason (the author sees it)" />
          </ActionForm>
        </details>
      )}
      {destinations.length > 0 && (
        <details>
          <summary className="cursor-pointer font-semibold">Move to another community</summary>
          <ActionForm action={movePostAction} submitLabel="Move post" idPrefix="move-post" className="mt-2 space-y-3">
            <input type="hidden" name="postId" value={post.id} />
            <div>
              <label htmlFor="move-post-field-destination" className={labelClass}>
                Move to
              </label>
              <select id="move-post-field-destination" name="destination" className={selectClass}>
                {destinations.map((d) => (
                  <option key={d.slug} value={d.slug}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex items-start gap-2">
              <input id="move-post-field-confirmWider" type="checkbox" name="confirmWider" value="yes" className="mt-1.5 h-5 w-5 accent-brand" />
              <label htmlFor="move-post-field-confirmWider">
                If people who cannot read it here could read it there, I am an owner of this community and confirm the move.
              </label>
            </div>
          </ActionForm>
        </details>
      )}
      <details>
        <summary className="cursor-pointer font-semibold">{post.status === "pending" ? "Reject" : "Delete"}</summary>
        <ActionForm action={deletePostAction} submitLabel={post.status === "pending" ? "Reject post" : "Delete post"} kind="danger" idPrefix="delete-post" className="mt-2 space-y-3">
          <input type="hidden" name="postId" value={post.id} />
          <TextField name="reason" label="Reason (kept in the moderation log)" />
        </ActionForm>
      </details>
    </section>
  );
}

/** A facilitator's controls for one reply. */
export function CommentModeration({ commentId, hidden }: { commentId: string; hidden: boolean }) {
  const prefix = `c-${commentId.slice(0, 8)}`;
  return (
    <div className="space-y-2 border-l-4 border-ink pl-3">
      {hidden ? (
        <ActionButton action={restoreCommentAction} label="Restore reply" fields={{ commentId }} />
      ) : (
        <ActionForm action={hideCommentAction} submitLabel="Hide reply" kind="danger" idPrefix={`${prefix}-hide`} className="space-y-2">
          <input type="hidden" name="commentId" value={commentId} />
          <TextField name="reason" label="Reason for hiding" />
        </ActionForm>
      )}
      <ActionForm action={deleteCommentAsModeratorAction} submitLabel="Delete reply" kind="danger" idPrefix={`${prefix}-delete`} className="space-y-2">
        <input type="hidden" name="commentId" value={commentId} />
        <TextField name="reason" label="Reason for deleting" />
      </ActionForm>
    </div>
  );
}

/** Reporting a post or a reply to the community's facilitators. */
export function ReportForm({ postId, commentId }: { postId: string; commentId?: string }) {
  return (
    <ActionForm action={reportAction} submitLabel="Send report" idPrefix={commentId ? `report-${commentId.slice(0, 8)}` : "report-post"} className="space-y-3 bg-panel p-3">
      <input type="hidden" name="postId" value={postId} />
      {commentId && <input type="hidden" name="commentId" value={commentId} />}
      <RadioGroup
        name="reason"
        legend={commentId ? "Why are you reporting this reply?" : "Why are you reporting this post?"}
        options={Object.entries(reasonLabels).map(([value, label]) => ({ value, label }))}
      />
      <TextField name="details" label="Anything the facilitators should know (needed for “something else”)" multiline rows={3} />
    </ActionForm>
  );
}
