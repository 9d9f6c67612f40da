import type { Metadata } from "next";
import { requestCommunityExportAction } from "@/app/_actions/exports";
import { CommunityHeader } from "@/app/_components/community-header";
import { ExportList } from "@/app/_components/export-list";
import { ActionForm } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { listCommunityExports } from "@/lib/people/export";
import { communityTitle, loadCommunityPage } from "../../load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/settings/export">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug, "Export") };
}

export default async function CommunityExportPage({ params }: PageProps<"/c/[slug]/settings/export">) {
  const { slug } = await params;
  const viewer = await requireViewer(`/c/${slug}/settings/export`);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  if (!page.allowed.export) {
    return (
      <div>
        <CommunityHeader page={page} current="settings" title="Export this community" />
        <p>{page.refusals.export}</p>
      </div>
    );
  }
  const exports = await listCommunityExports(viewer, slug);
  return (
    <div className="max-w-2xl space-y-6">
      <CommunityHeader page={page} current="settings" title="Export this community" />
      <p>
        Get a copy of this community&apos;s posts, replies, documents and members, and those of the sub-communities under it that you can read, as a zip
        file. Inside are a web page you can read in any browser and the same data as JSON. Only you can download it, for 7 days.
      </p>
      <p>Members appear with only the profile details they let you see. Email addresses are never included.</p>
      <ActionForm action={requestCommunityExportAction} submitLabel="Make an export">
        <input type="hidden" name="slug" value={page.community.slug} />
      </ActionForm>
      <section aria-labelledby="exports-heading" className="space-y-2">
        <h2 id="exports-heading" className="text-2xl font-bold">
          Your exports of this community
        </h2>
        <ExportList exports={exports} checkAgain={`/c/${page.community.slug}/settings/export`} linkText="Download the community's export" />
      </section>
    </div>
  );
}
