import type { Metadata } from "next";
import Link from "next/link";
import {
  acceptInvitationForAction,
  declineInvitationAction,
  joinCommunityAction,
  leaveCommunityAction,
  requestToJoinAction,
  withdrawRequestAction,
} from "@/app/_actions/communities";
import { CommunityCard } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { JoinRequests } from "@/app/_components/join-requests";
import { buttonClass } from "@/app/_components/button-styles";
import { ActionButton, ActionForm, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getCommunityFeed, ownUnpublishedPosts } from "@/lib/posts/feeds";
import { FeedRow, kindLabel } from "@/app/_components/feed";
import { pageQuery, withQuery } from "@/app/_components/query";
import { communityTitle, loadCommunityPage } from "./load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug) };
}

export default async function CommunityPage({ params, searchParams }: PageProps<"/c/[slug]">) {
  const { slug } = await params;
  const viewer = await requireViewer(`/c/${slug}`);
  const query = pageQuery(await searchParams);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  const feed = page.allowed.read ? await loadPage(() => getCommunityFeed(viewer, slug, query)) : null;
  const own = page.allowed.read ? await ownUnpublishedPosts(viewer, page.community.id) : [];
  const { community, allowed, myMembership } = page;
  const fields = { slug: community.slug };
  return (
    <div>
      <CommunityHeader page={page} current="about" />
      <div className="grid gap-10 md:grid-cols-[2fr_1fr]">
        <div className="space-y-8">
          {community.purpose && (
            <section aria-labelledby="purpose-heading">
              <h2 id="purpose-heading" className="text-xl font-bold">
                Purpose
              </h2>
              <p className="whitespace-pre-line">{community.purpose}</p>
            </section>
          )}

          <JoinRequests page={page} />

          <section aria-labelledby="discussions-heading">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="discussions-heading" className="text-xl font-bold">
                Discussions
              </h2>
              {feed?.data?.canPost && (
                <Link href={`/c/${community.slug}/new`} className={buttonClass("primary")}>
                  Start a post
                </Link>
              )}
            </div>
            {!allowed.read && (
              <p className="mt-2">
                {page.refusals.read}
                {allowed.request && " Ask to join to read and take part."}
              </p>
            )}
            {allowed.read && (
              <form method="get" action="/search" role="search" aria-label={`Search ${community.name}`} className="mt-3 flex flex-wrap items-end gap-2">
                <input type="hidden" name="community" value={community.slug} />
                <div>
                  <label htmlFor="community-search" className="block text-sm font-semibold">
                    Search this community and its sub-communities
                  </label>
                  <input id="community-search" name="q" type="search" className="w-72 border-2 border-ink px-2 py-1" />
                </div>
                <button type="submit" className={buttonClass("secondary")}>
                  Search
                </button>
              </form>
            )}
            {own.length > 0 && <OwnUnpublished posts={own} slug={community.slug} />}
            {feed && <Feed slug={community.slug} feed={feed.data} error={feed.error?.message} query={query} />}
          </section>

          {allowed.read && (
            <section aria-labelledby="subs-heading">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <h2 id="subs-heading" className="text-xl font-bold">
                  Sub-communities
                </h2>
                {allowed.createSub && (
                  <Link href={`/communities/new?parent=${community.slug}`} className={`${buttonClass("secondary")}`}>
                    Add a sub-community
                  </Link>
                )}
              </div>
              {page.subCommunities.length === 0 ? (
                <p className="mt-2 text-muted">There are no sub-communities{allowed.createSub ? " yet" : " that you can see"}.</p>
              ) : (
                page.subCommunities.map((sub) => <CommunityCard key={sub.id} community={sub} />)
              )}
            </section>
          )}
        </div>

        <aside className="space-y-8" aria-label="Membership">
          <MembershipPanel page={page} fields={fields} status={myMembership?.status ?? null} />
          {allowed.read && page.facilitators.length > 0 && (
            <section aria-labelledby="facilitators-heading">
              <h2 id="facilitators-heading" className="text-xl font-bold">
                Facilitators
              </h2>
              <ul className="mt-2 space-y-2">
                {page.facilitators.map((person) => (
                  <li key={person.id}>
                    <span className="font-semibold">{person.name}</span>
                    {person.role === "owner" && <span className="text-muted"> (owner)</span>}
                    {(person.jobTitle || person.organisation) && (
                      <span className="block text-sm text-muted">{[person.jobTitle, person.organisation].filter(Boolean).join(", ")}</span>
                    )}
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

type PageData = Awaited<ReturnType<typeof loadCommunityPage>>;

function MembershipPanel({ page, fields, status }: { page: PageData; fields: { slug: string }; status: string | null }) {
  const { allowed, community } = page;
  return (
    <section aria-labelledby="membership-heading" aria-live="polite" className="space-y-3 bg-panel p-4">
      <h2 id="membership-heading" className="text-xl font-bold">
        Your membership
      </h2>
      {status === "active" && <p>You are a {page.myMembership?.role === "member" ? "member" : page.myMembership?.role} of this community.</p>}
      {status === "pending" && <p>You have asked to join. A facilitator will answer your request.</p>}
      {status === "invited" && <p>You have been invited to join this community.</p>}
      {status === "banned" && <p>You cannot take part in this community.</p>}
      {!status && community.visibility === "open" && !community.archived && <p>Anyone can join this community.</p>}
      {!status && community.visibility === "restricted" && <p>People join this community by request.</p>}
      {allowed.join && <ActionButton action={joinCommunityAction} label={`Join ${community.name}`} fields={fields} />}
      {!status && !allowed.join && !allowed.request && page.refusals.join && <p>{page.refusals.join}</p>}
      {allowed.request && (
        <ActionForm action={requestToJoinAction} submitLabel="Ask to join">
          <input type="hidden" name="slug" value={community.slug} />
          <TextField name="message" label="Message to the facilitators (optional)" multiline rows={3} hint="Say who you are and why you would like to join." />
        </ActionForm>
      )}
      {allowed.withdrawRequest && <ActionButton action={withdrawRequestAction} label="Withdraw my request" kind="secondary" fields={fields} />}
      {allowed.acceptInvite && <ActionButton action={acceptInvitationForAction} label="Accept invitation" fields={fields} />}
      {allowed.declineInvite && <ActionButton action={declineInvitationAction} label="Decline invitation" kind="secondary" fields={fields} />}
      {allowed.leave && <ActionButton action={leaveCommunityAction} label="Leave this community" kind="secondary" fields={fields} />}
      {status === "active" && !allowed.leave && <p className="text-sm text-muted">{page.refusals.leave}</p>}
    </section>
  );
}

type FeedData = Awaited<ReturnType<typeof getCommunityFeed>>;

function Feed({ slug, feed, error, query }: { slug: string; feed: FeedData | null; error?: string; query: Record<string, string> }) {
  const base = `/c/${slug}`;
  const filtered = Boolean(query.kind || query.tag || query.unanswered);
  return (
    <div className="mt-3 space-y-3">
      <form method="get" aria-label="Filter discussions" className="flex flex-wrap items-end gap-3 bg-panel p-3">
        <div>
          <label htmlFor="feed-kind" className="block text-sm font-semibold">
            Kind
          </label>
          <select id="feed-kind" name="kind" defaultValue={query.kind ?? ""} className="border-2 border-ink bg-white px-2 py-1">
            <option value="">All kinds</option>
            {Object.entries(kindLabel).map(([value, label]) => (
              <option key={value} value={value}>
                {label}s
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="feed-tag" className="block text-sm font-semibold">
            Tag
          </label>
          <input id="feed-tag" name="tag" defaultValue={query.tag ?? ""} className="w-36 border-2 border-ink px-2 py-1" />
        </div>
        <div className="flex items-center gap-2 pb-1">
          <input id="feed-unanswered" type="checkbox" name="unanswered" value="1" defaultChecked={Boolean(query.unanswered)} className="h-5 w-5 accent-brand" />
          <label htmlFor="feed-unanswered" className="text-sm font-semibold">
            Unanswered questions
          </label>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        {filtered && <Link href={base}>Clear filters</Link>}
      </form>
      {error && <p className="font-semibold text-danger">{error}</p>}
      {feed && feed.pinned.length + feed.items.length === 0 && (
        <p className="text-muted">
          {filtered ? "Nothing matches these filters." : "Nothing has been posted here yet."}
          {feed.canPost && " Start the first conversation."}
        </p>
      )}
      {feed && (
        <div>
          {[...feed.pinned, ...feed.items].map((item) => (
            <FeedRow key={item.id} item={item} />
          ))}
        </div>
      )}
      <nav aria-label="Discussion pages" className="flex gap-6">
        {query.cursor && <Link href={withQuery(base, { ...query, cursor: undefined })}>Newest</Link>}
        {feed?.nextCursor && (
          <Link href={withQuery(base, { ...query, cursor: feed.nextCursor })} rel="next">
            Older posts
          </Link>
        )}
      </nav>
    </div>
  );
}

function OwnUnpublished({ posts, slug }: { posts: Awaited<ReturnType<typeof ownUnpublishedPosts>>; slug: string }) {
  return (
    <div className="mt-3 border-l-4 border-ink bg-panel p-3">
      <h3 className="font-bold">Your posts that others cannot see</h3>
      <ul className="mt-1 space-y-1">
        {posts.map((post) => (
          <li key={post.id}>
            <Link href={`/c/${slug}/posts/${post.id}`}>{post.title}</Link>
            <span className="text-muted">
              {post.status === "pending" ? " · awaiting approval" : ` · hidden by a facilitator${post.hiddenReason ? `: ${post.hiddenReason}` : ""}`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
