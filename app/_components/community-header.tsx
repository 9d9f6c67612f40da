import Link from "next/link";
import { requireActiveViewer } from "@/lib/auth/request-viewer";
import { moderationBadge } from "@/lib/moderation/reports";
import type { CommunityHeaderData } from "@/lib/communities/page";
import { ArchivedBadge, Breadcrumbs, plural, VisibilityBadge } from "./community";

type Tab = "about" | "events" | "library" | "members" | "invite" | "settings" | "moderation" | "figures";

/**
 * The top of every page of a community, the same on each: breadcrumbs, the community's name
 * and badges, its size, the archived notice and the tabs. A tab's page passes its `title`
 * (shown as the page's heading under the tabs); a page with a heading of its own, such as a
 * post, passes only `crumb` and writes its heading itself. With neither, the name is the heading.
 */
export async function CommunityHeader({ page, current, title, crumb = title }: { page: CommunityHeaderData; current: Tab; title?: string; crumb?: string }) {
  const { community, allowed } = page;
  const base = `/c/${community.slug}`;
  const waiting = allowed.moderate ? await moderationBadge(await requireActiveViewer(), community.id) : 0;
  const tabs: { id: Tab; label: string; href: string; show: boolean }[] = [
    { id: "about", label: "Discussions", href: base, show: true },
    { id: "events", label: "Events", href: `${base}/events`, show: allowed.read },
    { id: "library", label: "Library", href: `${base}/library`, show: allowed.read },
    { id: "members", label: "Members", href: `${base}/members`, show: allowed.viewMembers },
    { id: "invite", label: "Invite", href: `${base}/invite`, show: allowed.invite },
    { id: "settings", label: "Settings", href: `${base}/settings`, show: allowed.edit || allowed.archive },
    { id: "moderation", label: "Moderation", href: `${base}/moderation`, show: allowed.moderate },
    { id: "figures", label: "Figures", href: `${base}/figures`, show: allowed.viewAnalytics },
  ];
  const Name = crumb ? "p" : "h1";
  return (
    <div className="mb-8">
      <Breadcrumbs
        items={[
          { name: "Communities", href: "/communities" },
          ...page.breadcrumb.map((c) => ({ name: c.name, href: `/c/${c.slug}` })),
          crumb ? { name: community.name, href: base } : { name: community.name },
          ...(crumb ? [{ name: crumb }] : []),
        ]}
      />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Name className="text-3xl font-bold">{community.name}</Name>
        <VisibilityBadge visibility={community.visibility} />
        {community.archived && <ArchivedBadge />}
      </div>
      <p className="mt-1 text-muted">
        {plural(community.memberCount, "member")}
        {page.subCommunityCount > 0 && ` · ${plural(page.subCommunityCount, "sub-community", "sub-communities")}`}
      </p>
      {community.archived && (
        <p className="mt-3 border-l-4 border-ink bg-panel p-3">This community is archived: nothing new can be added to it.</p>
      )}
      {/* On a narrow screen (or zoomed in) the tabs wrap onto a second row: none is hidden off to the side. */}
      <nav aria-label="Community sections" className="mt-4">
        <ul className="flex flex-wrap gap-x-1 border-b-2 border-line">
          {tabs
            .filter((tab) => tab.show)
            .map((tab) => (
              <li key={tab.id}>
                <Link
                  href={tab.href}
                  aria-current={tab.id === current ? "page" : undefined}
                  className="tab"
                >
                  {tab.label}
                  {tab.id === "moderation" && waiting > 0 && (
                    <span className="ml-2 rounded-full bg-danger px-2 text-sm text-white">
                      {waiting}
                      <span className="sr-only"> waiting</span>
                    </span>
                  )}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      {title && <h1 className="mt-6 text-2xl font-bold">{title}</h1>}
    </div>
  );
}
