import type { Metadata } from "next";
import Link from "next/link";
import { markAllReadAction } from "@/app/_actions/notifications";
import { formatDate } from "@/app/_components/community";
import { ActionButton } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery, withQuery } from "@/app/_components/query";
import { requireViewer } from "@/lib/auth/request-viewer";
import { listNotifications } from "@/lib/notifications/inbox";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: PageProps<"/notifications">) {
  const viewer = await requireViewer("/notifications");
  const query = pageQuery(await searchParams);
  const { data, error } = await loadPage(() => listNotifications(viewer, query));
  const items = data?.items ?? [];
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">Notifications</h1>
      <div className="flex flex-wrap items-start gap-4">
        {items.some((n) => n.unread) && <ActionButton action={markAllReadAction} label="Mark all as read" kind="secondary" />}
        <Link href="/settings/notifications" className="py-2">
          Choose what you are told about, and what is emailed
        </Link>
      </div>
      {error && <p className="font-semibold text-danger">{error.message}</p>}
      {data && items.length === 0 && (
        <p className="text-muted">
          Nothing yet. You will be told here when someone replies to you, mentions you, or answers your question.{" "}
          <Link href="/communities">Find communities to join</Link>.
        </p>
      )}
      {items.length > 0 && (
        <ol className="space-y-1" aria-label="Your notifications">
          {items.map((n) => (
            <li key={n.id} className={`border-l-4 py-2 pl-3 ${n.unread ? "border-brand bg-panel" : "border-transparent"}`}>
              {n.unread && <span className="mr-2 rounded bg-brand px-2 text-sm font-semibold text-white">New</span>}
              {n.path ? (
                <Link href={`/notifications/${n.id}`} prefetch={false}>
                  {n.lead} {n.title && <strong>{n.title}</strong>}
                </Link>
              ) : (
                <span className="text-muted">{n.lead}</span>
              )}
              {n.detail && <span className="block text-sm">{n.detail}</span>}
              <span className="block text-sm text-muted">{formatDate(n.at)}</span>
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="Notification pages" className="flex gap-6">
        {query.cursor && <Link href="/notifications">Newest</Link>}
        {data?.nextCursor && (
          <Link href={withQuery("/notifications", { cursor: data.nextCursor })} rel="next">
            Older notifications
          </Link>
        )}
      </nav>
    </div>
  );
}
