import type { Metadata } from "next";
import { buttonClass } from "@/app/_components/button-styles";
import { inputClass, labelClass, selectClass } from "@/app/_components/field-styles";
import { loadPage } from "@/app/_components/load-page";
import { Pager } from "@/app/_components/pager";
import { PersonCard } from "@/app/_components/person-card";
import { pageQuery, withQuery } from "@/app/_components/query";
import { requireViewer } from "@/lib/auth/request-viewer";
import { finderChoices, findPeople } from "@/lib/people/finder";

export const metadata: Metadata = { title: "Find people" };

function Choice({ id, label, value, options }: { id: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={`people-${id}`} className={labelClass}>
        {label}
      </label>
      <select id={`people-${id}`} name={id} defaultValue={value ?? ""} className={selectClass}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function PeopleFinderPage({ searchParams }: PageProps<"/people">) {
  const viewer = await requireViewer("/people");
  const query = pageQuery(await searchParams);
  const [{ data, error }, choices] = await Promise.all([loadPage(() => findPeople(viewer, query)), finderChoices(viewer)]);
  const asOptions = (list: readonly string[]) => list.map((value) => ({ value, label: value }));
  const { cursor: _cursor, ...filters } = query;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Find people</h1>
      <p>Find colleagues by name, expertise or where they work. You see only what each person chooses to show you.</p>
      <form method="get" action="/people" role="search" aria-label="People" className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <label htmlFor="people-q" className={labelClass}>
            Name
          </label>
          <input id="people-q" name="q" type="search" defaultValue={query.q ?? ""} className={`${inputClass} w-full`} />
        </div>
        <div>
          <label htmlFor="people-expertise" className={labelClass}>
            Expertise
          </label>
          <input id="people-expertise" name="expertise" type="search" defaultValue={query.expertise ?? ""} className={`${inputClass} w-full`} />
        </div>
        <Choice id="organisation" label="Organisation" value={query.organisation} options={choices.organisations.map((o) => ({ value: o.id, label: o.name }))} />
        <Choice id="area" label="Area of work" value={query.area} options={asOptions(choices.areasOfWork)} />
        <Choice id="region" label="Region" value={query.region} options={asOptions(choices.regions)} />
        <Choice id="community" label="In your community" value={query.community} options={choices.communities.map((c) => ({ value: c.id, label: c.name }))} />
        <div className="flex items-end">
          <button type="submit" className={buttonClass("primary")}>
            Find people
          </button>
        </div>
      </form>
      {error && <p className="font-semibold text-danger">{error.message}</p>}
      {data && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="sr-only">
            People found
          </h2>
          {data.items.length === 0 ? (
            <p>Nobody matches. Try fewer filters, or another spelling.</p>
          ) : (
            <ul className="divide-y divide-line border-y border-line">
              {data.items.map((person) => (
                <li key={person.id}>
                  <PersonCard person={person} headingLevel={3} />
                </li>
              ))}
            </ul>
          )}
          <Pager
            label="More people"
            first={query.cursor ? { href: withQuery("/people", filters), text: "First page" } : null}
            next={data.nextCursor ? { href: withQuery("/people", { ...filters, cursor: data.nextCursor }), text: "Next page" } : null}
          />
        </section>
      )}
    </div>
  );
}
