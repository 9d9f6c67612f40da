import Link from "next/link";
import type { CommunitySummary, Visibility } from "@/lib/communities/summaries";

const visibilityText: Record<Visibility, { label: string; description: string }> = {
  open: { label: "Open", description: "Anyone signed in can read and join." },
  restricted: { label: "Restricted", description: "Listed; members join by request." },
  private: { label: "Private", description: "Unlisted; by invitation only." },
};

export function visibilityLabel(visibility: Visibility) {
  return visibilityText[visibility];
}

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const text = visibilityText[visibility];
  const colour =
    visibility === "open" ? "border-success text-success" : visibility === "restricted" ? "border-brand text-brand" : "border-ink text-ink";
  return (
    <span className={`inline-block rounded border-2 px-2 text-sm font-semibold ${colour}`} title={text.description}>
      {text.label}
    </span>
  );
}

export function ArchivedBadge() {
  return <span className="inline-block rounded bg-panel px-2 text-sm font-semibold text-ink">Archived</span>;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

export function formatDate(date: Date) {
  return dateFormat.format(date);
}

export function plural(count: number, one: string, many = `${one}s`) {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}

const statusNote: Record<string, string> = {
  active: "You are a member",
  banned: "You are banned from it",
  pending: "You have asked to join",
  invited: "You are invited",
};

/** One community in a list: name, purpose, counts that the viewer may see, and their status. */
export function CommunityCard({ community, headingLevel = 3 }: { community: CommunitySummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="border-b border-line py-4">
      <div className="flex flex-wrap items-center gap-2">
        <Heading className="text-lg font-bold">
          <Link href={`/c/${community.slug}`}>{community.name}</Link>
        </Heading>
        <VisibilityBadge visibility={community.visibility} />
        {community.archived && <ArchivedBadge />}
      </div>
      {community.parent && (
        <p className="text-sm text-muted">
          Part of <Link href={`/c/${community.parent.slug}`}>{community.parent.name}</Link>
        </p>
      )}
      {community.purpose && <p className="mt-1 line-clamp-2">{community.purpose}</p>}
      <p className="mt-1 text-sm text-muted">
        {plural(community.memberCount, "member")}
        {community.subCommunityCount > 0 && ` · ${plural(community.subCommunityCount, "sub-community", "sub-communities")}`}
        {` · active ${formatDate(community.lastActivityAt)}`}
        {community.myStatus && statusNote[community.myStatus] && ` · ${statusNote[community.myStatus]}`}
      </p>
    </article>
  );
}

export function Breadcrumbs({ items }: { items: { name: string; href?: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm">
      <ol className="flex flex-wrap gap-1">
        {items.map((item, index) => (
          <li key={`${item.name}-${index}`} className="flex items-center gap-1">
            {index > 0 && <span aria-hidden="true">›</span>}
            {item.href ? (
              <Link href={item.href}>{item.name}</Link>
            ) : (
              <span aria-current="page">{item.name}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
