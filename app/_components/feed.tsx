import Link from "next/link";
import type { FeedItem } from "@/lib/posts/feeds";
import { Avatar } from "./avatar";
import { threadPath } from "@/lib/posts/load";
import { formatDate, plural } from "./community";
import { actionIconClass } from "./action-icons";

export const kindLabel = { discussion: "Discussion", question: "Question", article: "Article", event: "Event" } as const;

export function Badge({ children, tone = "plain" }: { children: React.ReactNode; tone?: "plain" | "good" | "new" | "warning" }) {
  const colours = { plain: "bg-panel text-ink", good: "bg-success text-white", new: "bg-brand text-white", warning: "bg-ink text-white" };
  return <span className={`inline-block rounded px-2 text-sm font-semibold ${colours[tone]}`}>{children}</span>;
}

/** A count with its icon (drawn by CSS from the class), such as the replies to a post. */
function Stat({ icon, children }: { icon: "replies" | "helpful"; children: React.ReactNode }) {
  return <span className={`inline-flex items-center gap-1 ${actionIconClass(icon)}`}>{children}</span>;
}

/** A list of posts. */
export function FeedList({ items, showCommunity = false }: { items: FeedItem[]; showCommunity?: boolean }) {
  return (
    <div>
      {items.map((item) => (
        <FeedRow key={item.id} item={item} showCommunity={showCommunity} />
      ))}
    </div>
  );
}

/** One post in a feed: who started it, what it is, how it is going, and whether it is new to you. */
function FeedRow({ item, showCommunity = false }: { item: FeedItem; showCommunity?: boolean }) {
  return (
    <article className="flex gap-3 border-b border-line py-4">
      <Avatar name={item.author?.name ?? ""} seed={item.author?.id ?? ""} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          {item.pinned && <Badge tone="warning">Pinned</Badge>}
          <Badge>{kindLabel[item.kind]}</Badge>
          {item.kind === "question" && item.answered && <Badge tone="good">Answered</Badge>}
          {item.isNew && <Badge tone="new">New since your last visit</Badge>}
          {item.unreadLink && <Badge tone="new">{item.newReplies >= 100 ? "100+" : item.newReplies} new {item.newReplies === 1 ? "reply" : "replies"}</Badge>}
          {item.locked && <Badge>Locked</Badge>}
        </div>
        <h3 className="mt-1 text-lg leading-snug font-bold">
          <Link href={threadPath(item.communitySlug, item)}>{item.title}</Link>
        </h3>
        <p className="mt-1 text-sm text-muted">
          {item.author ? `Started by ${item.author.name}` : "Started by a former member"}
          {showCommunity && (
            <>
              {" in "}
              <Link href={`/c/${item.communitySlug}`}>{item.communityName}</Link>
            </>
          )}
          {` · last activity ${formatDate(item.lastActivityAt)}`}
          {item.unreadLink && (
            <>
              {" · "}
              <Link href={item.unreadLink}>
                First new reply<span className="sr-only"> on {item.title}</span>
              </Link>
            </>
          )}
        </p>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
          <Stat icon="replies">{plural(item.commentCount, "reply", "replies")}</Stat>
          {item.helpfulCount > 0 && <Stat icon="helpful">{item.helpfulCount} found it helpful</Stat>}
          {item.tags.length > 0 && (
            <ul className="flex flex-wrap gap-x-2" aria-label="Tags">
              {item.tags.map((tag) => (
                <li key={tag}>
                  {/* At least 24 px tall: a target big enough to hit on a phone (WCAG 2.2, 2.5.8). */}
                  <Link href={`/c/${item.communitySlug}?tag=${encodeURIComponent(tag)}`} className="inline-flex min-h-6 items-center">
                    #{tag}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </article>
  );
}
