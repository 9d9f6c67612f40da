import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/app/_components/audit-table";
import { CommunityHeader } from "@/app/_components/community-header";
import { loadPage } from "@/app/_components/load-page";
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
        <p>Only this community&apos;s facilitators can read its moderation log.</p>
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
      <nav aria-label="Log pages" className="flex gap-6">
        {query.cursor && <Link href={base}>Newest</Link>}
        {log?.nextCursor && (
          <Link href={withQuery(base, { cursor: log.nextCursor })} rel="next">
            Older entries
          </Link>
        )}
      </nav>
    </div>
  );
}
