import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/app/_components/admin-nav";
import { buttonClass } from "@/app/_components/button-styles";
import { change, longDay } from "@/app/_components/figures/words";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery } from "@/app/_components/query";
import { getPlatformFigures, platformLabels } from "@/lib/admin/platform";
import { periods } from "@/lib/analytics/period";
import { requireViewer } from "@/lib/auth/request-viewer";

export const metadata: Metadata = { title: "Site administration" };

const cell = "py-2 pr-4";
const number = `${cell} text-right tabular-nums`;
const n = (value: number | null) => (value === null ? "None" : value.toLocaleString("en-GB"));

export default async function AdminPage({ searchParams }: PageProps<"/admin">) {
  const viewer = await requireViewer("/admin");
  const query = pageQuery(await searchParams);
  const { data } = await loadPage(() => getPlatformFigures(viewer, query));
  if (!data) return null;
  const { period } = data;
  return (
    <div className="space-y-8">
      <AdminNav current="figures" />
      <h1 className="text-3xl font-bold">Site administration</h1>
      <section aria-labelledby="now-heading" className="space-y-3">
        <h2 id="now-heading" className="text-2xl font-bold">
          Now
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            {n(data.now.people)} accounts: <Link href="/admin/people?show=suspended">{n(data.now.suspended)} suspended</Link>,{" "}
            <Link href="/admin/people?show=unverified">{n(data.now.unverified)} with an address not confirmed</Link>
          </li>
          <li>
            {n(data.now.communities)} communities, {n(data.now.archived)} archived:{" "}
            <Link href="/admin/communities?show=quiet">{n(data.now.quiet)} gone quiet</Link> (nothing posted or replied for 4 weeks)
          </li>
        </ul>
      </section>
      <section aria-labelledby="period-heading" className="space-y-4">
        <h2 id="period-heading" className="text-2xl font-bold">
          This period against the one before
        </h2>
        <form method="get" action="/admin" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="period" className="block font-semibold">
              Period
            </label>
            <select id="period" name="period" defaultValue={period.key} className="border-2 border-ink bg-white px-2 py-1">
              {Object.entries(periods).map(([key, p]) => (
                <option key={key} value={key}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            Show figures
          </button>
        </form>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="pb-2 text-left font-semibold">
              {longDay(period.start)} to {longDay(period.end)}, against {longDay(period.previous.start)} to {longDay(period.previous.end)}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className={cell}>Figure</th>
                <th scope="col" className={`${cell} text-right`}>This period</th>
                <th scope="col" className={`${cell} text-right`}>Previous period</th>
                <th scope="col" className={cell}>Change</th>
                <th scope="col" className={cell}>What it counts</th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(platformLabels) as (keyof typeof platformLabels)[]).map((key) => (
                <tr key={key} className="border-b border-line align-top">
                  <th scope="row" className={cell}>{platformLabels[key][0]}</th>
                  <td className={number}>{n(data.compared[key].current)}</td>
                  <td className={number}>{n(data.compared[key].previous)}</td>
                  <td className={cell}>{change(data.compared[key].current, data.compared[key].previous)}</td>
                  <td className={`${cell} text-sm`}>{platformLabels[key][1]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
