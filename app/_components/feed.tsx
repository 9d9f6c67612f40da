import Link from "next/link";
import type { FeedItem } from "@/lib/posts/feeds";
import { Avatar } from "./avatar";
import { threadPath } from "@/lib/posts/load";
import { formatDate, plural } from "./community";
import { actionIconClass } from "./action-icons";

export const kindLabel = { discussion: "Discussion", question: "Question", article: "Article", event: "Event" } as const;

// Short class names (globals.css: .badge, .fi-…): a feed row is repeated 25 times a page, in the
// HTML and again in the RSC payload, so each long Tailwind string cost about 100 bytes a row.
const badgeClass = { plain: "badge", good: "badge badge-good", new: "badge badge-new", warning: "badge badge-dark" } as const;

export function Badge({ children, tone = "plain" }: { children: React.ReactNode; tone?: keyof typeof badgeClass }) {
  return <span className={badgeClass[tone]}>{children}</span>;
}

/** A list of posts. On a community's own page (no `showCommunity`) its tag links are relative to the page. */
export function FeedList({ items, showCommunity = false }: { items: FeedItem[]; showCommunity?: boolean }) {
  return (
    <div>
      {items.map((item) => (
        // Keyed by post: when the page is rendered again (after an action, or a refresh) with a new
        // post on top, each row and the focus in it stay with their post rather than their place.
        <FeedRow key={item.id} item={item} showCommunity={showCommunity} />
      ))}
    </div>
  );
}

/** A row's badges, only those that apply: a false child would be sent in the RSC payload too. */
function badges(item: FeedItem) {
  const replies = item.newReplies === 1 ? "reply" : "replies";
  return [
    item.pinned && <Badge key="p" tone="warning">Pinned</Badge>,
    <Badge key="k">{kindLabel[item.kind]}</Badge>,
    item.kind === "question" && item.answered && <Badge key="a" tone="good">Answered</Badge>,
    item.isNew && <Badge key="n" tone="new">New since your last visit</Badge>,
    item.unreadLink && <Badge key="r" tone="new">{`${item.newReplies >= 100 ? "100+" : item.newReplies} new ${replies}`}</Badge>,
    item.locked && <Badge key="l">Locked</Badge>,
  ].filter(Boolean);
}

/** One post in a feed: who started it, what it is, how it is going, and whether it is new to you. */
function FeedRow({ item, showCommunity }: { item: FeedItem; showCommunity: boolean }) {
  const by = item.author ? `Started by ${item.author.name}` : "Started by a former member";
  const when = ` · last activity ${formatDate(item.lastActivityAt)}`;
  const tagBase = showCommunity ? `/c/${item.communitySlug}` : "";
  return (
    <article className="fi">
      <Avatar name={item.author?.name ?? ""} seed={item.author?.id ?? ""} />
      <div className="fi-badges">{badges(item)}</div>
      <h3>
        <Link href={threadPath(item.communitySlug, item)}>{item.title}</Link>
      </h3>
      <p className="fi-by">
        {showCommunity ? (
          <>
            {`${by} in `}
            <Link href={`/c/${item.communitySlug}`}>{item.communityName}</Link>
            {when}
          </>
        ) : (
          by + when
        )}
        {item.unreadLink && (
          <>
            {" · "}
            <Link href={item.unreadLink}>
              First new reply<span className="sr-only">{` on ${item.title}`}</span>
            </Link>
          </>
        )}
      </p>
      <div className="fi-stats">
        <span className={actionIconClass("replies")}>{plural(item.commentCount, "reply", "replies")}</span>
        {item.helpfulCount > 0 && <span className={actionIconClass("helpful")}>{`${item.helpfulCount} found it helpful`}</span>}
        {item.tags.length > 0 && (
          <ul aria-label="Tags">
            {item.tags.map((tag) => (
              <li key={tag}>
                <Link href={`${tagBase}?tag=${encodeURIComponent(tag)}`}>{`#${tag}`}</Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
