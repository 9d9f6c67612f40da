import type { Metadata } from "next";
import Link from "next/link";
import { requestExportAction } from "@/app/_actions/exports";
import { formatDate } from "@/app/_components/community";
import { ActionForm } from "@/app/_components/form";
import { requireViewer } from "@/lib/auth/request-viewer";
import { listExports } from "@/lib/people/export";

export const metadata: Metadata = { title: "Download your data" };

const statusText = { queued: "Waiting to start", running: "Being made", ready: "Ready", failed: "Could not be made" } as const;

export default async function ExportPage() {
  const viewer = await requireViewer("/settings/export");
  const exports = await listExports(viewer);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">Download your data</h1>
      <p>
        Get a copy of everything you wrote in your communities (posts and replies) and your profile and settings, as a zip file. Inside are a web page you can
        read in any browser and the same data as JSON. Only you can download it, for 7 days.
      </p>
      <p>It holds nothing from communities you have left.</p>
      <ActionForm action={requestExportAction} submitLabel="Make my export" />
      <section aria-labelledby="exports-heading" className="space-y-2">
        <h2 id="exports-heading" className="text-2xl font-bold">
          Your exports
        </h2>
        {exports.length === 0 ? (
          <p>You have no exports.</p>
        ) : (
          <ul className="divide-y divide-line border-y border-line">
            {exports.map((e) => (
              <li key={e.id} className="py-3">
                <p className="font-semibold">Asked for on {formatDate(e.createdAt)}</p>
                {e.status === "ready" ? (
                  <p>
                    <a href={`/settings/export/${e.id}`} download>
                      Download your export (zip, {Math.max(1, Math.round((e.size ?? 0) / 1024))} KB)
                    </a>{" "}
                    · available until {formatDate(e.expiresAt)}
                  </p>
                ) : (
                  <p>
                    {statusText[e.status]}
                    {e.status === "running" && `: ${e.progress}% done`}.{" "}
                    {e.status !== "failed" && <Link href="/settings/export">Check again</Link>}
                  </p>
                )}
                {e.status !== "ready" && e.status !== "failed" && (
                  <progress value={e.progress} max={100} aria-label="How far your export has got" className="w-full max-w-sm" />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
