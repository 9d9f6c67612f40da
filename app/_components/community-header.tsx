import Link from "next/link";
import { requireActiveViewer } from "@/lib/auth/request-viewer";
import { moderationBadge } from "@/lib/moderation/reports";
import type { getCommunityPage } from "@/lib/communities/page";
import { ArchivedBadge, Breadcrumbs, plural, VisibilityBadge } from "./community";

type Page = Awaited<ReturnType<typeof getCommunityPage>>;
type Tab = "about" | "members" | "invite" | "settings" | "moderation" | "figures";

/** The community's name, place and tabs, shown at the top of each of its pages. */
export async function CommunityHeader({ page, current, title }: { page: Page; current: Tab; title?: string }) {
  const { community, allowed } = page;
  const base = `/c/${community.slug}`;
  const waiting = allowed.moderate ? await moderationBadge(await requireActiveViewer(), community.id) : 0;
  const tabs: { id: Tab; label: string; href: string; show: boolean }[] = [
    { id: "about", label: "Discussions", href: base, show: true },
    { id: "members", label: "Members", href: `${base}/members`, show: allowed.viewMembers },
    { id: "invite", label: "Invite", href: `${base}/invite`, show: allowed.invite },
    { id: "settings", label: "Settings", href: `${base}/settings`, show: allowed.edit || allowed.archive },
    { id: "moderation", label: "Moderation", href: `${base}/moderation`, show: allowed.moderate },
    { id: "figures", label: "Figures", href: `${base}/figures`, show: allowed.viewAnalytics },
  ];
  return (
    <div className="mb-6 space-y-3">
      <Breadcrumbs
        items={[
          { name: "Communities", href: "/communities" },
          ...page.breadcrumb.map((c) => ({ name: c.name, href: `/c/${c.slug}` })),
          current === "about" && !title ? { name: community.name } : { name: community.name, href: base },
          ...(title ? [{ name: title }] : []),
        ]}
      />
      <div className="flex flex-wrap items-center gap-3">
        {title ? (
          <p className="text-xl font-bold">{community.name}</p>
        ) : (
          <h1 className="text-3xl font-bold">{community.name}</h1>
        )}
        <VisibilityBadge visibility={community.visibility} />
        {community.archived && <ArchivedBadge />}
      </div>
      {title && <h1 className="text-3xl font-bold">{title}</h1>}
      <p className="text-muted">
        {plural(community.memberCount, "member")}
        {page.subCommunities.length > 0 && ` · ${plural(page.subCommunities.length, "sub-community", "sub-communities")}`}
      </p>
      {community.archived && (
        <p className="border-l-4 border-ink bg-panel p-3">
          This community is archived. You can read it, but nothing new can be added.
        </p>
      )}
      <nav aria-label="Community sections">
        <ul className="flex flex-wrap gap-1 border-b-2 border-line">
          {tabs
            .filter((tab) => tab.show)
            .map((tab) => (
              <li key={tab.id}>
                <Link
                  href={tab.href}
                  aria-current={tab.id === current ? "page" : undefined}
                  className={`-mb-0.5 inline-block border-b-4 px-3 py-2 font-semibold no-underline ${tab.id === current ? "border-brand text-ink" : "border-transparent"}`}
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
    </div>
  );
}
