import { redirect } from "next/navigation";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { openNotification } from "@/lib/notifications/inbox";

/** Following a notification (from the page or an email): marks it read and goes to what it is about. */
export default async function OpenNotificationPage({ params }: PageProps<"/notifications/[id]">) {
  const { id } = await params;
  const viewer = await requireViewer(`/notifications/${id}`);
  const { data } = await loadPage(() => openNotification(viewer, id));
  redirect(data ?? "/notifications");
}
