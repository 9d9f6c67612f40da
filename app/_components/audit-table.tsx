import Link from "next/link";
import { replyLink } from "@/lib/posts/reply-link";

type Entry = {
  id: string;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string;
  reason: string | null;
  details: Record<string, unknown> | null;
  createdAt: Date;
  communitySlug: string | null;
};

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** Where an entry's item can be seen now, for the people who may see it. */
function linkFor(entry: Entry): string | null {
  const postId = entry.targetType === "post" ? entry.targetId : (entry.details?.postId as string | undefined);
  if (entry.targetType === "user" && entry.targetId) return `/people/${entry.targetId}`;
  if (entry.targetType === "member" && entry.targetId) return `/people/${entry.targetId}`;
  if (postId && entry.communitySlug) {
    const path = `/c/${entry.communitySlug}/posts/${postId}`;
    // A reply: the page of the thread that holds it.
    return entry.targetType === "comment" && entry.targetId ? replyLink(path, entry.targetId) : path;
  }
  if (entry.communitySlug) return `/c/${entry.communitySlug}`;
  return null;
}

export function AuditTable({ entries, caption, showCommunity = false }: { entries: Entry[]; caption: string; showCommunity?: boolean }) {
  if (entries.length === 0) return <p className="text-muted">Nothing has been logged yet.</p>;
  return (
    <div className="overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
    <table className="w-full min-w-2xl border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="py-2 pr-3">When</th>
          <th scope="col" className="py-2 pr-3">Who</th>
          <th scope="col" className="py-2 pr-3">What</th>
          <th scope="col" className="py-2 pr-3">On</th>
          {showCommunity && <th scope="col" className="py-2 pr-3">Community</th>}
          <th scope="col" className="py-2">Why</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const href = linkFor(entry);
          return (
            <tr key={entry.id} className="border-b border-line align-top">
              <td className="py-2 pr-3 whitespace-nowrap">{when.format(entry.createdAt)}</td>
              <td className="py-2 pr-3">{entry.actorName}</td>
              <td className="py-2 pr-3">{entry.action}</td>
              <td className="py-2 pr-3">{href ? <Link href={href}>{entry.targetLabel || entry.targetType}</Link> : entry.targetLabel || entry.targetType}</td>
              {showCommunity && <td className="py-2 pr-3">{entry.communitySlug ? <Link href={`/c/${entry.communitySlug}`}>{entry.communitySlug}</Link> : "Site-wide"}</td>}
              <td className="py-2">{entry.reason ?? ""}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}
