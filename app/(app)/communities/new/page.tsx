import type { Metadata } from "next";
import Link from "next/link";
import { createCommunityAction } from "@/app/_actions/communities";
import { Breadcrumbs } from "@/app/_components/community";
import { ActionForm, RadioGroup, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getCommunityPage } from "@/lib/communities/page";
import type { Visibility } from "@/lib/communities/summaries";
import { NAME_MAX, PURPOSE_MAX } from "@/lib/communities/validation";

export const metadata: Metadata = { title: "Start a community" };

const options: { value: Visibility; label: string; hint: string }[] = [
  { value: "open", label: "Open", hint: "Anyone signed in to Roundtable can find it, read it and join." },
  { value: "restricted", label: "Restricted", hint: "Anyone can find it and see its purpose; people ask to join and facilitators decide. Only members read it." },
  { value: "private", label: "Private", hint: "Unlisted. Only the people you invite know it exists." },
];

export default async function NewCommunityPage({ searchParams }: PageProps<"/communities/new">) {
  const viewer = await requireViewer("/communities/new");
  const { parent: parentSlug } = await searchParams;
  const parent = typeof parentSlug === "string" ? await loadPage(() => getCommunityPage(viewer, parentSlug)) : null;
  const parentPage = parent?.data ?? null;
  if (parentPage && !parentPage.allowed.createSub) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold">You cannot add a sub-community here</h1>
        <p>{parentPage.refusals.createSub}</p>
        <p>
          <Link href={`/c/${parentPage.community.slug}`}>Back to {parentPage.community.name}</Link>
        </p>
      </div>
    );
  }
  // Under a parent, only the visibilities the policy allows it: never more open than the parent.
  const allowedOptions = parentPage ? options.filter((o) => parentPage.visibilityOptions.subCommunity.includes(o.value)) : options;
  return (
    <div className="max-w-2xl space-y-6">
      {parentPage && (
        <Breadcrumbs
          items={[
            ...parentPage.breadcrumb.map((c) => ({ name: c.name, href: `/c/${c.slug}` })),
            { name: parentPage.community.name, href: `/c/${parentPage.community.slug}` },
            { name: "New sub-community" },
          ]}
        />
      )}
      <h1 className="text-3xl font-bold">
        {parentPage ? `Add a sub-community to ${parentPage.community.name}` : "Start a community"}
      </h1>
      <p>You will be its owner. You can invite people and choose facilitators once it exists.</p>
      <ActionForm action={createCommunityAction} submitLabel={parentPage ? "Create sub-community" : "Create community"}>
        {parentPage && <input type="hidden" name="parentSlug" value={parentPage.community.slug} />}
        <TextField name="name" label="Name" maxLength={NAME_MAX + 20} hint={`Up to ${NAME_MAX} characters. Its web address comes from the name and does not change.`} />
        <TextField name="purpose" label="Purpose" multiline rows={4} hint={`What is it for, and who is it for? Up to ${PURPOSE_MAX} characters.`} />
        <RadioGroup
          name="visibility"
          legend="Who can find and join it?"
          hint={parentPage ? `A sub-community cannot be more open than ${parentPage.community.name}.` : undefined}
          options={allowedOptions}
          defaultValue={allowedOptions[0]?.value}
        />
      </ActionForm>
    </div>
  );
}
