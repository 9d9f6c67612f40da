import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { deletePostAction } from "@/app/_actions/moderation";
import { followAction, helpfulPostAction } from "@/app/_actions/posts";
import { buttonClass } from "@/app/_components/button-styles";
import { formatDate } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { kindLabel } from "@/app/_components/feed";
import { ActionButton } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { PostModeration, ReportForm } from "@/app/_components/moderation";
import { pageQuery, withQuery } from "@/app/_components/query";
import { requireActiveViewer, requireViewer } from "@/lib/auth/request-viewer";
import { isAppError } from "@/lib/errors";
import { moveDestinations, myReportsOn } from "@/lib/moderation/reports";
import { getPostPage, PostElsewhere } from "@/lib/posts/thread";
import { loadCommunityPage } from "../../load";
import { Comment, ReportStatus } from "./comment";
import { Discussion } from "./discussion";

type Params = { slug: string; id: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug, id } = await params;
  try {
    const page = await getPostPage(await requireActiveViewer(), slug, id, {});
    return { title: `${page.post.title} · ${page.community.name}` };
  } catch (error) {
    if (isAppError(error) || error instanceof PostElsewhere) return { title: "Page not found" };
    throw error;
  }
}

export default async function PostPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug, id } = await params;
  const query = pageQuery(await searchParams);
  const viewer = await requireViewer(`/c/${slug}/posts/${id}`);
  const { data } = await loadPage(() =>
    getPostPage(viewer, slug, id, query).catch((error: unknown) => {
      if (error instanceof PostElsewhere) redirect(withQuery(error.location, query));
      throw error;
    }),
  );
  if (!data) return null;
  const { data: community } = await loadPage(() => loadCommunityPage(data.community.slug));
  if (!community) return null;
  const { post, allowed } = data;
  const base = `/c/${slug}/posts/${post.id}`;
  const [destinations, myReports] = await Promise.all([
    allowed.moderate ? moveDestinations(viewer, data.community.id) : [],
    myReportsOn(viewer, post.id, []),
  ]);
  const postReport = myReports.find((r) => r.commentId === null);

  return (
    <div className="space-y-8">
      <CommunityHeader page={community} current="about" title={undefined} />
      <article aria-labelledby="post-title" className="space-y-4">
        <div className="flex flex-wrap items-center gap-2">
          <span className="rounded bg-panel px-2 text-sm font-semibold">{kindLabel[post.kind]}</span>
          {post.locked && <span className="rounded bg-panel px-2 text-sm font-semibold">Locked: no new replies</span>}
          {post.status === "pending" && <span className="rounded bg-panel px-2 text-sm font-semibold">Awaiting approval</span>}
        </div>
        {post.hidden && (
          <p className="border-l-4 border-danger bg-panel p-3">
            A facilitator has hidden this post, so members cannot see it{post.hiddenReason ? `. Reason: ${post.hiddenReason}` : "."}
          </p>
        )}
        <h2 id="post-title" className="text-3xl font-bold">
          {post.title}
        </h2>
        <p className="text-sm text-muted">
          {post.author ? (
            <>
              By <Link href={`/people/${post.author.id}`}>{post.author.name}</Link>
              {post.author.jobTitle && `, ${post.author.jobTitle}`}
              {post.author.organisation && `, ${post.author.organisation}`}
            </>
          ) : (
            "By a former member"
          )}
          {` · ${formatDate(post.createdAt)}`}
          {post.editedAt && ` · edited ${formatDate(post.editedAt)}`}
        </p>
        <div className="prose-body max-w-3xl" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        {post.tags.length > 0 && (
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Tags">
            {post.tags.map((tag) => (
              <li key={tag}>
                <Link href={`/c/${slug}?tag=${encodeURIComponent(tag)}`}>#{tag}</Link>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-start gap-4">
          <p className="py-2 text-sm">{post.helpfulCount === 1 ? "1 person found this helpful" : `${post.helpfulCount} people found this helpful`}</p>
          {allowed.react && (
            <ActionButton action={helpfulPostAction} label={post.iFoundHelpful ? "Helpful (undo)" : "Mark as helpful"} kind="secondary" fields={{ postId: post.id }} />
          )}
          {allowed.follow && (
            <ActionButton
              action={followAction}
              label={post.following ? "Stop following" : "Follow"}
              kind="secondary"
              fields={{ postId: post.id, follow: post.following ? "false" : "true" }}
            />
          )}
          {allowed.edit && (
            <Link href={`${base}/edit`} className={buttonClass("secondary")}>
              Edit post
            </Link>
          )}
          {allowed.delete && !allowed.moderate && (
            <ActionButton action={deletePostAction} label="Delete post" kind="secondary" fields={{ postId: post.id }} />
          )}
          {allowed.report && !postReport && (
            <Link href={`${base}?report=post#report-post`} className="py-2">
              Report this post
            </Link>
          )}
        </div>
        {postReport && <ReportStatus status={postReport.status} what="post" />}
        {query.report === "post" && allowed.report && !postReport && (
          <div id="report-post">
            <ReportForm postId={post.id} />
          </div>
        )}
      </article>

      {allowed.moderate && <PostModeration post={post} slug={slug} destinations={destinations} />}

      {data.acceptedAnswer && (
        <section aria-labelledby="answer-heading" className="border-l-8 border-success pl-4">
          <h2 id="answer-heading" className="text-xl font-bold">
            Accepted answer
          </h2>
          <Comment comment={data.acceptedAnswer} base={base} postId={post.id} canAccept={allowed.acceptAnswer} editing={false} />
        </section>
      )}

      <Discussion viewer={viewer} thread={data} base={base} slug={slug} query={query} />
    </div>
  );
}

