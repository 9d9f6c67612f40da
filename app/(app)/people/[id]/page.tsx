import type { Metadata } from "next";
import Link from "next/link";
import { suspendAction } from "@/app/_actions/moderation";
import { Avatar } from "@/app/_components/avatar";
import { ActionForm, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getProfile } from "@/lib/users/people";

export const metadata: Metadata = { title: "Profile" };

const roleNote = { owner: " (owner)", facilitator: " (facilitator)", member: "" } as const;

export default async function ProfilePage({ params }: PageProps<"/people/[id]">) {
  const { id } = await params;
  const viewer = await requireViewer(`/people/${id}`);
  const { data } = await loadPage(() => getProfile(viewer, id));
  if (!data) return null;
  const { person } = data;
  return (
    <div className="max-w-2xl space-y-4">
      <div className="flex items-center gap-4">
        <Avatar name={person.name} seed={person.id} size="lg" />
        <h1 className="text-3xl font-bold">{person.name}</h1>
      </div>
      {(person.jobTitle || person.organisation) && <p className="text-lg">{[person.jobTitle, person.organisation].filter(Boolean).join(", ")}</p>}
      {person.bio && <p className="whitespace-pre-line">{person.bio}</p>}
      {data.suspended && <p className="border-l-4 border-danger bg-panel p-3 font-semibold">This account is suspended.</p>}
      <section aria-labelledby="communities-heading">
        <h2 id="communities-heading" className="text-xl font-bold">
          Communities
        </h2>
        {data.communities.length === 0 ? (
          <p className="text-muted">None that you can see.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {data.communities.map((c) => (
              <li key={c.slug}>
                <Link href={`/c/${c.slug}`}>{c.name}</Link>
                {roleNote[c.role]}
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.canSuspend && (
        <section aria-labelledby="suspend-heading" className="space-y-3 border-2 border-ink p-4">
          <h2 id="suspend-heading" className="text-xl font-bold">
            {data.suspended ? "Lift the suspension" : "Suspend this account"}
          </h2>
          <p>
            {data.suspended
              ? "They will be able to sign in and take part again straight away."
              : "A suspended account cannot read or do anything on Roundtable, from its very next request. You can lift it later."}
          </p>
          <ActionForm action={suspendAction} submitLabel={data.suspended ? "Lift suspension" : "Suspend account"} kind={data.suspended ? "primary" : "danger"}>
            <input type="hidden" name="userId" value={person.id} />
            <input type="hidden" name="suspend" value={String(!data.suspended)} />
            {!data.suspended && <TextField name="reason" label="Reason (kept in the site log)" />}
          </ActionForm>
        </section>
      )}
    </div>
  );
}
