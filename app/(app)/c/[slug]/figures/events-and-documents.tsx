import { ActionList } from "@/app/_components/figures/action-list";
import { BarChart, chartColours } from "@/app/_components/figures/charts";
import { Download, HeadlineTable, WeeksTable } from "@/app/_components/figures/tables";
import { documentsSummary, eventsSummary, shortDay } from "@/app/_components/figures/words";
import type { CommunityAnalytics } from "@/lib/analytics/community";
import { definitions, documentRows, eventRows } from "@/lib/analytics/definitions";

// The figures page's sections on the community's events and its library: each with its
// comparison table, a chart with a text summary and a table alternative, the lists a
// facilitator acts on (each entry a link) and CSV downloads.

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" });
const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

type Props = { a: CommunityAnalytics; csv: (table: string) => string };

export function EventFigures({ a, csv }: Props) {
  const slug = a.community.slug;
  const summary = eventsSummary(a.eventWeeks);
  return (
    <section aria-labelledby="events-heading" className="space-y-4">
      <h2 id="events-heading" className="text-2xl font-bold">
        Events
      </h2>
      <HeadlineTable rows={eventRows(a)} caption={`Events, ${a.period.label}: this period against the one before`} />
      <p>{summary}</p>
      <BarChart
        id="events-chart"
        title="Answers of going to the events held each week"
        description={summary}
        points={a.eventWeeks.map((w) => ({ label: shortDay(w.end), values: [w.going] }))}
        series={[{ name: "Going", colour: chartColours.green }]}
      />
      <details>
        <summary>Show events week by week as a table</summary>
        <WeeksTable
          weeks={a.eventWeeks}
          caption="Events held and the answers to them each week"
          columns={[
            { key: "held", label: "Events held" },
            { key: "going", label: "Going" },
            { key: "waiting", label: "Waiting list" },
            { key: "maybe", label: "Maybe" },
            { key: "notGoing", label: "Not going" },
          ]}
        />
      </details>
      <Download href={csv("events")} what="events week by week" />
      <ActionList
        heading="Coming up with few people going"
        total={a.quietEvents.total}
        definition={`${definitions.quietEvents} A reminder in the community may help.`}
        items={a.quietEvents.items.map((e) => ({
          key: e.eventId,
          href: `/c/${slug}/events/${e.eventId}`,
          text: e.title,
          detail: `, ${when.format(e.startsAt)}: ${count(e.going, "person", "people")} going, ${e.maybe} maybe${e.capacity === null ? "" : `, ${count(e.capacity, "place", "places")}`}`,
        }))}
        empty="None. Every event in the next four weeks has at least five people going."
        download={{ href: csv("quiet-events"), what: "every event coming up with few people going" }}
      />
    </section>
  );
}

export function DocumentFigures({ a, csv }: Props) {
  const slug = a.community.slug;
  const summary = documentsSummary(a.documentWeeks);
  return (
    <section aria-labelledby="documents-heading" className="space-y-4">
      <h2 id="documents-heading" className="text-2xl font-bold">
        Documents
      </h2>
      <HeadlineTable rows={documentRows(a)} caption={`Documents, ${a.period.label}: this period against the one before`} />
      <p>{summary}</p>
      <BarChart
        id="documents-chart"
        title="New versions and comments on documents each week"
        description={summary}
        points={a.documentWeeks.map((w) => ({ label: shortDay(w.end), values: [w.edits, w.comments] }))}
        series={[
          { name: "New versions", colour: chartColours.brand },
          { name: "Comments", colour: chartColours.ink },
        ]}
      />
      <details>
        <summary>Show documents week by week as a table</summary>
        <WeeksTable
          weeks={a.documentWeeks}
          caption="Documents started, new versions and comments each week"
          columns={[
            { key: "started", label: "Started" },
            { key: "edits", label: "New versions" },
            { key: "comments", label: "Comments" },
          ]}
        />
      </details>
      <Download href={csv("documents")} what="documents week by week" />
      <ActionList
        heading="Most active documents"
        definition={definitions.activeDocuments}
        items={a.activeDocuments.map((d) => ({
          key: d.documentId,
          href: `/c/${slug}/library/${d.documentId}`,
          text: d.title,
          detail: `: ${count(d.edits, "version", "versions")} saved by ${count(d.editors, "person", "people")}, ${count(d.comments, "comment", "comments")}`,
        }))}
        empty="Nobody worked on a document in this period."
        ordered
        download={{ href: csv("active-documents"), what: "the most active documents" }}
      />
      <ActionList
        heading="Documents untouched for 90 days"
        total={a.untouched.total}
        definition={`${definitions.untouchedDocuments} Each may need a review, an owner, or to be marked agreed.`}
        items={a.untouched.items.map((d) => ({
          key: d.documentId,
          href: `/c/${slug}/library/${d.documentId}`,
          text: d.title,
          detail: `, last new version ${day.format(d.updatedAt)}`,
        }))}
        empty="None. Every document has been worked on in the last 90 days."
        download={{ href: csv("untouched-documents"), what: "every document untouched for 90 days" }}
      />
    </section>
  );
}
