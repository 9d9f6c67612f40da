import Link from "next/link";
import type { FeedItem } from "@/lib/posts/feeds";
import { threadPath } from "@/lib/posts/load";
import { formatDate, plural } from "./community";

export const kindLabel = { discussion: "Discussion", question: "Question", article: "Article", event: "Event" } as const;

function Badge({ children, tone = "plain" }: { children: React.ReactNode; tone?: "plain" | "good" | "new" }) {
  const colours = { plain: "bg-panel text-ink", good: "bg-success text-white", new: "bg-brand text-white" };
  return <span className={`inline-block rounded px-2 text-sm font-semibold ${colours[tone]}`}>{children}</span>;
}

/** One post in a feed: what it is, who started it, how it is going, and whether it is new to you. */
export function FeedRow({ item, showCommunity = false }: { item: FeedItem; showCommunity?: boolean }) {
  return (
    <article className="border-b border-line py-3">
      <div className="flex flex-wrap items-center gap-2">
        {item.pinned && <Badge>Pinned</Badge>}
        <Badge>{kindLabel[item.kind]}</Badge>
        {item.kind === "question" && item.answered && <Badge tone="good">Answered</Badge>}
        {item.isNew && <Badge tone="new">New since your last visit</Badge>}
        {item.locked && <Badge>Locked</Badge>}
      </div>
      <h3 className="mt-1 text-lg font-bold">
        <Link href={threadPath(item.communitySlug, item)}>{item.title}</Link>
      </h3>
      <p className="text-sm text-muted">
        {item.author ? `Started by ${item.author.name}` : "Started by a former member"}
        {showCommunity && (
          <>
            {" in "}
            <Link href={`/c/${item.communitySlug}`}>{item.communityName}</Link>
          </>
        )}
        {` · ${plural(item.commentCount, "reply", "replies")}`}
        {item.helpfulCount > 0 && ` · ${item.helpfulCount} found it helpful`}
        {` · last activity ${formatDate(item.lastActivityAt)}`}
      </p>
      {item.tags.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-2 text-sm" aria-label="Tags">
          {item.tags.map((tag) => (
            <li key={tag}>
              <Link href={`/c/${item.communitySlug}?tag=${encodeURIComponent(tag)}`}>#{tag}</Link>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
