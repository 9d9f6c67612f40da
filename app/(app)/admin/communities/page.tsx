import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/app/_components/admin-nav";
import { buttonClass } from "@/app/_components/button-styles";
import { ArchivedBadge, VisibilityBadge } from "@/app/_components/community";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery, withQuery } from "@/app/_components/query";
import { listCommunityHealth, QUIET_DAYS } from "@/lib/admin/communities";
import { requireViewer } from "@/lib/auth/request-viewer";

export const metadata: Metadata = { title: "Communities · Site administration" };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" });
const cell = "py-2 pr-4";
const number = `${cell} text-right tabular-nums`;

export default async function CommunitiesHealthPage({ searchParams }: PageProps<"/admin/communities">) {
  const viewer = await requireViewer("/admin/communities");
  const query = pageQuery(await searchParams);
  const { data, error } = await loadPage(() => listCommunityHealth(viewer, query));
  const quiet = data?.query.show === "quiet";
  return (
    <div className="space-y-6">
      <AdminNav current="communities" />
      <h1 className="text-3xl font-bold">Communities</h1>
      <p className="max-w-3xl">
        Every community, private ones included. The last four columns cover the last {QUIET_DAYS} days: posts and replies members can read, and the
        different people who posted, replied or marked something helpful. A community has gone quiet when nothing has been posted or replied in it
        for {QUIET_DAYS} days.
      </p>
      <form method="get" action="/admin/communities" className="flex flex-wrap items-end gap-4" role="search" aria-label="Communities">
        <div>
          <label htmlFor="communities-q" className="block font-semibold">
            Name
          </label>
          <input id="communities-q" name="q" type="search" defaultValue={query.q ?? ""} className="border-2 border-ink px-2 py-1" />
        </div>
        <div>
          <label htmlFor="communities-show" className="block font-semibold">
            Show
          </label>
          <select id="communities-show" name="show" defaultValue={quiet ? "quiet" : "size"} className="border-2 border-ink bg-white px-2 py-1">
            <option value="size">All, largest first</option>
            <option value="quiet">Gone quiet, quiet longest first</option>
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Show communities
        </button>
      </form>
      {error && <p className="font-semibold text-danger">{error.message}</p>}
      {data && data.items.length === 0 && <p>{quiet ? "No community has gone quiet." : "No community matches."}</p>}
      {data && data.items.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{quiet ? "Communities gone quiet" : "Communities, largest first"}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className={cell}>Community</th>
                <th scope="col" className={`${cell} text-right`}>Members</th>
                <th scope="col" className={`${cell} text-right`}>Posts in all</th>
                <th scope="col" className={cell}>Last post or reply</th>
                <th scope="col" className={`${cell} text-right`}>Posts</th>
                <th scope="col" className={`${cell} text-right`}>Replies</th>
                <th scope="col" className={`${cell} text-right`}>Active members</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id} className="border-b border-line align-top">
                  <th scope="row" className={`${cell} font-normal`}>
                    <Link href={`/c/${c.slug}/figures`} className="font-semibold">
                      {c.name}
                    </Link>{" "}
                    <VisibilityBadge visibility={c.visibility} /> {c.archived && <ArchivedBadge />}
                  </th>
                  <td className={number}>{c.memberCount.toLocaleString("en-GB")}</td>
                  <td className={number}>{c.postCount.toLocaleString("en-GB")}</td>
                  <td className={cell}>{date.format(c.lastActivityAt)}</td>
                  <td className={number}>{c.recentPosts.toLocaleString("en-GB")}</td>
                  <td className={number}>{c.recentReplies.toLocaleString("en-GB")}</td>
                  <td className={number}>{c.recentActive.toLocaleString("en-GB")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Community pages" className="flex gap-6">
        {query.cursor && <Link href={withQuery("/admin/communities", { ...query, cursor: undefined })}>First page</Link>}
        {data?.nextCursor && (
          <Link href={withQuery("/admin/communities", { ...query, cursor: data.nextCursor })} rel="next">
            Next page
          </Link>
        )}
      </nav>
    </div>
  );
}
