import type { Metadata } from "next";
import { requestExportAction } from "@/app/_actions/exports";
import { ExportList } from "@/app/_components/export-list";
import { ActionForm } from "@/app/_components/form";
import { requireViewer } from "@/lib/auth/request-viewer";
import { listExports } from "@/lib/people/export";

export const metadata: Metadata = { title: "Download your data" };

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
        <ExportList exports={exports} checkAgain="/settings/export" linkText="Download your export" />
      </section>
    </div>
  );
}
