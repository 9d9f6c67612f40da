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
  return (
    <span className={`pill pill-${visibility}`} title={text.description}>
      {text.label}
    </span>
  );
}

export function ArchivedBadge() {
  return <span className="badge">Archived</span>;
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

/** A community's size, activity and the viewer's status, as one line of text. */
function cardMeta(community: CommunitySummary): string {
  const parts = [plural(community.memberCount, "member")];
  if (community.subCommunityCount > 0) parts.push(plural(community.subCommunityCount, "sub-community", "sub-communities"));
  parts.push(`active ${formatDate(community.lastActivityAt)}`);
  const status = community.myStatus && statusNote[community.myStatus];
  if (status) parts.push(status);
  return parts.join(" · ");
}

/** One community in a list: name, purpose, counts that the viewer may see, and their status (short class names: app/lists.css). */
export function CommunityCard({ community, headingLevel = 3 }: { community: CommunitySummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="cc">
      <div className="cc-head">
        <Heading>
          <Link href={`/c/${community.slug}`}>{community.name}</Link>
        </Heading>
        <VisibilityBadge visibility={community.visibility} />
        {community.archived && <ArchivedBadge />}
      </div>
      {community.parent && (
        <p className="cc-sub">
          Part of <Link href={`/c/${community.parent.slug}`}>{community.parent.name}</Link>
        </p>
      )}
      {community.purpose && <p className="cc-purpose">{community.purpose}</p>}
      <p className="cc-meta">{cardMeta(community)}</p>
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
