import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/app/_components/community";
import { requireViewer } from "@/lib/auth/request-viewer";
import { listMyReports, reasonLabels } from "@/lib/moderation/reports";

export const metadata: Metadata = { title: "Your reports" };

const statusText = {
  open: "Waiting for a facilitator",
  resolved: "Dealt with by a facilitator",
  dismissed: "Looked at: no action needed",
} as const;

export default async function MyReportsPage() {
  const viewer = await requireViewer("/reports");
  const reports = await listMyReports(viewer);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">Your reports</h1>
      <p>What you have reported to facilitators, and whether they have dealt with it.</p>
      {reports.length === 0 ? (
        <p className="text-muted">You have not reported anything. To report a post or a reply, use the Report link beside it.</p>
      ) : (
        <ul className="space-y-3">
          {reports.map((report) => (
            <li key={report.id} className="border-b border-line pb-3">
              <p className="font-semibold">{statusText[report.status]}</p>
              <p className="text-sm text-muted">
                {report.commentId ? "A reply" : "A post"}: {reasonLabels[report.reason].toLowerCase()}, reported {formatDate(report.createdAt)}
                {report.handledAt && `, handled ${formatDate(report.handledAt)}`}.{" "}
                {report.link && <Link href={report.link}>See it</Link>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
