import type { CommunityAnalytics } from "@/lib/analytics/community";
import type { HeadlineRow } from "@/lib/analytics/definitions";
import { change, weekLabel } from "./words";

// The tables on the figures page: the headline comparison and the week-by-week figures that
// the charts draw. Each has a caption and a link to the same table as a CSV file.

const n = (value: number | null, suffix = "") => (value === null ? "None yet" : `${value.toLocaleString("en-GB")}${suffix}`);
const cell = "py-2 pr-4";
const number = `${cell} text-right tabular-nums`;

export function Download({ href, what }: { href: string; what: string }) {
  return (
    <p>
      <a href={href} download>
        Download {what} (CSV)
      </a>
    </p>
  );
}

export function HeadlineTable({ rows, caption }: { rows: HeadlineRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="pb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className={cell}>Figure</th>
            <th scope="col" className={`${cell} text-right`}>This period</th>
            <th scope="col" className={`${cell} text-right`}>Previous period</th>
            <th scope="col" className={cell}>Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const suffix = row.unit;
            return (
              <tr key={row.key} className="border-b border-line align-top">
                <th scope="row" className={`${cell} font-semibold`}>
                  {row.label}
                </th>
                <td className={number}>{n(row.current, suffix)}</td>
                <td className={number}>{n(row.previous, suffix)}</td>
                <td className={cell}>{change(row.current, row.previous)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type WeekRow = { start: string; end: string };
type Column<W> = { key: Exclude<keyof W & string, "start" | "end">; label: string };

/** Week-by-week figures: the table alternative for a chart. */
export function WeeksTable<W extends WeekRow = CommunityAnalytics["weeks"][number]>({ weeks, columns, caption }: { weeks: W[]; columns: Column<W>[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="pb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className={cell}>Week</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`${cell} text-right`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.start} className="border-b border-line">
              <th scope="row" className={`${cell} font-normal whitespace-nowrap`}>
                {weekLabel(w)}
              </th>
              {columns.map((c) => (
                <td key={c.key} className={number}>
                  {Number(w[c.key]).toLocaleString("en-GB")}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
