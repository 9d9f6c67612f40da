import type { Metadata } from "next";
import { AuditTable } from "@/app/_components/audit-table";
import { CommunityHeader } from "@/app/_components/community-header";
import { loadPage } from "@/app/_components/load-page";
import { Pager } from "@/app/_components/pager";
import { pageQuery, withQuery } from "@/app/_components/query";
import { requireViewer } from "@/lib/auth/request-viewer";
import { listCommunityLog } from "@/lib/moderation/audit";
import { communityTitle, loadCommunityPage } from "../../load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/moderation/log">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug, "Moderation log") };
}

export default async function ModerationLogPage({ params, searchParams }: PageProps<"/c/[slug]/moderation/log">) {
  const { slug } = await params;
  const viewer = await requireViewer(`/c/${slug}/moderation/log`);
  const query = pageQuery(await searchParams);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  if (!page.allowed.moderate) {
    return (
      <div>
        <CommunityHeader page={page} current="moderation" title="Moderation log" />
        <p>{page.refusals.moderate}</p>
      </div>
    );
  }
  const { data: log } = await loadPage(() => listCommunityLog(viewer, slug, query));
  const base = `/c/${slug}/moderation/log`;
  return (
    <div className="space-y-6">
      <CommunityHeader page={page} current="moderation" title="Moderation log" />
      <p>Every moderation action in this community. Entries cannot be changed or deleted.</p>
      {log && <AuditTable entries={log.items} caption={`Moderation log of ${page.community.name}`} />}
      <Pager
        label="Log pages"
        first={query.cursor ? { href: base, text: "Newest entries" } : null}
        next={log?.nextCursor ? { href: withQuery(base, { cursor: log.nextCursor }), text: "Older entries" } : null}
      />
    </div>
  );
}
