import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { moderatorEditAction } from "@/app/_actions/moderation";
import { editPostAction } from "@/app/_actions/posts";
import { TextField } from "@/app/_components/form";
import { CommunityHeader } from "@/app/_components/community-header";
import { loadPage } from "@/app/_components/load-page";
import { PostForm } from "@/app/_components/post-form";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getDraft } from "@/lib/posts/drafts";
import { getPostPage, PostElsewhere } from "@/lib/posts/thread";
import { loadCommunityPage } from "../../../load";

export const metadata: Metadata = { title: "Edit post" };

export default async function EditPostPage({ params }: PageProps<"/c/[slug]/posts/[id]/edit">) {
  const { slug, id } = await params;
  const viewer = await requireViewer(`/c/${slug}/posts/${id}/edit`);
  const { data } = await loadPage(() =>
    getPostPage(viewer, slug, id, { limit: "1" }).catch((error: unknown) => {
      // An event is changed on the event's own form.
      if (error instanceof PostElsewhere) redirect(`${error.location}/edit`);
      throw error;
    }),
  );
  if (!data) return null;
  const { data: community } = await loadPage(() => loadCommunityPage(slug));
  if (!community) return null;
  const back = `/c/${slug}/posts/${id}`;
  const asFacilitator = !data.allowed.edit && data.allowed.moderate;
  if (!data.allowed.edit && !asFacilitator) {
    return (
      <div>
        <CommunityHeader page={community} current="about" title="Edit post" />
        <p>
          {data.refusals.edit} <Link href={back}>Back to the post</Link>
        </p>
      </div>
    );
  }
  const draftKey = `edit:${data.post.id}`;
  const draft = asFacilitator ? null : await getDraft(viewer, draftKey);
  const { post } = data;
  return (
    <div>
      <CommunityHeader page={community} current="about" title="Edit post" />
      <div className="max-w-3xl">
      <p className="mb-4">
        Your earlier version is kept. <Link href={back}>Cancel and go back</Link>
      </p>
      {asFacilitator && (
        <p className="mb-4 border-l-4 border-brand pl-3">
          You are editing someone else&apos;s post as a facilitator. Say why: the reason goes in the moderation log.
        </p>
      )}
      <PostForm
        action={asFacilitator ? moderatorEditAction : editPostAction}
        submitLabel="Save changes"
        hidden={{ postId: post.id }}
        values={draft ?? { kind: post.kind, title: post.title, body: post.bodyHtml, tags: post.tags.join(", ") }}
        draftKey={asFacilitator ? null : draftKey}
        mentionSlug={slug}
      >
        {asFacilitator && <TextField name="reason" label="Reason for the edit" />}
      </PostForm>
      </div>
    </div>
  );
}
