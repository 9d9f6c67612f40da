import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/app/_components/button-styles";
import { CommunityHeader } from "@/app/_components/community-header";
import { BarChart, chartColours, LineChart } from "@/app/_components/figures/charts";
import { ActionList } from "@/app/_components/figures/action-list";
import { Download, HeadlineTable, WeeksTable } from "@/app/_components/figures/tables";
import { activeSummary, longDay, membersSummary, postsSummary, shortDay } from "@/app/_components/figures/words";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery, withQuery } from "@/app/_components/query";
import { getCommunityAnalytics } from "@/lib/analytics/community";
import { allRows, definitions, headlineRows } from "@/lib/analytics/definitions";
import { periods } from "@/lib/analytics/period";
import { requireViewer } from "@/lib/auth/request-viewer";
import { communityTitle, loadCommunityPage } from "../load";
import { DocumentFigures, EventFigures } from "./events-and-documents";
import { replyLink } from "@/lib/posts/reply-link";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/figures">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug, "Figures") };
}

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" });

export default async function FiguresPage({ params, searchParams }: PageProps<"/c/[slug]/figures">) {
  const { slug } = await params;
  const query = pageQuery(await searchParams);
  const viewer = await requireViewer(`/c/${slug}/figures`);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  const { data: a, error } = await loadPage(() => getCommunityAnalytics(viewer, slug, query));
  if (!a) {
    return (
      <div>
        <CommunityHeader page={page} current="figures" title="Figures" />
        <p>{error?.message}</p>
      </div>
    );
  }
  const base = `/c/${slug}/figures`;
  const csv = (table: string) => withQuery(`${base}/download/${table}`, { period: a.period.key });
  const weeks = a.weeks.map((w) => ({ ...w, label: shortDay(w.end) }));
  const span = `${longDay(a.period.start)} to ${longDay(a.period.end)}`;
  return (
    <div className="space-y-10">
      <CommunityHeader page={page} current="figures" title="Figures" />
      <p className="max-w-3xl">
        How {a.community.name} is doing from {span}, compared with the {a.period.weeks.length} weeks before ({longDay(a.period.previous.start)} to{" "}
        {longDay(a.period.previous.end)}). A week is the seven days ending on the same weekday as today. The figures are for this community only, not its
        sub-communities.
      </p>
      <form method="get" action={base} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="period" className="block font-semibold">
            Period
          </label>
          <select id="period" name="period" defaultValue={a.period.key} className="border-2 border-ink bg-white px-2 py-1">
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

      <section aria-labelledby="attention-heading" className="space-y-4">
        <h2 id="attention-heading" className="text-2xl font-bold">
          Needs attention
        </h2>
        <p>
          <Link href={`/c/${slug}/moderation`}>
            {a.waiting.requests} {a.waiting.requests === 1 ? "request" : "requests"} to join, {a.waiting.reports} open{" "}
            {a.waiting.reports === 1 ? "report" : "reports"} and {a.waiting.pendingPosts} {a.waiting.pendingPosts === 1 ? "post" : "posts"} awaiting approval
          </Link>
          .
        </p>
        <ActionList
          heading="Questions nobody has answered"
          total={a.unanswered.total}
          definition={definitions.unanswered}
          items={a.unanswered.items.map((q) => ({
            key: q.postId,
            href: `/c/${slug}/posts/${q.postId}`,
            text: q.title,
            detail: `, asked by ${q.authorName ?? "a former member"} on ${date.format(q.askedAt)}`,
          }))}
          empty="None. Every question asked in this period has had a reply."
          download={{ href: csv("unanswered"), what: "every unanswered question" }}
        />
        <ActionList
          heading="Members who have not taken part yet"
          total={a.dormant.total}
          definition={`${definitions.dormant} A welcome or a question addressed to them may help.`}
          items={a.dormant.items.map((m) => ({
            key: m.userId,
            href: `/people/${m.userId}`,
            text: m.name || "A member without a name",
            detail: `, joined ${date.format(m.joinedAt)}`,
          }))}
          empty="None: everyone who joined before this period has taken part."
          download={{ href: csv("dormant"), what: "every member who has not taken part" }}
        />
      </section>

      <section aria-labelledby="glance-heading" className="space-y-4">
        <h2 id="glance-heading" className="text-2xl font-bold">
          At a glance
        </h2>
        <HeadlineTable rows={headlineRows(a)} caption={`${a.period.label}: this period against the one before`} />
        <Download href={csv("summary")} what="these figures" />
      </section>

      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-2xl font-bold">
          Members over time
        </h2>
        <p>{membersSummary(a.weeks)}</p>
        <LineChart
          id="members-chart"
          title="Members at the end of each week"
          description={membersSummary(a.weeks)}
          points={weeks.map((w) => ({ label: w.label, values: [w.members] }))}
          series={{ name: "Members", colour: chartColours.brand }}
        />
        <details>
          <summary>Show members week by week as a table</summary>
          <WeeksTable weeks={a.weeks} caption="Members, joiners and leavers each week" columns={[{ key: "members", label: "Members at the end" }, { key: "joiners", label: "Joined" }, { key: "leavers", label: "Left" }]} />
        </details>
      </section>

      <section aria-labelledby="active-heading" className="space-y-3">
        <h2 id="active-heading" className="text-2xl font-bold">
          Active members per week
        </h2>
        <p>{activeSummary(a.weeks)}</p>
        <BarChart id="active-chart" title="Active members each week" description={activeSummary(a.weeks)} points={weeks.map((w) => ({ label: w.label, values: [w.active] }))} series={[{ name: "Active members", colour: chartColours.green }]} />
        <details>
          <summary>Show active members week by week as a table</summary>
          <WeeksTable weeks={a.weeks} caption="People who posted, replied or marked something helpful each week" columns={[{ key: "active", label: "Active members" }]} />
        </details>
      </section>

      <section aria-labelledby="posts-heading" className="space-y-3">
        <h2 id="posts-heading" className="text-2xl font-bold">
          Posts and replies per week
        </h2>
        <p>{postsSummary(a.weeks)}</p>
        <BarChart
          id="posts-chart"
          title="Posts and replies each week"
          description={postsSummary(a.weeks)}
          points={weeks.map((w) => ({ label: w.label, values: [w.posts, w.replies] }))}
          series={[
            { name: "Posts", colour: chartColours.brand },
            { name: "Replies", colour: chartColours.ink },
          ]}
        />
        <details>
          <summary>Show posts and replies week by week as a table</summary>
          <WeeksTable weeks={a.weeks} caption="Posts and replies each week" columns={[{ key: "posts", label: "Posts" }, { key: "replies", label: "Replies" }]} />
        </details>
        <Download href={csv("weekly")} what="every weekly figure" />
      </section>

      <section aria-labelledby="helpful-heading" className="space-y-3">
        <h2 id="helpful-heading" className="text-2xl font-bold">
          Most helpful contributions
        </h2>
        <ActionList
          definition={definitions.helpful}
          items={a.helpful.map((h) => ({
            key: h.id,
            href: h.kind === "reply" ? replyLink(`/c/${slug}/posts/${h.postId}`, h.id) : `/c/${slug}/posts/${h.postId}`,
            text: h.kind === "reply" ? `A reply on “${h.title}”` : h.title,
            detail: ` by ${h.authorName ?? "a former member"}: ${h.helpful} helpful ${h.helpful === 1 ? "mark" : "marks"}`,
          }))}
          empty="Nothing written in this period has been marked helpful yet."
          ordered
          download={{ href: csv("helpful"), what: "the most helpful contributions" }}
        />
      </section>

      <EventFigures a={a} csv={csv} />
      <DocumentFigures a={a} csv={csv} />

      <section aria-labelledby="meaning-heading" className="max-w-3xl space-y-3">
        <h2 id="meaning-heading" className="text-2xl font-bold">
          What the figures mean
        </h2>
        <dl className="space-y-2">
          {allRows(a).map((row) => (
            <div key={row.key}>
              <dt className="font-semibold">{row.label}</dt>
              <dd>{row.definition}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-muted">Worked out {date.format(a.period.asOf)}.</p>
      </section>
    </div>
  );
}
