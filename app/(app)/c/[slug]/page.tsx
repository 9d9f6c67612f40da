import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide";
import { CommunityCard } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { JoinRequests } from "@/app/_components/join-requests";
import { buttonClass } from "@/app/_components/button-styles";
import { Icon } from "@/app/_components/icon";
import { loadPage } from "@/app/_components/load-page";
import { MembershipPanel } from "@/app/_components/membership-panel";
import { Person } from "@/app/_components/person";
import { SearchBox } from "@/app/_components/search-box";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getCommunityFeed } from "@/lib/posts/feeds";
import { pageQuery } from "@/app/_components/query";
import { CommunityFeed, OwnUnpublished } from "./feed";
import { OutForComment } from "@/app/_components/library";
import { EventRow } from "@/app/_components/event-list";
import { communityTitle, loadCommunityPage } from "./load";
import { WatchPanel } from "./watch-panel";

export async function generateMetadata({ params }: PageProps<"/c/[slug]">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug) };
}

export default async function CommunityPage({ params, searchParams }: PageProps<"/c/[slug]">) {
  const { slug } = await params;
  const viewer = await requireViewer(`/c/${slug}`);
  const query = pageQuery(await searchParams);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  // The feed, and in its statement of the viewer's own what else the page shows beside it.
  const feed = page.allowed.read ? await loadPage(() => getCommunityFeed(viewer, slug, query, { page: true })) : null;
  const { own, forComment, coming, watch } = feed?.data?.page ?? { own: [], forComment: [], coming: [], watch: null };
  const { community, allowed } = page;
  return (
    <div>
      <CommunityHeader page={page} current="about" />
      <div className="grid gap-10 md:grid-cols-[minmax(0,1fr)_16rem] lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-10">
          {community.purpose && (
            <section aria-labelledby="purpose-heading">
              <h2 id="purpose-heading" className="text-xl font-bold">
                Purpose
              </h2>
              <p className="mt-1 whitespace-pre-line">{community.purpose}</p>
            </section>
          )}

          <OutForComment slug={community.slug} documents={forComment} />

          <JoinRequests page={page} />

          {allowed.read && (
            <section aria-labelledby="events-heading">
              <h2 id="events-heading" className="text-xl font-bold">
                Coming events
              </h2>
              {coming.length === 0 ? <p className="mt-2 text-muted">No events are planned.</p> : coming.map((event) => <EventRow key={event.id} event={event} />)}
              <p className="mt-2">
                <Link href={`/c/${community.slug}/events`}>All events, and past meetings with their notes</Link>
              </p>
            </section>
          )}

          <section aria-labelledby="discussions-heading" className="space-y-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="discussions-heading" className="text-xl font-bold">
                Discussions
              </h2>
              {feed?.data?.canPost && (
                <Link href={`/c/${community.slug}/new`} className={buttonClass("primary")}>
                  <Icon icon={Plus} />
                  Start a post
                </Link>
              )}
            </div>
            {!allowed.read && <p>{page.refusals.read}</p>}
            {allowed.read && (
              <SearchBox
                id="community-search"
                label="Search this community and its sub-communities"
                formLabel={`Search ${community.name}`}
                action="/search"
                hidden={{ community: community.slug }}
              />
            )}
            {own.length > 0 && <OwnUnpublished posts={own} slug={community.slug} />}
            {feed && (
              <CommunityFeed slug={community.slug} feed={feed.data} error={feed.error?.message ?? feed.data?.notice ?? undefined} query={query} refusal={allowed.createPost ? null : page.refusals.createPost} />
            )}
          </section>

          {allowed.read && (
            <section aria-labelledby="subs-heading" className="space-y-2">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <h2 id="subs-heading" className="text-xl font-bold">
                  Sub-communities
                </h2>
                {allowed.createSub && (
                  <Link href={`/communities/new?parent=${community.slug}`} className={buttonClass("secondary")}>
                    <Icon icon={Plus} />
                    Add a sub-community
                  </Link>
                )}
              </div>
              {page.subCommunities.length === 0 ? (
                <p className="text-muted">
                  {allowed.createSub ? "There are no sub-communities yet. Add one for a topic or a group within this community." : "There are no sub-communities that you can see."}
                </p>
              ) : (
                page.subCommunities.map((sub) => <CommunityCard key={sub.id} community={sub} />)
              )}
            </section>
          )}
        </div>

        <aside className="space-y-8" aria-label="Membership">
          <MembershipPanel page={page} />
          {watch && page.myMembership?.standing === "active" && <WatchPanel community={community} watch={watch} />}
          {allowed.read && page.facilitators.length > 0 && (
            <section aria-labelledby="facilitators-heading">
              <h2 id="facilitators-heading" className="text-xl font-bold">
                Facilitators
              </h2>
              <ul className="mt-3 space-y-3">
                {page.facilitators.map((person) => (
                  <li key={person.id}>
                    <Person person={person}>
                      {person.role === "owner" && <span className="text-muted"> (owner)</span>}
                      {(person.jobTitle || person.organisation) && (
                        <span className="block text-sm text-muted">{[person.jobTitle, person.organisation].filter(Boolean).join(", ")}</span>
                      )}
                    </Person>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
