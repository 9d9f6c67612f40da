import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";

// The period a page of figures covers. Weeks are the seven days ending on the same weekday as
// today, so the period always ends today and compares with a previous period of exactly the
// same length. Days are UK dates (Europe/London), as the database's roundtable_day() makes them.

export const periods = {
  "4-weeks": { weeks: 4, label: "4 weeks" },
  quarter: { weeks: 13, label: "Quarter (13 weeks)" },
  year: { weeks: 52, label: "Year (52 weeks)" },
} as const;
export type PeriodKey = keyof typeof periods;

export const periodSchema = z.object({
  period: z.enum(Object.keys(periods) as [PeriodKey, ...PeriodKey[]]).catch("4-weeks").default("4-weeks"),
});

/** A day as YYYY-MM-DD. */
export type Day = string;
export type Week = { start: Day; end: Day };

export type Period = {
  key: PeriodKey;
  label: string;
  weeks: Week[];
  start: Day;
  end: Day;
  previous: { start: Day; end: Day; weeks: Week[] };
  /** When the figures were worked out. */
  asOf: Date;
};

const londonDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The UK date of an instant. */
export function ukDay(at: Date): Day {
  return londonDate.format(at);
}

export function addDays(day: Day, n: number): Day {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The period ending on `now`'s UK date, and the one of the same length before it. */
export function periodOf(key: PeriodKey, now: Date): Period {
  const { weeks: n, label } = periods[key];
  const end = ukDay(now);
  const start = addDays(end, -7 * n + 1);
  const weeksFrom = (first: Day) => Array.from({ length: n }, (_, i) => ({ start: addDays(first, 7 * i), end: addDays(first, 7 * i + 6) }));
  const previousStart = addDays(start, -7 * n);
  return {
    key,
    label,
    weeks: weeksFrom(start),
    start,
    end,
    previous: { start: previousStart, end: addDays(start, -1), weeks: weeksFrom(previousStart) },
    asOf: now,
  };
}

/** The instant a UK day begins, as SQL, for comparing with timestamps through their indexes. */
export function dayStarts(day: Day): SQL {
  return sql`(${day}::date::timestamp at time zone 'Europe/London')`;
}
