import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/app/_components/load-page";
import { Pager } from "@/app/_components/pager";
import { PersonCard } from "@/app/_components/person-card";
import { pageQuery, withQuery } from "@/app/_components/query";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getOrganisationPage } from "@/lib/people/organisation-page";

export const metadata: Metadata = { title: "Organisation" };

export default async function OrganisationPage({ params, searchParams }: PageProps<"/people/organisations/[id]">) {
  const { id } = await params;
  const viewer = await requireViewer(`/people/organisations/${id}`);
  const query = pageQuery(await searchParams);
  const { data } = await loadPage(() => getOrganisationPage(viewer, id, query));
  if (!data) return null;
  const path = `/people/organisations/${id}`;
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">{data.organisation.name}</h1>
      <section aria-labelledby="org-communities-heading">
        <h2 id="org-communities-heading" className="text-xl font-bold">
          Where they are active
        </h2>
        {data.communities.length === 0 ? (
          <p className="text-muted">No communities that you can see.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {data.communities.map((c) => (
              <li key={c.slug}>
                <Link href={`/c/${c.slug}`}>{c.name}</Link> <span className="text-muted">({c.people} from here)</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="org-people-heading">
        <h2 id="org-people-heading" className="text-xl font-bold">
          People
        </h2>
        <ul className="divide-y divide-line border-y border-line">
          {data.people.items.map((person) => (
            <li key={person.id}>
              <PersonCard person={person} headingLevel={3} />
            </li>
          ))}
        </ul>
        <Pager
          label="More people"
          first={query.cursor ? { href: path, text: "First page" } : null}
          next={data.people.nextCursor ? { href: withQuery(path, { cursor: data.people.nextCursor }), text: "Next page" } : null}
        />
      </section>
    </div>
  );
}
