import type { Metadata } from "next";
import Link from "next/link";
import { suspendAction } from "@/app/_actions/moderation";
import { Avatar } from "@/app/_components/avatar";
import { formatDate, plural } from "@/app/_components/community";
import { ActionForm, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getPersonPage } from "@/lib/people/person";

export const metadata: Metadata = { title: "Profile" };

const roleNote = { owner: " (owner)", facilitator: " (facilitator)", member: "" } as const;
const contactNote: Record<string, string> = {
  welcome: "Happy to be contacted about their work.",
  communities: "Prefers to be contacted through a community you share.",
  none: "Prefers not to be contacted.",
};

export default async function ProfilePage({ params }: PageProps<"/people/[id]">) {
  const { id } = await params;
  const viewer = await requireViewer(`/people/${id}`);
  const { data } = await loadPage(() => getPersonPage(viewer, id));
  if (!data) return null;
  const { person, counts } = data;
  const details: [string, React.ReactNode][] = [
    ["Job title", person.jobTitle],
    ["Organisation", person.organisationId && <Link href={`/people/organisations/${person.organisationId}`}>{person.organisation}</Link>],
    ["Area of work", person.areaOfWork],
    ["Region", person.region],
    ["Expertise", person.expertise?.length ? person.expertise.join(", ") : null],
    ["Contact", person.contactPreference && contactNote[person.contactPreference]],
  ];
  const shown = details.filter(([, value]) => value);
  return (
    <div className="max-w-2xl space-y-6">
      <div className="flex items-center gap-4">
        <Avatar name={person.name} seed={person.id} size="lg" photo={person.hasPhoto ? `/people/${person.id}/photo` : undefined} />
        <h1 className="text-3xl font-bold">{person.name}</h1>
      </div>
      {shown.length > 0 && (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          {shown.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {person.bio && <p className="whitespace-pre-line">{person.bio}</p>}
      {data.suspended && <p className="border-l-4 border-danger bg-panel p-3 font-semibold">This account is suspended.</p>}
      <section aria-labelledby="activity-heading" className="space-y-2">
        <h2 id="activity-heading" className="text-xl font-bold">
          Activity you can see
        </h2>
        <p>
          {plural(counts.posts, "post")} · {plural(counts.accepted, "accepted answer")} · {plural(counts.helpful, "helpful mark")} received
        </p>
        {data.posts.length > 0 && (
          <ul className="list-disc space-y-1 pl-6">
            {data.posts.map((post) => (
              <li key={post.id}>
                <Link href={`/c/${post.communitySlug}/${post.kind === "event" ? "events" : "posts"}/${post.id}`}>{post.title}</Link>{" "}
                <span className="text-muted">
                  in {post.communityName}, {formatDate(post.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
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
