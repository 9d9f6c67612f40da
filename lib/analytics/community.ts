import { loadAuthorized } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { documentFigures, mostActiveDocuments, untouchedDocuments } from "./documents";
import { eventFigures, quietUpcomingEvents } from "./events";
import { dormantMembers, mostHelpful, questionFigures, unansweredQuestions, waitingWork } from "./lists";
import { periodOf, periodSchema } from "./period";
import { weeklySeries } from "./series";

// A community's figures, for its facilitators and owners and for site admins. They cover the
// community itself, never its sub-communities: each sub-community has its own page for its own
// facilitators, so nothing from a community the viewer may not read can reach these figures.

export type Comparison = { current: number | null; previous: number | null };

/** The lists on the page show this many rows; the CSV downloads have them all. */
export const LIST_LIMIT = 20;

/** Everything the figures page shows, for the period asked (`?period=`), as of `now`. */
export async function getCommunityAnalytics(viewer: Viewer, slug: string, input: unknown, now = new Date(), listLimit = LIST_LIMIT) {
  const { period: key } = parseInput(periodSchema, input ?? {});
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "community.viewAnalytics");
  const period = periodOf(key, now);
  const [series, questions, unanswered, dormant, helpful, waiting, events, quietEvents, documents, activeDocuments, untouched] = await Promise.all([
    weeklySeries(db, community, period),
    questionFigures(db, community.id, period),
    unansweredQuestions(db, community.id, period, listLimit),
    dormantMembers(db, community.id, period, listLimit),
    mostHelpful(db, community.id, period, 5),
    waitingWork(db, community.id),
    eventFigures(db, community.id, period),
    quietUpcomingEvents(db, community.id, period.asOf, listLimit),
    documentFigures(db, community.id, period),
    mostActiveDocuments(db, community.id, period, 5),
    untouchedDocuments(db, community.id, period.asOf, listLimit),
  ]);
  const pair = (current: number | null, previous: number | null): Comparison => ({ current, previous });
  const { totals: t, previousTotals: p } = series;
  const { current: e, previous: pe } = events;
  const { current: d, previous: pd } = documents;
  /** Per cent of the members at the end of a period, to one decimal place. */
  const share = (people: number, members: number) => (members === 0 ? null : Math.round((people / members) * 1000) / 10);
  return {
    community: { name: community.name, slug: community.slug },
    period,
    headline: {
      members: pair(t.members, p.members),
      joiners: pair(t.joiners, p.joiners),
      leavers: pair(t.leavers, p.leavers),
      active: pair(t.active, p.active),
      posts: pair(t.posts, p.posts),
      replies: pair(t.replies, p.replies),
      questions: pair(questions.current.asked, questions.previous.asked),
      accepted: pair(questions.current.accepted, questions.previous.accepted),
      medianHoursToFirstReply: pair(questions.current.medianHoursToFirstReply, questions.previous.medianHoursToFirstReply),
    },
    events: {
      eventsHeld: pair(e.held, pe.held),
      eventsCancelled: pair(e.cancelled, pe.cancelled),
      going: pair(e.going, pe.going),
      waitingList: pair(e.waiting, pe.waiting),
      maybe: pair(e.maybe, pe.maybe),
      notGoing: pair(e.notGoing, pe.notGoing),
      peopleGoing: pair(e.peopleGoing, pe.peopleGoing),
      attendanceRate: pair(share(e.peopleGoing, t.members), share(pe.peopleGoing, p.members)),
    },
    documents: {
      documentsStarted: pair(d.started, pd.started),
      documentEdits: pair(d.edits, pd.edits),
      documentEditors: pair(d.editors, pd.editors),
      documentComments: pair(d.comments, pd.comments),
    },
    weeks: series.weeks,
    eventWeeks: events.weeks,
    documentWeeks: documents.weeks,
    quietEvents,
    activeDocuments,
    untouched,
    unanswered,
    dormant,
    helpful,
    waiting,
  };
}

export type CommunityAnalytics = Awaited<ReturnType<typeof getCommunityAnalytics>>;
