import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/app/_components/audit-table";
import { loadPage } from "@/app/_components/load-page";
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
          <nav aria-label="Log pages" className="flex gap-6">
            {query.cursor && <Link href="/moderation">Newest</Link>}
            {log!.nextCursor && (
              <Link href={withQuery("/moderation", { cursor: log!.nextCursor })} rel="next">
                Older entries
              </Link>
            )}
          </nav>
        </>
      )}
    </div>
  );
}
