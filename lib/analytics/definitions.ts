import type { CommunityAnalytics } from "./community";

// What each figure means, in the words the page's help text and the CSV use. A week is the
// seven days ending on the same weekday as today; a period is 4, 13 or 52 such weeks ending
// today, compared with the same number of weeks just before it. Days are UK dates.

export const definitions = {
  members: "Active members at the end of the period: people who have joined and not left, been removed or been banned.",
  joiners: "People who became members during the period: by joining, accepting an invitation, or having a request to join approved.",
  leavers: "People who stopped being members during the period: by leaving, being removed or being banned.",
  active: "Different people who started a post, replied, or marked a post or reply as helpful here during the period (each counted once). Week by week in the table.",
  posts: "Posts written during the period that members can read now: published, not hidden, not deleted.",
  replies: "Replies written during the period that members can read now, on posts members can read.",
  questions: "Questions asked during the period that members can read now.",
  accepted: "Of those questions, how many have an accepted answer now.",
  medianHoursToFirstReply:
    "Half of the questions asked during the period that have had a reply got their first reply, from someone other than the person who asked, within this many hours.",
  unanswered: "Questions asked during the period, more than three days ago, that nobody but the person who asked has replied to. Oldest first.",
  dormant: "Members who joined before the period began and have never started a post, replied or marked anything helpful here since joining.",
  helpful: "The posts and replies written during the period that members marked as helpful most often.",
  waiting: "What waits for a facilitator now: requests to join, open reports, and posts awaiting approval.",
} as const;

export const headlineLabels: Record<keyof CommunityAnalytics["headline"], string> = {
  members: "Members",
  joiners: "Joined",
  leavers: "Left",
  active: "Active members",
  posts: "Posts",
  replies: "Replies",
  questions: "Questions asked",
  accepted: "Questions with an accepted answer",
  medianHoursToFirstReply: "Median hours to a first reply",
};

export type HeadlineRow = { key: string; label: string; current: number | null; previous: number | null; definition: string };

/** The headline table's rows, with figures other parts of the site add after ours. */
export function headlineRows(a: CommunityAnalytics): HeadlineRow[] {
  const own = (Object.keys(headlineLabels) as (keyof typeof headlineLabels)[]).map((key) => ({
    key,
    label: headlineLabels[key],
    current: a.headline[key].current,
    previous: a.headline[key].previous,
    definition: definitions[key],
  }));
  return [...own, ...a.extra.map((e) => ({ key: e.label, label: e.label, current: e.current, previous: e.previous, definition: e.definition }))];
}
