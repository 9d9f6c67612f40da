import Link from "next/link";
import { formatDate } from "@/app/_components/community";

// A list of exports with their progress and, once ready, the download link: for a member's own
// exports and for a community's.

type ExportRow = { id: string; status: "queued" | "running" | "ready" | "failed"; progress: number; size: number | null; createdAt: Date; expiresAt: Date };

const statusText = { queued: "Waiting to start", running: "Being made", ready: "Ready", failed: "Could not be made" } as const;

export function ExportList({ exports, checkAgain, linkText }: { exports: ExportRow[]; checkAgain: string; linkText: string }) {
  if (exports.length === 0) return <p>There are no exports yet.</p>;
  return (
    <ul className="divide-y divide-line border-y border-line">
      {exports.map((e) => (
        <li key={e.id} className="py-3">
          <p className="font-semibold">Asked for on {formatDate(e.createdAt)}</p>
          {e.status === "ready" ? (
            <p>
              <a href={`/settings/export/${e.id}`} download>
                {linkText} (zip, {Math.max(1, Math.round((e.size ?? 0) / 1024))} KB)
              </a>{" "}
              · available until {formatDate(e.expiresAt)}
            </p>
          ) : (
            <p>
              {statusText[e.status]}
              {e.status === "running" && `: ${e.progress}% done`}.{" "}
              {e.status !== "failed" && <Link href={checkAgain}>Check again</Link>}
            </p>
          )}
          {e.status !== "ready" && e.status !== "failed" && (
            <progress value={e.progress} max={100} aria-label="How far the export has got" className="w-full max-w-sm" />
          )}
        </li>
      ))}
    </ul>
  );
}
