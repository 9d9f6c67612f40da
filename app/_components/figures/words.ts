import type { CommunityAnalytics } from "@/lib/analytics/community";

// Plain-English sentences about the figures: the text summary each chart has for screen
// readers (and everyone), and the change between two periods.

type Week = CommunityAnalytics["weeks"][number];

const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dayMonthYear = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "4 Mar" for a UK date (YYYY-MM-DD). */
export const shortDay = (day: string) => dayMonth.format(new Date(`${day}T00:00:00Z`));
export const longDay = (day: string) => dayMonthYear.format(new Date(`${day}T00:00:00Z`));
export const weekLabel = (w: { start: string; end: string }) => `${shortDay(w.start)} to ${shortDay(w.end)}`;

const n = (value: number) => value.toLocaleString("en-GB");

/** "up 3 (12%)", "down 2", "no change", or "" when there is nothing to compare. */
export function change(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return "";
  const diff = Math.round((current - previous) * 10) / 10;
  if (diff === 0) return "no change";
  const percent = previous === 0 ? "" : ` (${Math.round((Math.abs(diff) / previous) * 100)}%)`;
  return `${diff > 0 ? "up" : "down"} ${n(Math.abs(diff))}${percent}`;
}

function busiest(weeks: Week[], pick: (w: Week) => number) {
  return weeks.reduce((best, w) => (pick(w) > pick(best) ? w : best), weeks[0]!);
}

export function membersSummary(weeks: Week[]): string {
  const first = weeks[0]!;
  const last = weeks.at(-1)!;
  const joined = weeks.reduce((t, w) => t + w.joiners, 0);
  const left = weeks.reduce((t, w) => t + w.leavers, 0);
  const verb = last.members > first.members ? "rose" : last.members < first.members ? "fell" : "stayed";
  const range = verb === "stayed" ? `at ${n(last.members)}` : `from ${n(first.members)} to ${n(last.members)}`;
  return `Members ${verb} ${range} between the week to ${shortDay(first.end)} and the week to ${shortDay(last.end)}: ${n(joined)} joined and ${n(left)} left over the period.`;
}

export function activeSummary(weeks: Week[]): string {
  const top = busiest(weeks, (w) => w.active);
  const average = weeks.reduce((t, w) => t + w.active, 0) / weeks.length;
  if (top.active === 0) return "Nobody posted, replied or marked anything helpful in this period.";
  return `On average ${n(Math.round(average * 10) / 10)} people took part each week. The most was ${n(top.active)}, in the week ${weekLabel(top)}.`;
}

export function postsSummary(weeks: Week[]): string {
  const posts = weeks.reduce((t, w) => t + w.posts, 0);
  const replies = weeks.reduce((t, w) => t + w.replies, 0);
  if (posts + replies === 0) return "Nothing was posted in this period.";
  const top = busiest(weeks, (w) => w.posts + w.replies);
  return `${n(posts)} posts and ${n(replies)} replies in the period. The busiest week was ${weekLabel(top)}, with ${n(top.posts)} posts and ${n(top.replies)} replies.`;
}

type EventWeek = CommunityAnalytics["eventWeeks"][number];
type DocumentWeek = CommunityAnalytics["documentWeeks"][number];
const total = <W>(weeks: W[], pick: (w: W) => number) => weeks.reduce((t, w) => t + pick(w), 0);
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

export function eventsSummary(weeks: EventWeek[]): string {
  const held = total(weeks, (w) => w.held);
  if (held === 0) return "No events were held in this period.";
  const going = total(weeks, (w) => w.going);
  const top = weeks.reduce((best, w) => (w.going > best.going ? w : best), weeks[0]!);
  return `${plural(held, "event was", "events were")} held in the period, with ${plural(going, "answer", "answers")} of going in all. The most going in one week was ${n(top.going)}, in the week ${weekLabel(top)}.`;
}

export function documentsSummary(weeks: DocumentWeek[]): string {
  const started = total(weeks, (w) => w.started);
  const edits = total(weeks, (w) => w.edits);
  const comments = total(weeks, (w) => w.comments);
  if (started + edits + comments === 0) return "Nobody started, edited or commented on a document in this period.";
  const top = weeks.reduce((best, w) => (w.edits + w.comments > best.edits + best.comments ? w : best), weeks[0]!);
  return `${plural(started, "document was", "documents were")} started, ${plural(edits, "new version", "new versions")} saved and ${plural(comments, "comment", "comments")} made in the period. The busiest week was ${weekLabel(top)}, with ${plural(top.edits, "new version", "new versions")} and ${plural(top.comments, "comment", "comments")}.`;
}
