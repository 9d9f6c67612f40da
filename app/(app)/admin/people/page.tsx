import type { Metadata } from "next";
import Link from "next/link";
import { adminSuspendAction, adminUnsuspendAction, resendVerificationAction } from "@/app/_actions/admin";
import { AdminNav } from "@/app/_components/admin-nav";
import { buttonClass } from "@/app/_components/button-styles";
import { ActionButton, ActionForm, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery, withQuery } from "@/app/_components/query";
import { listPeople } from "@/lib/admin/people";
import { requireViewer } from "@/lib/auth/request-viewer";
import { LiveRegion } from "@/app/_components/live-region";

export const metadata: Metadata = { title: "People · Site administration" };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" });
const showLabels = { all: "Everyone", unverified: "Address not confirmed", suspended: "Suspended" } as const;

export default async function PeoplePage({ searchParams }: PageProps<"/admin/people">) {
  const viewer = await requireViewer("/admin/people");
  const query = pageQuery(await searchParams);
  const { data, error } = await loadPage(() => listPeople(viewer, query));
  const back = withQuery("/admin/people", { q: query.q, organisation: query.organisation, show: query.show });
  // The outcome of a change just made from this list, for someone in it: see app/_actions/admin.ts.
  const [outcome, changedId] = (query.changed ?? "").split(":");
  const changedPerson = data?.items.find((p) => p.id === changedId);
  const changed = changedPerson && (outcome === "suspended" || outcome === "restored") ? { outcome, name: changedPerson.name } : null;
  return (
    <div className="space-y-6">
      <AdminNav current="people" />
      <h1 className="text-3xl font-bold">People</h1>
      <form method="get" action="/admin/people" className="flex flex-wrap items-end gap-4" role="search" aria-label="People">
        <div>
          <label htmlFor="people-q" className="block font-semibold">
            Name or email
          </label>
          <input id="people-q" name="q" type="search" defaultValue={query.q ?? ""} className="border-2 border-ink px-2 py-1" />
        </div>
        <div>
          <label htmlFor="people-organisation" className="block font-semibold">
            Organisation
          </label>
          <input id="people-organisation" name="organisation" defaultValue={query.organisation ?? ""} className="border-2 border-ink px-2 py-1" />
        </div>
        <div>
          <label htmlFor="people-show" className="block font-semibold">
            Show
          </label>
          <select id="people-show" name="show" defaultValue={data?.query.show ?? "all"} className="border-2 border-ink bg-white px-2 py-1">
            {Object.entries(showLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Find people
        </button>
      </form>
      <LiveRegion role="status" className="border-l-4 border-success bg-panel p-3 font-semibold">
        {changed && (changed.outcome === "suspended" ? `${changed.name}'s account is suspended. Lift the suspension to undo.` : `${changed.name} can use Roundtable again.`)}
      </LiveRegion>
      {error && <p className="font-semibold text-danger">{error.message}</p>}
      {data && data.items.length === 0 && <p>Nobody matches. Try fewer words, or show everyone.</p>}
      {data && data.items.length > 0 && (
        <ul className="divide-y divide-line border-y border-line">
          {data.items.map((person, i) => (
            <li key={person.id} className="flex flex-wrap items-start justify-between gap-4 py-3">
              <div>
                <p>
                  <Link href={`/people/${person.id}`} className="font-semibold">
                    {person.name || "No name given"}
                  </Link>
                  {person.siteRole === "admin" && <span className="ml-2 text-sm font-semibold">Site administrator</span>}
                  {person.status === "suspended" && <span className="ml-2 rounded bg-danger px-2 text-sm font-semibold text-white">Suspended</span>}
                </p>
                <p className="text-sm">{person.email}</p>
                <p className="text-sm text-muted">
                  {[person.jobTitle, person.organisation].filter(Boolean).join(", ") || "No organisation given"} · joined {date.format(person.createdAt)} ·{" "}
                  {person.emailVerified ? "address confirmed" : "address not confirmed"}
                </p>
              </div>
              <div className="flex flex-wrap items-start gap-3">
                {person.canResend && <ActionButton action={resendVerificationAction} label={`Resend confirmation to ${person.name}`} kind="secondary" fields={{ userId: person.id }} />}
                {person.canSuspend && person.status === "suspended" && (
                  <ActionButton action={adminUnsuspendAction} label={`Lift the suspension of ${person.name}`} fields={{ userId: person.id, back }} />
                )}
                {person.canSuspend && person.status === "active" && (
                  <details className="max-w-sm">
                    <summary className="cursor-pointer font-semibold text-danger">Suspend {person.name}</summary>
                    <ActionForm action={adminSuspendAction} submitLabel={`Suspend ${person.name}`} kind="danger" idPrefix={`suspend-${i}`} className="mt-2 space-y-3">
                      <input type="hidden" name="userId" value={person.id} />
                      <input type="hidden" name="back" value={back} />
                      <TextField name="reason" label="Reason (kept in the site log)" />
                    </ActionForm>
                  </details>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="People pages" className="flex gap-6">
        {query.cursor && <Link href={withQuery("/admin/people", { ...query, cursor: undefined })}>First page</Link>}
        {data?.nextCursor && (
          <Link href={withQuery("/admin/people", { ...query, cursor: data.nextCursor })} rel="next">
            Next page
          </Link>
        )}
      </nav>
    </div>
  );
}
