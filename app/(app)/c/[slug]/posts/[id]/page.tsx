import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Bell, BellOff, Flag, Pencil, ThumbsUp, Trash2 } from "lucide";
import { deletePostAction } from "@/app/_actions/moderation";
import { followAction, helpfulPostAction } from "@/app/_actions/posts";
import { Avatar } from "@/app/_components/avatar";
import { buttonClass } from "@/app/_components/button-styles";
import { formatDate } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { Badge, kindLabel } from "@/app/_components/feed";
import { ActionButton } from "@/app/_components/form";
import { Icon } from "@/app/_components/icon";
import { loadPage } from "@/app/_components/load-page";
import { PostModeration, ReportForm } from "@/app/_components/moderation";
import { pageQuery, withQuery } from "@/app/_components/query";
import { requireActiveViewer, requireViewer } from "@/lib/auth/request-viewer";
import { isAppError } from "@/lib/errors";
import { moveDestinations } from "@/lib/moderation/reports";
import { fileLimitMb } from "@/lib/files/limits";
import { Attachments } from "@/app/_components/library";
import { replyLink } from "@/lib/posts/reply-link";
import { PostElsewhere } from "@/lib/posts/thread";
import { Comment, ReportStatus } from "./comment";
import { Discussion } from "./discussion";
import { askedReply, loadPostPage } from "./load";

type Params = { slug: string; id: string };

type Props = { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const query = pageQuery(await searchParams);
  try {
    const page = await loadPostPage(await requireActiveViewer(), slug, id, query.cursor, query.before, askedReply(query), query.limit);
    // A later page of replies says so in its title, which is announced when the page changes.
    const first = page.prevCursor ? page.comments.find((c) => !c.deleted) : undefined;
    const from = first ? ` (replies from ${first.author?.name ?? "a former member"}, ${formatDate(first.createdAt)})` : "";
    return { title: `${page.post.title}${from} · ${page.community.name}` };
  } catch (error) {
    if (isAppError(error) || error instanceof PostElsewhere) return { title: "Page not found" };
    throw error;
  }
}

/** "1 person found this helpful", "6 people found this helpful"; nothing before anyone has. */
function helpfulText(count: number) {
  if (count === 0) return null;
  return count === 1 ? "1 person found this helpful" : `${count.toLocaleString("en-GB")} people found this helpful`;
}

export default async function PostPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const query = pageQuery(await searchParams);
  const viewer = await requireViewer(`/c/${slug}/posts/${id}`);
  const { data } = await loadPage(() =>
    loadPostPage(viewer, slug, id, query.cursor, query.before, askedReply(query), query.limit).catch((error: unknown) => {
      if (error instanceof PostElsewhere) redirect(withQuery(error.location, query));
      throw error;
    }),
  );
  if (!data?.page) return null;
  const { post, allowed, page } = data;
  const base = `/c/${slug}/posts/${post.id}`;
  const destinations = allowed.moderate ? await moveDestinations(viewer, data.community.id) : [];
  const postReport = page.myReport;
  const helpful = helpfulText(post.helpfulCount);

  return (
    <div className="space-y-10">
      <CommunityHeader page={page.header} current="about" crumb={post.title} />
      <article aria-labelledby="post-title" className="space-y-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge>{kindLabel[post.kind]}</Badge>
          {post.pinned && <Badge tone="warning">Pinned</Badge>}
          {post.locked && <Badge>Locked: no new replies</Badge>}
          {post.status === "pending" && <Badge>Awaiting approval</Badge>}
        </div>
        {post.hidden && (
          <p className="border-l-4 border-danger bg-panel p-3">
            A facilitator has hidden this post, so members cannot see it{post.hiddenReason ? `. Reason: ${post.hiddenReason}` : "."}
          </p>
        )}
        {post.status === "pending" && (
          <p className="border-l-4 border-brand bg-panel p-3">
            This post is waiting for a facilitator to approve it. Until then only its author and the facilitators can see it.
          </p>
        )}
        <h1 id="post-title" className="text-3xl font-bold">
          {post.title}
        </h1>
        <div className="flex items-center gap-3 text-sm">
          <Avatar name={post.author?.name ?? ""} seed={post.author?.id ?? ""} />
          <p>
            {post.author ? (
              <>
                <Link href={`/people/${post.author.id}`} className="font-semibold">
                  {post.author.name}
                </Link>
                <span className="block text-muted">{[post.author.jobTitle, post.author.organisation].filter(Boolean).join(", ")}</span>
              </>
            ) : (
              <span className="font-semibold">A former member</span>
            )}
            <span className="block text-muted">
              {formatDate(post.createdAt)}
              {post.editedAt && (
                <>
                  {" · "}
                  <Link href={`${base}/history`}>edited {formatDate(post.editedAt)}</Link>
                </>
              )}
            </span>
          </p>
        </div>
        <div className="prose-body max-w-3xl" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        {post.tags.length > 0 && (
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Tags">
            {post.tags.map((tag) => (
              <li key={tag}>
                <Link href={`/c/${slug}?tag=${encodeURIComponent(tag)}`} className="inline-flex min-h-6 items-center">
                  #{tag}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center gap-x-3 gap-y-3 border-y border-line py-3">
          {(allowed.react || helpful) && (
            <div className="flex items-center gap-3">
              {allowed.react && (
                <ActionButton
                  action={helpfulPostAction}
                  label={post.iFoundHelpful ? "Helpful (undo)" : "Mark as helpful"}
                  kind="secondary"
                  icon={<Icon icon={ThumbsUp} />}
                  fields={{ postId: post.id }}
                />
              )}
              {helpful && <p className="text-sm">{helpful}</p>}
            </div>
          )}
          {allowed.follow && (
            <ActionButton
              action={followAction}
              label={post.following ? "Stop following" : "Follow"}
              kind="secondary"
              icon={<Icon icon={post.following ? BellOff : Bell} />}
              fields={{ postId: post.id, watch: post.following ? "none" : "following" }}
            />
          )}
          {allowed.follow && (
            <ActionButton
              action={followAction}
              label={post.muted ? "Unmute" : "Mute"}
              kind="secondary"
              fields={{ postId: post.id, watch: post.muted ? "none" : "muted" }}
            />
          )}
          {allowed.edit && (
            <Link href={`${base}/edit`} className={buttonClass("secondary")}>
              <Icon icon={Pencil} />
              Edit post
            </Link>
          )}
          {allowed.delete && !allowed.moderate && (
            <ActionButton action={deletePostAction} label="Delete post" kind="secondary" icon={<Icon icon={Trash2} />} fields={{ postId: post.id }} />
          )}
          {allowed.report && !postReport && (
            <Link href={`${base}?report=post#report-post`} className={`${buttonClass("link", "sm")} sm:ml-auto`}>
              <Icon icon={Flag} size={16} />
              Report this post
            </Link>
          )}
        </div>
        <Attachments files={page.attachments} canAttach={page.canAttach} place={{ postId: post.id }} maxMb={fileLimitMb()} />
        {postReport && <ReportStatus status={postReport} what="post" />}
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
          <Comment comment={data.acceptedAnswer} postId={post.id} canAccept={allowed.acceptAnswer} query={query} copy />
          {/* The answer where it stands among the replies, on whichever page that is. */}
          <a href={replyLink(base, data.acceptedAnswer.id)} className="text-sm">
            Read it in the thread
          </a>
        </section>
      )}

      <Discussion viewer={viewer} thread={data} base={base} slug={slug} query={query} />
    </div>
  );
}
