import { loadAuthorized } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { figureProviders, type ExtraFigure } from "./extensions";
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
  const [series, questions, unanswered, dormant, helpful, waiting, extra] = await Promise.all([
    weeklySeries(db, community, period),
    questionFigures(db, community.id, period),
    unansweredQuestions(db, community.id, period, listLimit),
    dormantMembers(db, community.id, period, listLimit),
    mostHelpful(db, community.id, period, 5),
    waitingWork(db, community.id),
    Promise.all(figureProviders.map((provide) => provide(db, community, period))).then((lists) => lists.flat()),
  ]);
  const pair = (current: number | null, previous: number | null): Comparison => ({ current, previous });
  const { totals: t, previousTotals: p } = series;
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
    extra: extra satisfies ExtraFigure[],
    weeks: series.weeks,
    unanswered,
    dormant,
    helpful,
    waiting,
  };
}

export type CommunityAnalytics = Awaited<ReturnType<typeof getCommunityAnalytics>>;
