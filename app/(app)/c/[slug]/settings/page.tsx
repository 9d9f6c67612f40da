import type { Metadata } from "next";
import Link from "next/link";
import { archiveCommunityAction, changeVisibilityAction, updateCommunityAction } from "@/app/_actions/communities";
import { CommunityHeader } from "@/app/_components/community-header";
import { ActionButton, ActionForm, RadioGroup, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { NAME_MAX } from "@/lib/communities/validation";
import { communityTitle, loadCommunityPage } from "../load";
import { LiveRegion } from "@/app/_components/live-region";

const visibilityChoices = [
  { value: "open", label: "Open", hint: "Anyone signed in can read and join." },
  { value: "restricted", label: "Restricted", hint: "Listed; people ask to join; only members read it." },
  { value: "private", label: "Private", hint: "Unlisted; by invitation only." },
] as const;

export async function generateMetadata({ params }: PageProps<"/c/[slug]/settings">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug, "Settings") };
}

export default async function SettingsPage({ params, searchParams }: PageProps<"/c/[slug]/settings">) {
  const { slug } = await params;
  const { visibility: changed } = await searchParams;
  await requireViewer(`/c/${slug}/settings`);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  const { community, allowed } = page;
  if (!allowed.edit && !allowed.archive) {
    return (
      <div>
        <CommunityHeader page={page} current="settings" title="Settings" />
        <p>{page.refusals.edit}</p>
      </div>
    );
  }
  return (
    <div className="space-y-10">
      <CommunityHeader page={page} current="settings" title="Settings" />
      {allowed.edit && (
        <section aria-labelledby="details-heading" className="max-w-2xl space-y-4">
          <h2 id="details-heading" className="text-2xl font-bold">
            Name and purpose
          </h2>
          <ActionForm action={updateCommunityAction} submitLabel="Save changes" idPrefix="details">
            <input type="hidden" name="slug" value={community.slug} />
            <TextField name="name" label="Name" defaultValue={community.name} maxLength={NAME_MAX + 20} hint="The web address stays the same when you rename it." />
            <TextField name="purpose" label="Purpose" defaultValue={community.purpose} multiline rows={4} />
          </ActionForm>
        </section>
      )}
      {allowed.edit && (
        <section aria-labelledby="visibility-heading" className="max-w-2xl space-y-4">
          <h2 id="visibility-heading" className="text-2xl font-bold">
            Who can find and join it
          </h2>
          <LiveRegion role="status" className="font-semibold text-success">
            {changed === "changed" && "Saved. Its members have been told."}
          </LiveRegion>
          <ActionForm action={changeVisibilityAction} submitLabel="Save who can join" idPrefix="visibility">
            <input type="hidden" name="slug" value={community.slug} />
            <RadioGroup
              name="visibility"
              legend="Who can find and join it?"
              hint="Making it more closed also makes its sub-communities at least as closed. Opening it to more people is for its owners, and asks you to confirm."
              defaultValue={community.visibility}
              options={visibilityChoices.filter((o) => page.visibilityOptions.settings.includes(o.value))}
            />
          </ActionForm>
        </section>
      )}
      {allowed.export && (
        <section aria-labelledby="export-heading" className="max-w-2xl space-y-3">
          <h2 id="export-heading" className="text-2xl font-bold">
            Export this community
          </h2>
          <p>Download its posts, replies, documents and members as a zip file, to keep or to move elsewhere.</p>
          <p>
            <Link href={`/c/${community.slug}/settings/export`}>Export this community</Link>
          </p>
        </section>
      )}
      {allowed.archive && (
        <section aria-labelledby="archive-heading" className="max-w-2xl space-y-3">
          <h2 id="archive-heading" className="text-2xl font-bold">
            {community.archived ? "Archived" : "Archive this community"}
          </h2>
          <p>
            {community.archived
              ? "Members can still read it, but nothing new can be added. You can bring it back at any time."
              : "An archived community stays readable for its members, but nothing new can be added to it. You can undo this."}
          </p>
          <ActionButton
            action={archiveCommunityAction}
            label={community.archived ? "Bring back this community" : "Archive this community"}
            kind={community.archived ? "primary" : "danger"}
            fields={{ slug: community.slug, archived: community.archived ? "false" : "true" }}
          />
        </section>
      )}
    </div>
  );
}
