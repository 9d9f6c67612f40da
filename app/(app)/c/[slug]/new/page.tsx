import type { Metadata } from "next";
import Link from "next/link";
import { createPostAction } from "@/app/_actions/posts";
import { CommunityHeader } from "@/app/_components/community-header";
import { loadPage } from "@/app/_components/load-page";
import { PostForm } from "@/app/_components/post-form";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getDraft } from "@/lib/posts/drafts";
import { communityTitle, loadCommunityPage } from "../load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/new">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug, "Start a post") };
}

export default async function NewPostPage({ params }: PageProps<"/c/[slug]/new">) {
  const { slug } = await params;
  const viewer = await requireViewer(`/c/${slug}/new`);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  if (!page.allowed.createPost) {
    return (
      <div>
        <CommunityHeader page={page} current="about" title="Start a post" />
        <p>
          {page.refusals.createPost}{" "}
          <Link href={`/c/${slug}`}>Back to {page.community.name}</Link>
        </p>
      </div>
    );
  }
  const draftKey = `post:${page.community.id}`;
  const draft = await getDraft(viewer, draftKey);
  return (
    <div>
      <CommunityHeader page={page} current="about" title="Start a post" />
      <div className="max-w-3xl">
      {draft && <p className="mb-4 border-l-4 border-brand pl-3">We kept the draft you were writing. Carry on where you left off.</p>}
      <PostForm
        action={createPostAction}
        submitLabel="Post"
        hidden={{ slug }}
        values={{ kind: draft?.kind, title: draft?.title, body: draft?.body, tags: draft?.tags }}
        draftKey={draftKey}
        mentionSlug={slug}
      />
      </div>
    </div>
  );
}
