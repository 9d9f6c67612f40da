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
  eventsHeld: "Events that began during the period (up to now) and were not cancelled, among the events members can read now.",
  eventsCancelled: "Events due to begin during the period (up to now) that were cancelled.",
  going: "Answers of “going” to the events held in the period, as they stand now. People on a waiting list are not counted.",
  waitingList: "Answers of people who asked for a place at an event held in the period when none was left, and were still waiting.",
  maybe: "Answers of “maybe” to the events held in the period.",
  notGoing: "Answers of “not going” to the events held in the period.",
  peopleGoing: "Different people who said they were going to at least one event held in the period (each counted once).",
  attendanceRate:
    "Of the members at the end of the period, the share who said they were going to at least one event held in it, as a percentage. Roundtable does not take a register, so this counts answers, not people in the room.",
  quietEvents: "Events that begin in the next four weeks, not cancelled, that fewer than five people have said they are going to. Soonest first.",
  documentsStarted: "Documents started in this community's library during the period that are still in it (not deleted).",
  documentEdits: "New versions saved during the period to documents still in the library, not counting each document's first version.",
  documentEditors: "Different people who started a document or saved a new version of one during the period (each counted once).",
  documentComments: "Comments made during the period on documents still in the library, not counting deleted comments.",
  activeDocuments: "The documents with the most versions saved and comments made during the period.",
  untouchedDocuments: "Documents in the library that nobody has saved a new version of or commented on for 90 days. Longest untouched first.",
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

export const eventLabels: Record<keyof CommunityAnalytics["events"], string> = {
  eventsHeld: "Events held",
  eventsCancelled: "Events cancelled",
  going: "Going",
  waitingList: "On a waiting list",
  maybe: "Maybe",
  notGoing: "Not going",
  peopleGoing: "Different people going",
  attendanceRate: "Members going to an event",
};

export const documentLabels: Record<keyof CommunityAnalytics["documents"], string> = {
  documentsStarted: "Documents started",
  documentEdits: "New versions saved",
  documentEditors: "Different people editing",
  documentComments: "Comments on documents",
};

const units: Partial<Record<keyof typeof definitions, string>> = { medianHoursToFirstReply: " hours", attendanceRate: "%" };

export type HeadlineRow = { key: string; label: string; current: number | null; previous: number | null; definition: string; unit: string };
type Pairs = Record<string, { current: number | null; previous: number | null }>;

function rowsOf<F extends Pairs>(figures: F, labels: Record<keyof F & keyof typeof definitions, string>): HeadlineRow[] {
  return (Object.keys(labels) as (keyof F & keyof typeof definitions)[]).map((key) => ({
    key,
    label: labels[key],
    current: figures[key]!.current,
    previous: figures[key]!.previous,
    definition: definitions[key],
    unit: units[key] ?? "",
  }));
}

/** The comparison tables' rows: the community's own figures, its events' and its library's. */
export const headlineRows = (a: CommunityAnalytics) => rowsOf(a.headline, headlineLabels);
export const eventRows = (a: CommunityAnalytics) => rowsOf(a.events, eventLabels);
export const documentRows = (a: CommunityAnalytics) => rowsOf(a.documents, documentLabels);
export const allRows = (a: CommunityAnalytics) => [...headlineRows(a), ...eventRows(a), ...documentRows(a)];
