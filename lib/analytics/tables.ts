import { z } from "zod";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { getCommunityAnalytics, type CommunityAnalytics } from "./community";
import { toCsv, type CsvColumn } from "./csv";
import { allRows, definitions } from "./definitions";

// Each table on the figures page as a CSV download, made by the same domain call (and so the
// same policy check) as the page, with the lists in full rather than their first rows.

const FULL_LIST = 10_000;
const iso = (d: Date) => d.toISOString();

type Tables = {
  [K in string]: (a: CommunityAnalytics) => string;
};

const tables: Tables = {
  summary: (a) =>
    toCsv(allRows(a), [
      { header: "Figure", value: (r) => r.label },
      { header: `This period (${a.period.start} to ${a.period.end})`, value: (r) => r.current },
      { header: `Previous period (${a.period.previous.start} to ${a.period.previous.end})`, value: (r) => r.previous },
      { header: "Definition", value: (r) => r.definition },
    ]),
  weekly: (a) =>
    toCsv(a.weeks, [
      { header: "Week from", value: (w) => w.start },
      { header: "Week to", value: (w) => w.end },
      { header: "Members at the end of the week", value: (w) => w.members },
      { header: "Joined", value: (w) => w.joiners },
      { header: "Left", value: (w) => w.leavers },
      { header: "Active members", value: (w) => w.active },
      { header: "Posts", value: (w) => w.posts },
      { header: "Replies", value: (w) => w.replies },
    ] satisfies CsvColumn<CommunityAnalytics["weeks"][number]>[]),
  unanswered: (a) =>
    toCsv(a.unanswered.items, [
      { header: "Question", value: (q) => q.title },
      { header: "Asked by", value: (q) => q.authorName },
      { header: "Asked at", value: (q) => iso(q.askedAt) },
      { header: "Address", value: (q) => `/c/${a.community.slug}/posts/${q.postId}` },
    ]),
  dormant: (a) =>
    toCsv(a.dormant.items, [
      { header: "Member", value: (m) => m.name },
      { header: "Joined", value: (m) => iso(m.joinedAt) },
      { header: "Profile", value: (m) => `/people/${m.userId}` },
    ]),
  helpful: (a) =>
    toCsv(a.helpful, [
      { header: "Kind", value: (h) => h.kind },
      { header: "Post", value: (h) => h.title },
      { header: "Excerpt", value: (h) => h.excerpt },
      { header: "Helpful marks", value: (h) => h.helpful },
      { header: "Written by", value: (h) => h.authorName },
      { header: "Written at", value: (h) => iso(h.createdAt) },
    ]),
  events: (a) =>
    toCsv(a.eventWeeks, [
      { header: "Week from", value: (w) => w.start },
      { header: "Week to", value: (w) => w.end },
      { header: "Events held", value: (w) => w.held },
      { header: "Going", value: (w) => w.going },
      { header: "On a waiting list", value: (w) => w.waiting },
      { header: "Maybe", value: (w) => w.maybe },
      { header: "Not going", value: (w) => w.notGoing },
    ]),
  "quiet-events": (a) =>
    toCsv(a.quietEvents.items, [
      { header: "Event", value: (e) => e.title },
      { header: "Starts at", value: (e) => iso(e.startsAt) },
      { header: "Going", value: (e) => e.going },
      { header: "Maybe", value: (e) => e.maybe },
      { header: "Places", value: (e) => e.capacity },
      { header: "Address", value: (e) => `/c/${a.community.slug}/events/${e.eventId}` },
    ]),
  documents: (a) =>
    toCsv(a.documentWeeks, [
      { header: "Week from", value: (w) => w.start },
      { header: "Week to", value: (w) => w.end },
      { header: "Documents started", value: (w) => w.started },
      { header: "New versions saved", value: (w) => w.edits },
      { header: "Comments on documents", value: (w) => w.comments },
    ]),
  "active-documents": (a) =>
    toCsv(a.activeDocuments, [
      { header: "Document", value: (d) => d.title },
      { header: "Versions saved", value: (d) => d.edits },
      { header: "Comments", value: (d) => d.comments },
      { header: "Different people editing", value: (d) => d.editors },
      { header: "Address", value: (d) => `/c/${a.community.slug}/library/${d.documentId}` },
    ]),
  "untouched-documents": (a) =>
    toCsv(a.untouched.items, [
      { header: "Document", value: (d) => d.title },
      { header: "Last new version", value: (d) => iso(d.updatedAt) },
      { header: "Address", value: (d) => `/c/${a.community.slug}/library/${d.documentId}` },
    ]),
};

export const tableNames = Object.keys(tables);
const tableSchema = z.string().refine((name) => Object.hasOwn(tables, name));

/** One table of a community's figures as CSV, with a file name; a table that does not exist is a 404. */
export async function getAnalyticsCsv(viewer: Viewer, slug: string, table: string, input: unknown, now = new Date()) {
  if (!tableSchema.safeParse(table).success) throw notFound();
  const analytics = await getCommunityAnalytics(viewer, slug, input, now, FULL_LIST);
  return {
    filename: `${analytics.community.slug}-${table}-${analytics.period.start}-to-${analytics.period.end}.csv`,
    csv: tables[table]!(analytics),
  };
}

export { definitions };
