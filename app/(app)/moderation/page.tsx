import type { Metadata } from "next";
import { AuditTable } from "@/app/_components/audit-table";
import { loadPage } from "@/app/_components/load-page";
import { Pager } from "@/app/_components/pager";
import { pageQuery, withQuery } from "@/app/_components/query";
import { requireViewer } from "@/lib/auth/request-viewer";
import { listSiteLog } from "@/lib/moderation/audit";

export const metadata: Metadata = { title: "Site moderation log" };

/** Every moderation action on the site, for site admins. */
export default async function SiteLogPage({ searchParams }: PageProps<"/moderation">) {
  const viewer = await requireViewer("/moderation");
  const query = pageQuery(await searchParams);
  const { data: log, error } = await loadPage(() => listSiteLog(viewer, query));
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Site moderation log</h1>
      {error ? (
        <p>{error.message}</p>
      ) : (
        <>
          <p>Every moderation action in every community, and every suspension. Entries cannot be changed or deleted.</p>
          <AuditTable entries={log!.items} caption="Site moderation log" showCommunity />
          <Pager
            label="Log pages"
            first={query.cursor ? { href: "/moderation", text: "Newest entries" } : null}
            next={log!.nextCursor ? { href: withQuery("/moderation", { cursor: log!.nextCursor }), text: "Older entries" } : null}
          />
        </>
      )}
    </div>
  );
}
