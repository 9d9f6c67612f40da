import Link from "next/link";
import { EyeOff, Filter } from "lucide";
import { buttonClass } from "@/app/_components/button-styles";
import { checkboxClass, checkboxRowClass, inputClass, labelClass, selectClass } from "@/app/_components/field-styles";
import { FeedList, kindLabel } from "@/app/_components/feed";
import { Icon } from "@/app/_components/icon";
import { Pager } from "@/app/_components/pager";
import { withQuery } from "@/app/_components/query";
import type { getCommunityFeed, ownUnpublishedPosts } from "@/lib/posts/feeds";

// The community page's list of discussions, with its filters, and the viewer's own posts that
// others cannot see yet.

type FeedData = Awaited<ReturnType<typeof getCommunityFeed>>;

export function CommunityFeed({
  slug,
  feed,
  error,
  query,
  refusal,
}: {
  slug: string;
  feed: FeedData | null;
  error?: string;
  query: Record<string, string>;
  /** Why the viewer cannot start a post here, when they cannot. */
  refusal: string | null;
}) {
  const base = `/c/${slug}`;
  const filtered = Boolean(query.kind || query.tag || query.unanswered);
  return (
    <div className="space-y-3">
      <form method="get" aria-label="Filter discussions" className="flex flex-wrap items-end gap-x-3 gap-y-3 bg-panel p-3">
        <div>
          <label htmlFor="feed-kind" className={`${labelClass} text-sm`}>
            Kind
          </label>
          <select id="feed-kind" name="kind" defaultValue={query.kind ?? ""} className={selectClass}>
            <option value="">All kinds</option>
            {Object.entries(kindLabel).map(([value, label]) => (
              <option key={value} value={value}>
                {label}s
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="feed-tag" className={`${labelClass} text-sm`}>
            Tag
          </label>
          <input id="feed-tag" name="tag" defaultValue={query.tag ?? ""} className={`${inputClass} w-32`} />
        </div>
        <div className={checkboxRowClass}>
          <input id="feed-unanswered" type="checkbox" name="unanswered" value="1" defaultChecked={Boolean(query.unanswered)} className={checkboxClass} />
          <label htmlFor="feed-unanswered" className="text-sm font-semibold">
            Unanswered questions
          </label>
        </div>
        <div className="flex h-10 items-center gap-4">
          <button type="submit" className={buttonClass("secondary")}>
            <Icon icon={Filter} />
            Filter
          </button>
          {filtered && <Link href={base}>Clear filters</Link>}
        </div>
      </form>
      {error && <p className="font-semibold text-danger">{error}</p>}
      {feed && feed.pinned.length + feed.items.length === 0 && (
        <p className="text-muted">
          {filtered ? "Nothing matches these filters. " : "Nothing has been posted here yet. "}
          {refusal ?? (filtered ? "Clear the filters to see every post, or start one." : "Start the first conversation.")}
        </p>
      )}
      {feed && (
        <FeedList items={[...feed.pinned, ...feed.items]} />
      )}
      <Pager
        label="Discussion pages"
        first={query.cursor ? { href: withQuery(base, { ...query, cursor: undefined }), text: "Newest posts" } : null}
        next={feed?.nextCursor ? { href: withQuery(base, { ...query, cursor: feed.nextCursor }), text: "Older posts" } : null}
      />
    </div>
  );
}

export function OwnUnpublished({ posts, slug }: { posts: Awaited<ReturnType<typeof ownUnpublishedPosts>>; slug: string }) {
  return (
    <div className="border-l-4 border-ink bg-panel p-3">
      <h3 className="flex items-center gap-2 font-bold">
        <Icon icon={EyeOff} />
        Your posts that others cannot see
      </h3>
      <ul className="mt-1 space-y-1">
        {posts.map((post) => (
          <li key={post.id}>
            <Link href={`/c/${slug}/posts/${post.id}`}>{post.title}</Link>
            <span className="text-muted">
              {post.status === "pending"
                ? " · waiting for a facilitator to approve it"
                : ` · hidden by a facilitator${post.hiddenReason ? `: ${post.hiddenReason}` : ""}`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
