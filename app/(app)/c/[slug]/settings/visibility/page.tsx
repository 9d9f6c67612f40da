import type { Metadata } from "next";
import Link from "next/link";
import { changeVisibilityAction } from "@/app/_actions/communities";
import { CommunityHeader } from "@/app/_components/community-header";
import { ActionForm } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { communityTitle, loadCommunityPage } from "../../load";

const consequences: Record<string, string> = {
  open: "Anyone signed in to Roundtable will be able to read everything in it, including everything already written, and join it.",
  restricted: "Anyone signed in will be able to see its name, purpose and size, and ask to join.",
};

export async function generateMetadata({ params }: PageProps<"/c/[slug]/settings/visibility">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug, "Open this community") };
}

/** The confirmation step before a community is opened to more people. */
export default async function ConfirmOpeningPage({ params, searchParams }: PageProps<"/c/[slug]/settings/visibility">) {
  const { slug } = await params;
  const { to } = await searchParams;
  await requireViewer(`/c/${slug}/settings`);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  const target = typeof to === "string" && to in consequences && to !== page.community.visibility ? to : null;
  return (
    <div className="max-w-2xl space-y-6">
      <CommunityHeader page={page} current="settings" title={`Make it ${target ?? "more open"}?`} />
      {target ? (
        <>
          <p>
            “{page.community.name}” is {page.community.visibility} now. {consequences[target]} Its {page.community.memberCount}{" "}
            members will be told by email, and the change is kept in the moderation log.
          </p>
          <ActionForm action={changeVisibilityAction} submitLabel={`Yes, make it ${target}`} kind="danger">
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="visibility" value={target} />
            <input type="hidden" name="confirm" value="yes" />
          </ActionForm>
        </>
      ) : (
        <p>Choose who can find and join it on the settings page.</p>
      )}
      <p>
        <Link href={`/c/${slug}/settings`}>No, go back to the settings</Link>
      </p>
    </div>
  );
}
